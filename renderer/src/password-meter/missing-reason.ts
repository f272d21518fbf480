// The one line beside a disabled Apply that says what is still missing, in the order a person
// fills the screen in: the name, the password, its rules and strength, then the confirmation.
import type { PasswordVerdict } from './PasswordFields';

export type Missing =
  | { key: 'name' | 'password' | 'scoring' | 'strength' | 'confirm' | 'mismatch' | 'busy' }
  | { key: 'rule'; rule: NonNullable<PasswordVerdict['rule']> };

/** null when nothing is missing (Apply is enabled). nameChosen is undefined where no name is chosen (reset). */
export function whatIsMissing(verdict: PasswordVerdict, busy: boolean, nameChosen?: boolean): Missing | null {
  if (busy) return { key: 'busy' };
  if (nameChosen === false) return { key: 'name' };
  if (!verdict.entered) return { key: 'password' };
  if (verdict.rule) return { key: 'rule', rule: verdict.rule };
  if (verdict.level === null || verdict.breachPending) return { key: 'scoring' };
  if (verdict.level !== 'good' && verdict.level !== 'strong') return { key: 'strength' };
  if (!verdict.confirmEntered) return { key: 'confirm' };
  if (!verdict.matches) return { key: 'mismatch' };
  return null;
}
