// The main side's password decision. The renderer's meter is advice; this is the rule: the shared
// limits, then zxcvbn's score with the person's own words, then the breached-password filter, then
// the confirmation. Score and filter come from a StrengthRater (a worker in main and the browser
// host), never from the calling thread. Creation and reset both decide here.
import {
  GOOD_SCORE,
  passwordRuleViolation,
  personalInputs,
  PASSWORD_MAX_LENGTH,
  type PasswordPerson,
} from '../../../shared/password/password-rules';
import { KioskError } from '../kiosk-error';
import type { StrengthRater } from './strength-rater';

type Zxcvbn = (password: string, userInputs?: string[]) => { score: number };
let zxcvbn: Promise<Zxcvbn> | undefined;

// zxcvbn carries ~800 KB of word lists: loaded on the first password, not at start-up.
function loadZxcvbn(): Promise<Zxcvbn> {
  zxcvbn ??= import('zxcvbn').then((m) => (m.default ?? m) as unknown as Zxcvbn);
  return zxcvbn;
}

export async function passwordScore(password: string, person: PasswordPerson): Promise<number> {
  // zxcvbn's cost grows steeply with length; nothing past the maximum is allowed anyway.
  return (await loadZxcvbn())(password.slice(0, PASSWORD_MAX_LENGTH), personalInputs(person)).score;
}

/** Scores on the calling thread: for tools and tests, never on a path that serves requests. */
export const inThreadRater: StrengthRater = {
  score: async (password, userInputs) => (await loadZxcvbn())(password, [...userInputs]).score,
  breached: async () => false,
  close: async () => undefined,
};

/** Throws KioskError with the first failed rule's code; resolves when the password may be set. */
export async function enforcePasswordPolicy(
  password: string,
  confirm: string,
  person: PasswordPerson,
  rater: StrengthRater = inThreadRater,
): Promise<void> {
  const violation = passwordRuleViolation(password, person);
  if (violation) throw new KioskError(violation);
  // zxcvbn's cost grows steeply with length; nothing past the maximum is allowed anyway.
  if ((await rater.score(password.slice(0, PASSWORD_MAX_LENGTH), personalInputs(person))) < GOOD_SCORE)
    throw new KioskError('PASSWORD_WEAK');
  // A filter hit is probable, not certain (false positives are chosen at build time): the refusal
  // says the password has appeared in breaches, never that it was taken from this person.
  if (await rater.breached(password)) throw new KioskError('PASSWORD_BREACHED');
  if (password !== confirm) throw new KioskError('PASSWORD_MISMATCH');
}
