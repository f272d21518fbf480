// The password rules both sides apply: main decides, the renderer's meter only advises, and both
// use these same limits and the same personal words for zxcvbn.

import { foldDiacritics } from '../names/fold-diacritics';

export const PASSWORD_MIN_LENGTH = 8;
export const PASSWORD_MAX_LENGTH = 64;
/** zxcvbn score 3 is GOOD (好), 4 is STRONG (很強); lower scores cannot be submitted. */
export const GOOD_SCORE = 3;
/** Words every kiosk password is checked against, besides the person's own. */
export const SITE_WORDS = ['nthu', 'tsinghua', 'mx'] as const;

export type PasswordRuleCode = 'PASSWORD_TOO_SHORT' | 'PASSWORD_TOO_LONG' | 'PASSWORD_CHARACTERS' | 'PASSWORD_PERSONAL';

export interface PasswordPerson {
  staffId: string;
  nameEn: string;
  /** The chosen account name, when there is one yet. */
  account?: string;
}

/**
 * Every run of consecutive name tokens, joined, in given-first and surname-first order:
 * zxcvbn matches whole words only, so "mingzhilin" must be a word of its own, not just "ming".
 */
export function nameWords(nameEn: string): string[] {
  const tokens = foldDiacritics(nameEn)
    .toLowerCase()
    .split(/[^a-z]+/)
    .filter(Boolean)
    .slice(0, 8);
  const words = new Set<string>();
  for (const order of [tokens, [...tokens.slice(-1), ...tokens.slice(0, -1)]]) {
    for (let start = 0; start < order.length; start += 1) {
      for (let end = start + 1; end <= order.length; end += 1) words.add(order.slice(start, end).join(''));
    }
  }
  return [...words].filter((w) => w.length >= 2);
}

/** The inputs zxcvbn penalises: the ID, the name's words, the account and the site words. */
export function personalInputs(person: PasswordPerson): string[] {
  return [
    person.staffId.toLowerCase(),
    ...nameWords(person.nameEn),
    ...(person.account ? [person.account.toLowerCase()] : []),
    ...SITE_WORDS,
  ];
}

/** The first rule the password breaks, before strength is even measured; null when none. */
export function passwordRuleViolation(password: string, person: PasswordPerson): PasswordRuleCode | null {
  if (password.length < PASSWORD_MIN_LENGTH) return 'PASSWORD_TOO_SHORT';
  if (password.length > PASSWORD_MAX_LENGTH) return 'PASSWORD_TOO_LONG';
  if (!/^[\x20-\x7e]+$/.test(password)) return 'PASSWORD_CHARACTERS';
  const lower = password.toLowerCase();
  if (lower.includes(person.staffId.toLowerCase())) return 'PASSWORD_PERSONAL';
  if (person.account && lower.includes(person.account.toLowerCase())) return 'PASSWORD_PERSONAL';
  return null;
}
