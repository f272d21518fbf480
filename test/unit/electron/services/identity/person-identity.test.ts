// One identity rule for the AIS path and the HR path: ID roles, eligibility, and names made safe
// to show, store and turn into account names (no control or bidi characters survive).
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  cleanChineseName,
  cleanPassportName,
  normaliseStaffId,
  requireEligible,
  requireRole,
  roleOf,
  withoutHiddenCharacters,
} from '../../../../../electron/services/identity/person-identity';
import { normaliseHandoff } from '../../../../../electron/services/ais/handoff-payload';

// eslint-disable-next-line no-control-regex -- the characters a clean name must not contain
const HIDDEN = /[\u0000-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/;

describe('person identity', () => {
  it('normalises IDs and knows their roles', () => {
    expect(normaliseStaffId('  Z10001 ')).toBe('z10001');
    expect(requireRole('z10001')).toBe('staff');
    expect(requireRole('110062001')).toBe('student');
    expect(() => requireRole('zz1')).toThrow(expect.objectContaining({ code: 'ROLE(0)' }));
    expect(roleOf('')).toBeNull();
  });

  it('lets only the configured conditions apply', () => {
    const rules = { staff: ['一般'], student: [] };
    expect(() => requireEligible(rules, 'staff', '一般')).not.toThrow();
    expect(() => requireEligible(rules, 'staff', '離職')).toThrow(expect.objectContaining({ code: 'USER(-4)' }));
    expect(() => requireEligible(rules, 'student', '校')).toThrow(expect.objectContaining({ code: 'USER(-4)' }));
  });

  it('removes controls, NUL and bidi overrides from names, and keeps the rest', () => {
    expect(cleanPassportName('WANG,\u202eGNIM-OAISH\u202c')).toBe('WANG,GNIM-OAISH');
    expect(cleanPassportName('Gödel\u0000 Kurt\u2066')).toBe('Gödel Kurt');
    expect(cleanChineseName('王\u200f 小\u3000明\u0007')).toBe('王小明');
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 80 }), (text) => {
        expect(HIDDEN.test(withoutHiddenCharacters(text))).toBe(false);
        expect(HIDDEN.test(cleanPassportName(text))).toBe(false);
        expect(HIDDEN.test(cleanChineseName(text))).toBe(false);
      }),
      { numRuns: 400 },
    );
  });

  it('cleans the names of an AIS handoff, entities included, before anything shows or stores them', () => {
    const payload = normaliseHandoff({
      id: 'z1',
      ip: '10.0.0.1',
      timestamp: '1',
      name: '王&#x202E;小明',
      name_en: 'LIN,&#8238;MING\u2067',
    });
    expect(payload).toMatchObject({ name: '王小明', nameEn: 'LIN,MING' });
  });
});
