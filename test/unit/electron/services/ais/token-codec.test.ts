// The sealed token format: layout, and every way a token can be malformed or fail its checksum.
import { createCipheriv, randomBytes } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  createAesGcmCodec,
  MAX_TOKEN_HEX_CHARS,
  parseAisKey,
  TOKEN_VERSION,
} from '../../../../../electron/services/ais/token-codec';
import { TEST_AIS_KEY_HEX } from '../../../../support/test-config';

const key = parseAisKey(TEST_AIS_KEY_HEX);
const codec = createAesGcmCodec(key);

function flip(token: string, byteIndex: number): string {
  const bytes = Buffer.from(token, 'hex');
  bytes[byteIndex]! ^= 0x01;
  return bytes.toString('hex');
}

describe('AES-256-GCM token codec', () => {
  it('seals to lowercase hex: version ‖ 12-byte nonce ‖ ciphertext ‖ 16-byte tag', () => {
    const token = codec.seal('id = z1');
    expect(token).toMatch(/^[0-9a-f]+$/);
    const bytes = Buffer.from(token, 'hex');
    expect(bytes[0]).toBe(TOKEN_VERSION);
    expect(bytes.length).toBe(1 + 12 + Buffer.byteLength('id = z1') + 16);
    expect(codec.open(token)).toEqual({ ok: true, payload: 'id = z1' });
  });

  it('uses a fresh nonce per token', () => {
    expect(codec.seal('x')).not.toBe(codec.seal('x'));
  });

  it('interoperates with a plain node:crypto implementation of the documented format', () => {
    const nonce = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', key, nonce);
    const body = Buffer.concat([cipher.update('name = 王小明', 'utf8'), cipher.final()]);
    const token = Buffer.concat([Buffer.from([1]), nonce, body, cipher.getAuthTag()]).toString('hex');
    expect(codec.open(token)).toEqual({ ok: true, payload: 'name = 王小明' });
  });

  it.each([
    ['not a string', 42],
    ['empty', ''],
    ['not hex', 'zz'.repeat(40)],
    ['uppercase hex', codec.seal('id = z1').toUpperCase()],
    ['odd length', codec.seal('id = z1').slice(1)],
    ['too short for nonce and tag', '01' + '00'.repeat(27)],
    ['unknown version', '02' + codec.seal('id = z1').slice(2)],
    ['absurdly long', 'ab'.repeat(MAX_TOKEN_HEX_CHARS)],
  ])('calls a token %s malformed', (_label, token) => {
    expect(codec.open(token)).toEqual({ ok: false, reason: 'malformed' });
  });

  it('fails the checksum for a wrong key', () => {
    const other = createAesGcmCodec(Buffer.alloc(32, 7));
    expect(other.open(codec.seal('id = z1'))).toEqual({ ok: false, reason: 'checksum' });
  });

  it('fails the checksum for a flipped bit in the nonce, the ciphertext and the tag', () => {
    const token = codec.seal('id = z1\nip = 192.0.2.1');
    const length = token.length / 2;
    for (const index of [1, 12, 13, 20, length - 17, length - 16, length - 1]) {
      expect({ index, result: codec.open(flip(token, index)) }).toEqual({
        index,
        result: { ok: false, reason: 'checksum' },
      });
    }
    // The version byte is checked before decryption: a flip there is malformed.
    expect(codec.open(flip(token, 0))).toEqual({ ok: false, reason: 'malformed' });
  });

  it('fails the checksum for a truncated tag and for appended bytes', () => {
    const token = codec.seal('id = z1');
    expect(codec.open(token.slice(0, -2))).toEqual({ ok: false, reason: 'checksum' });
    expect(codec.open(token + '00')).toEqual({ ok: false, reason: 'checksum' });
  });

  it('calls an authentic payload that is not UTF-8 malformed', () => {
    const nonce = randomBytes(12);
    const cipher = createCipheriv('aes-256-gcm', key, nonce);
    const body = Buffer.concat([cipher.update(Buffer.from([0xff, 0xfe, 0x41])), cipher.final()]);
    const token = Buffer.concat([Buffer.from([1]), nonce, body, cipher.getAuthTag()]).toString('hex');
    expect(codec.open(token)).toEqual({ ok: false, reason: 'malformed' });
  });

  it('refuses keys that are not 32 bytes', () => {
    expect(() => parseAisKey('ab'.repeat(31))).toThrow(/64 hexadecimal/);
    expect(() => createAesGcmCodec(Buffer.alloc(16))).toThrow(/32-byte/);
  });
});
