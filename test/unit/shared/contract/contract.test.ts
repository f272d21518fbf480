// The contract's invariants: channel naming, code stability, and a schema pair per method.
import { describe, expect, it } from 'vitest';
import { ALL_CHANNELS, CHANNELS } from '../../../../shared/contract/channels';
import { LEGACY_CODES, RESULT_CODES, isResultCode } from '../../../../shared/contract/codes';
import { CONTRACT } from '../../../../shared/contract/schemas';

describe('contract', () => {
  it('names every channel domain:action, uniquely', () => {
    for (const channel of ALL_CHANNELS) expect(channel).toMatch(/^[a-z]+:[a-z][a-zA-Z]*$/);
    expect(new Set(ALL_CHANNELS).size).toBe(ALL_CHANNELS.length);
  });

  it('has request and response schemas for exactly the methods that have channels', () => {
    expect(Object.keys(CONTRACT).sort()).toEqual(Object.keys(CHANNELS).sort());
    for (const [method, spec] of Object.entries(CONTRACT)) {
      expect(spec.channel).toBe(CHANNELS[method as keyof typeof CHANNELS]);
    }
  });

  it('keeps the legacy portal codes staff already know, spelled exactly', () => {
    expect(LEGACY_CODES).toEqual([
      'DECRYPT(-2)',
      'SESSION(0)',
      'SESSION(-1)',
      'SESSION(-2)',
      'ROLE(0)',
      'USER(-1)',
      'USER(-2)',
      'USER(-3)',
      'USER(-4)',
      'USER(-5)',
    ]);
    expect(new Set(RESULT_CODES).size).toBe(RESULT_CODES.length);
  });

  it('recognises only known codes', () => {
    expect(isResultCode('USER(-1)')).toBe(true);
    expect(isResultCode('USER(-9)')).toBe(false);
    expect(isResultCode(undefined)).toBe(false);
  });

  it('refuses extra request fields for a method without payload', () => {
    expect(CONTRACT.status.request.safeParse({}).success).toBe(true);
    expect(CONTRACT.status.request.safeParse({ ldapUrl: 'x' }).success).toBe(false);
  });
});
