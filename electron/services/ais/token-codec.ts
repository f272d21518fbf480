// The sealed AIS handoff token. The format (docs/ais-handoff.md) is lowercase hex of
// version 0x01 ‖ 12-byte nonce ‖ AES-256-GCM ciphertext ‖ 16-byte tag, with no AAD.
// It sits behind AisTokenCodec so a site can plug in AIS's own cipher without touching the verifier.
import { createCipheriv, createDecipheriv, randomBytes } from 'node:crypto';

export type OpenedToken = { ok: true; payload: string } | { ok: false; reason: 'malformed' | 'checksum' };

export interface AisTokenCodec {
  seal(payload: string): string;
  /** Never throws: any input maps to a payload or a reason. */
  open(token: unknown): OpenedToken;
}

export const TOKEN_VERSION = 0x01;
const NONCE_BYTES = 12;
const TAG_BYTES = 16;
const HEADER_BYTES = 1 + NONCE_BYTES;
// A real payload is a few hundred bytes; anything far larger is not from AIS and is not decrypted.
export const MAX_TOKEN_HEX_CHARS = 8192;

export function parseAisKey(hex: string): Buffer {
  if (!/^[0-9a-fA-F]{64}$/.test(hex)) throw new Error('the AIS key must be 64 hexadecimal characters (32 bytes)');
  return Buffer.from(hex, 'hex');
}

const utf8 = new TextDecoder('utf-8', { fatal: true });

export function createAesGcmCodec(key: Buffer, nonces: () => Buffer = () => randomBytes(NONCE_BYTES)): AisTokenCodec {
  if (key.length !== 32) throw new Error('AES-256-GCM needs a 32-byte key');
  return {
    seal(payload) {
      const nonce = nonces();
      const cipher = createCipheriv('aes-256-gcm', key, nonce);
      const body = Buffer.concat([cipher.update(payload, 'utf8'), cipher.final()]);
      return Buffer.concat([Buffer.from([TOKEN_VERSION]), nonce, body, cipher.getAuthTag()]).toString('hex');
    },
    open(token) {
      if (typeof token !== 'string' || token.length > MAX_TOKEN_HEX_CHARS) return { ok: false, reason: 'malformed' };
      if (token.length % 2 !== 0 || !/^[0-9a-f]*$/.test(token)) return { ok: false, reason: 'malformed' };
      const bytes = Buffer.from(token, 'hex');
      if (bytes.length < HEADER_BYTES + TAG_BYTES || bytes[0] !== TOKEN_VERSION)
        return { ok: false, reason: 'malformed' };
      const nonce = bytes.subarray(1, HEADER_BYTES);
      const body = bytes.subarray(HEADER_BYTES, bytes.length - TAG_BYTES);
      const tag = bytes.subarray(bytes.length - TAG_BYTES);
      let plain: Buffer;
      try {
        const decipher = createDecipheriv('aes-256-gcm', key, nonce, { authTagLength: TAG_BYTES });
        decipher.setAuthTag(tag);
        plain = Buffer.concat([decipher.update(body), decipher.final()]);
      } catch {
        // Wrong key, altered bytes or a truncated tag all look the same: the checksum fails.
        return { ok: false, reason: 'checksum' };
      }
      try {
        return { ok: true, payload: utf8.decode(plain) };
      } catch {
        return { ok: false, reason: 'malformed' };
      }
    },
  };
}
