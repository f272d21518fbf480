// docs/ais-handoff.md is what AIS developers implement against: its worked example and its Node
// snippet must agree with the kiosk's codec and verifier.
import { createCipheriv } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { normaliseHandoff, parseHandoffFields } from '../../../electron/services/ais/handoff-payload';
import { createAesGcmCodec, parseAisKey } from '../../../electron/services/ais/token-codec';

const doc = readFileSync('docs/ais-handoff.md', 'utf8');
const cell = (label: string) => new RegExp(`\\| ${label} \\| \`([0-9a-f]+)\` \\|`).exec(doc)?.[1];
const textBlocks = [...doc.matchAll(/```text\n([\s\S]*?)\n```/g)].map((m) => m[1]!);

const keyHex = cell('key \\(hex\\)')!;
const nonceHex = cell('nonce \\(hex\\)')!;
const [payload, token] = textBlocks;

describe('docs/ais-handoff.md worked example', () => {
  it('is present', () => {
    expect(keyHex).toHaveLength(64);
    expect(nonceHex).toHaveLength(24);
    expect(payload).toContain('id = z10001');
    expect(token).toMatch(/^01[0-9a-f]+$/);
  });

  it('seals to exactly the documented token and opens back to the payload', () => {
    const codec = createAesGcmCodec(parseAisKey(keyHex), () => Buffer.from(nonceHex, 'hex'));
    expect(codec.seal(payload!)).toBe(token);
    expect(codec.open(token)).toEqual({ ok: true, payload });
  });

  it('matches the Node snippet on the page (same key and nonce)', () => {
    const cipher = createCipheriv('aes-256-gcm', Buffer.from(keyHex, 'hex'), Buffer.from(nonceHex, 'hex'));
    const ciphertext = Buffer.concat([cipher.update(payload!, 'utf8'), cipher.final()]);
    expect(
      Buffer.concat([Buffer.from([0x01]), Buffer.from(nonceHex, 'hex'), ciphertext, cipher.getAuthTag()]).toString(
        'hex',
      ),
    ).toBe(token);
  });

  it('decodes to the documented profile', () => {
    expect(normaliseHandoff(parseHandoffFields(payload!)!)).toMatchObject({
      id: 'z10001',
      name: '王小明',
      ip: '140.114.0.10',
      timestamp: 1_800_000_000,
      language: 'zh-TW',
    });
  });
});
