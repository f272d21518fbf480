// The main side's password rule: every code, with zxcvbn's real scoring.
import { describe, expect, it } from 'vitest';
import { enforcePasswordPolicy, passwordScore } from '../../../../../electron/services/password/password-policy';
import { KioskError } from '../../../../../electron/services/kiosk-error';
import { personalInputs } from '../../../../../shared/password/password-rules';

const person = { staffId: 'z10003', nameEn: 'Ming-Zhi Lin', account: 'mzlin' };
const STRONG = 'Vb7#qLm2!xTr9wKz';

async function codeOf(password: string, confirm = password): Promise<string> {
  try {
    await enforcePasswordPolicy(password, confirm, person);
    return 'ok';
  } catch (error) {
    if (error instanceof KioskError) return error.code;
    throw error;
  }
}

describe('enforcePasswordPolicy', () => {
  it('accepts a strong password that is confirmed', async () => {
    expect(await codeOf(STRONG)).toBe('ok');
  });

  it.each([
    ['Ab1!xyz', 'PASSWORD_TOO_SHORT'],
    ['Ab1!'.repeat(16) + 'x', 'PASSWORD_TOO_LONG'],
    ['Ünïcödé-Passwörd-2026', 'PASSWORD_CHARACTERS'],
    ['tab\there-Passw0rd!', 'PASSWORD_CHARACTERS'],
    ['Q7!Z10003-strongish', 'PASSWORD_PERSONAL'],
    ['xx-MzLin-Vb7#qLm2', 'PASSWORD_PERSONAL'],
    ['password123', 'PASSWORD_WEAK'],
    ['mingzhilin2026', 'PASSWORD_WEAK'],
    ['Tsinghua2026', 'PASSWORD_WEAK'],
    ['LinMingZhi!88', 'PASSWORD_WEAK'],
  ])('refuses %j with %s', async (password, code) => {
    expect(await codeOf(password)).toBe(code);
  });

  it('refuses a confirmation that differs', async () => {
    expect(await codeOf(STRONG, `${STRONG}x`)).toBe('PASSWORD_MISMATCH');
  });

  it('lets exactly 8 characters past the length rule (strength decides) and accepts 64 strong ones', async () => {
    expect(await codeOf('Vb7#qLm2')).not.toMatch(/TOO_SHORT|TOO_LONG/);
    expect(await codeOf('Vb7#qLm2!xTr9wKz'.repeat(4))).toBe('ok');
  });

  it('scores the person’s own words lower than the same shape of random letters', async () => {
    expect(await passwordScore('mingzhilin', person)).toBeLessThan(await passwordScore('qxvjwpbnrt', person));
  });

  it('passes the ID, name tokens, account and site words to zxcvbn', () => {
    expect(personalInputs(person)).toEqual([
      'z10003',
      'ming',
      'mingzhi',
      'mingzhilin',
      'zhi',
      'zhilin',
      'lin',
      'linming',
      'linmingzhi',
      'mzlin',
      'nthu',
      'tsinghua',
      'mx',
    ]);
  });
});
