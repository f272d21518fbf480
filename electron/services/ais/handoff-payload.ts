// The handoff payload AIS seals: `key = value` lines. Parsing is strict (an unknown line shape or
// a repeated key is refused); normalising makes names and IDs comparable the way the portal did.
import { isIP } from 'node:net';
import { cleanChineseName, cleanPassportName } from '../identity/person-identity';
import type { KioskLanguage } from '../../../shared/contract/schemas';

export const PAYLOAD_KEYS = ['charset', 'name', 'name_en', 'id', 'ip', 'timestamp', 'language', 'condition'] as const;
export type PayloadKey = (typeof PAYLOAD_KEYS)[number];
export type HandoffFields = Partial<Record<PayloadKey, string>>;

export type { KioskLanguage };

export interface HandoffPayload {
  id: string;
  name: string;
  nameEn: string;
  ip: string;
  timestamp: number;
  language: KioskLanguage;
  condition: string;
}

const LINE = /^[ \t]*([a-z_]+)[ \t]*=[ \t]?(.*)$/;

/** Returns the fields, or null when the text is not a well-formed payload. */
export function parseHandoffFields(text: string): HandoffFields | null {
  const fields: HandoffFields = {};
  for (const rawLine of text.split(/\r?\n/)) {
    if (rawLine.trim() === '') continue;
    const match = LINE.exec(rawLine);
    if (!match) return null;
    const key = match[1]!;
    if (!(PAYLOAD_KEYS as readonly string[]).includes(key)) continue; // newer AIS fields are ignored
    // A repeated key would let whoever controls one line override another: refuse it.
    if (key in fields) return null;
    fields[key as PayloadKey] = match[2]!.replace(/[ \t]+$/, '');
  }
  return fields;
}

export function serializeHandoffFields(fields: HandoffFields): string {
  return PAYLOAD_KEYS.filter((k) => fields[k] !== undefined)
    .map((k) => `${k} = ${fields[k]}`)
    .join('\n');
}

/** Decodes &#NNN; and &#xHH; (the only entities AIS emits); invalid code points stay as text. */
export function decodeNumericEntities(text: string): string {
  return text.replace(
    /&#(?:[xX]([0-9a-fA-F]{1,6})|([0-9]{1,7}));/g,
    (whole, hex: string | undefined, dec: string | undefined) => {
      const code = hex !== undefined ? parseInt(hex, 16) : parseInt(dec!, 10);
      const usable = code > 0x1f && code <= 0x10ffff && !(code >= 0xd800 && code <= 0xdfff) && code !== 0x7f;
      return usable ? String.fromCodePoint(code) : whole;
    },
  );
}

export function mapLanguage(value: string | undefined): KioskLanguage {
  return value?.trim().toLowerCase() === 'en' ? 'en' : 'zh-TW';
}

export function normaliseIp(ip: string): string {
  const trimmed = ip.trim().toLowerCase();
  // A dual-stack socket reports IPv4 peers as ::ffff:a.b.c.d.
  return trimmed.startsWith('::ffff:') && isIP(trimmed.slice(7)) === 4 ? trimmed.slice(7) : trimmed;
}

/** Returns the normalised payload, or null when a required field is missing or unusable. */
export function normaliseHandoff(fields: HandoffFields): HandoffPayload | null {
  const charset = fields.charset?.trim().toLowerCase();
  if (charset !== undefined && charset !== 'utf-8' && charset !== 'utf8') return null;
  const id = fields.id?.trim().toLowerCase();
  const ip = fields.ip === undefined ? '' : normaliseIp(fields.ip);
  const timestampText = fields.timestamp?.trim();
  if (!id || !timestampText || !/^[0-9]{1,12}$/.test(timestampText) || isIP(ip) === 0) return null;
  return {
    id,
    // Decoded first, then cleaned: an entity must not smuggle in a control or bidi character.
    name: cleanChineseName(decodeNumericEntities(fields.name ?? '')),
    nameEn: cleanPassportName(decodeNumericEntities(fields.name_en ?? '')),
    ip,
    timestamp: Number(timestampText),
    language: mapLanguage(fields.language),
    condition: (fields.condition ?? '').trim(),
  };
}
