// Every code the verifier can return, the time boundaries, replay, and a 100,000-case property.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { AisHandoffVerifier } from '../../../../../electron/services/ais/handoff-verifier';
import { roleOf } from '../../../../../electron/services/identity/person-identity';
import { createAesGcmCodec } from '../../../../../electron/services/ais/token-codec';
import { KioskError } from '../../../../../electron/services/kiosk-error';
import { mint, T0, testCodec } from '../../../../support/ais-tokens';

const KIOSK_IP = '192.0.2.10';
const eligibility = { staff: ['一般', '出國', '借調', '退休'], student: [] as string[] };

function verifierAt(seconds: number, codec = testCodec, rules = eligibility) {
  const clock = {
    nowMs: seconds * 1000,
    now() {
      return this.nowMs;
    },
  };
  return {
    clock,
    verifier: new AisHandoffVerifier(codec, clock, { validitySeconds: 120, futureSkewSeconds: 30, eligibility: rules }),
  };
}

function codeOf(fn: () => unknown): string {
  try {
    fn();
  } catch (error) {
    if (error instanceof KioskError) return error.code;
    throw error;
  }
  return 'accepted';
}

describe('AisHandoffVerifier', () => {
  it('accepts a fresh token from this kiosk and returns the normalised profile', () => {
    const { verifier } = verifierAt(T0);
    expect(verifier.verify(mint({ name_en: 'GÖDEL,KURT' }), [KIOSK_IP])).toEqual({
      id: 'z10001',
      name: '王小明',
      nameEn: 'GÖDEL,KURT',
      ip: KIOSK_IP,
      timestamp: T0,
      language: 'zh-TW',
      condition: '一般',
      role: 'staff',
    });
  });

  it('DECRYPT(-1) for malformed tokens and payloads without id, timestamp or ip', () => {
    const { verifier } = verifierAt(T0);
    expect(codeOf(() => verifier.verify('not-hex', [KIOSK_IP]))).toBe('DECRYPT(-1)');
    expect(codeOf(() => verifier.verify(undefined, [KIOSK_IP]))).toBe('DECRYPT(-1)');
    expect(codeOf(() => verifier.verify(testCodec.seal('garbage line'), [KIOSK_IP]))).toBe('DECRYPT(-1)');
    for (const missing of ['id', 'timestamp', 'ip'] as const) {
      expect({ missing, code: codeOf(() => verifier.verify(mint({ [missing]: undefined }), [KIOSK_IP])) }).toEqual({
        missing,
        code: 'DECRYPT(-1)',
      });
    }
  });

  it('DECRYPT(-2) for a token sealed with another key', () => {
    const { verifier } = verifierAt(T0);
    expect(codeOf(() => verifier.verify(mint({}, createAesGcmCodec(Buffer.alloc(32, 9))), [KIOSK_IP]))).toBe(
      'DECRYPT(-2)',
    );
  });

  it('accepts at 120 s old and refuses at 121 s', () => {
    expect(codeOf(() => verifierAt(T0 + 120).verifier.verify(mint(), [KIOSK_IP]))).toBe('accepted');
    expect(codeOf(() => verifierAt(T0 + 121).verifier.verify(mint(), [KIOSK_IP]))).toBe('DECRYPT(-2)');
  });

  it('accepts 30 s in the future and refuses 31 s', () => {
    expect(codeOf(() => verifierAt(T0 - 30).verifier.verify(mint(), [KIOSK_IP]))).toBe('accepted');
    expect(codeOf(() => verifierAt(T0 - 31).verifier.verify(mint(), [KIOSK_IP]))).toBe('DECRYPT(-2)');
  });

  it('DECRYPT(-3) for a token used twice, and only once it succeeded', () => {
    const { verifier } = verifierAt(T0);
    const token = mint();
    expect(codeOf(() => verifier.verify(token, ['198.51.100.1']))).toBe('SESSION(-2)');
    expect(codeOf(() => verifier.verify(token, [KIOSK_IP]))).toBe('accepted');
    expect(codeOf(() => verifier.verify(token, [KIOSK_IP]))).toBe('DECRYPT(-3)');
  });

  it('forgets used tokens only once they would be expired anyway', () => {
    const { verifier, clock } = verifierAt(T0);
    const token = mint();
    verifier.verify(token, [KIOSK_IP]);
    clock.nowMs = (T0 + 120) * 1000;
    expect(codeOf(() => verifier.verify(token, [KIOSK_IP]))).toBe('DECRYPT(-3)');
    clock.nowMs = (T0 + 300) * 1000;
    expect(codeOf(() => verifier.verify(token, [KIOSK_IP]))).toBe('DECRYPT(-2)');
  });

  it('SESSION(-2) when the token names another address; IPv4-mapped peers count as IPv4', () => {
    const { verifier } = verifierAt(T0);
    expect(codeOf(() => verifier.verify(mint(), ['198.51.100.1']))).toBe('SESSION(-2)');
    expect(codeOf(() => verifier.verify(mint(), []))).toBe('SESSION(-2)');
    expect(codeOf(() => verifier.verify(mint(), ['::ffff:192.0.2.10']))).toBe('accepted');
  });

  it('ROLE(0) for an ID that is neither a staff nor a student shape', () => {
    const { verifier } = verifierAt(T0);
    for (const id of ['zz1000', '1a2b', 'z', 'z10001x', 'admin']) {
      expect({ id, code: codeOf(() => verifier.verify(mint({ id }), [KIOSK_IP])) }).toEqual({ id, code: 'ROLE(0)' });
    }
  });

  it('USER(-4) for a condition not configured as eligible', () => {
    const { verifier } = verifierAt(T0);
    expect(codeOf(() => verifier.verify(mint({ condition: '離職' }), [KIOSK_IP]))).toBe('USER(-4)');
    expect(codeOf(() => verifier.verify(mint({ id: '110062001', condition: '校' }), [KIOSK_IP]))).toBe('USER(-4)');
    const withStudents = verifierAt(T0, testCodec, { ...eligibility, student: ['校', '復', '畢'] }).verifier;
    expect(withStudents.verify(mint({ id: '110062001', condition: '校' }), [KIOSK_IP]).role).toBe('student');
  });

  it('accepts every configured staff condition', () => {
    for (const condition of eligibility.staff) {
      expect(codeOf(() => verifierAt(T0).verifier.verify(mint({ condition }), [KIOSK_IP]))).toBe('accepted');
    }
  });

  it('accepts no random or mutated token and lets no other exception escape (100,000 cases)', () => {
    const { verifier } = verifierAt(T0);
    const genuine = Buffer.from(mint(), 'hex');
    const mutated = fc
      .tuple(fc.nat({ max: genuine.length - 1 }), fc.integer({ min: 1, max: 255 }), fc.nat({ max: 3 }))
      .map(([index, mask, mode]) => {
        const bytes = Buffer.from(genuine);
        if (mode === 0) bytes[index]! ^= mask;
        if (mode === 1) return bytes.subarray(0, index).toString('hex');
        if (mode === 2) return Buffer.concat([bytes, Buffer.from([mask])]).toString('hex');
        if (mode === 3) return bytes.toString('hex').replace(/[0-9a-f]/, (c) => (c === 'f' ? 'F' : 'f'));
        return bytes.toString('hex');
      });
    const randomHex = fc.uint8Array({ minLength: 0, maxLength: 200 }).map((b) => Buffer.from(b).toString('hex'));
    const anything = fc.oneof(fc.string(), fc.constant(null), fc.integer(), fc.object());
    fc.assert(
      fc.property(fc.oneof(mutated, randomHex, anything), (token) => {
        try {
          verifier.verify(token, [KIOSK_IP]);
          return false; // accepted: a forgery got through
        } catch (error) {
          return error instanceof KioskError;
        }
      }),
      { numRuns: 100_000 },
    );
    // 100,000 cases take seconds on a busy machine: the limit is about the machine, not the code.
  }, 120_000);
});

describe('roleOf', () => {
  it('tells staff (letter + digits) from students (digits only)', () => {
    expect([roleOf('z99999'), roleOf('110062001'), roleOf('Z99999'), roleOf('zz1'), roleOf('')]).toEqual([
      'staff',
      'student',
      null,
      null,
      null,
    ]);
  });
});
