// The meter's levels in both languages, and the personal words it gives the scorer.
import { describe, expect, it } from 'vitest';
import { levelOf } from './PasswordFields';
import { personalInputs } from '../../../shared/password/password-rules';
import { LOCALES } from '../testing/locales';

describe('password meter', () => {
  it('maps zxcvbn scores to Weak/Fair/Good/Strong', () => {
    expect([0, 1, 2, 3, 4].map(levelOf)).toEqual(['weak', 'weak', 'fair', 'good', 'strong']);
  });

  it('labels them 弱/普通/好/很強 and Weak/Fair/Good/Strong', () => {
    const levels = (l: (typeof LOCALES)[keyof typeof LOCALES]) =>
      (l.password as { levels: Record<string, string> }).levels;
    expect(['weak', 'fair', 'good', 'strong'].map((k) => levels(LOCALES['zh-TW'])[k])).toEqual([
      '弱',
      '普通',
      '好',
      '很強',
    ]);
    expect(['weak', 'fair', 'good', 'strong'].map((k) => levels(LOCALES.en)[k])).toEqual([
      'Weak',
      'Fair',
      'Good',
      'Strong',
    ]);
  });

  it('uses the same personal words as the main side', () => {
    expect(personalInputs({ staffId: 'Z10003', nameEn: 'Ming-Zhi Lin', account: 'mzlin2' })).toContain('z10003');
    expect(personalInputs({ staffId: 'z10003', nameEn: 'Ming-Zhi Lin', account: 'mzlin2' })).toContain('linmingzhi');
  });
});
