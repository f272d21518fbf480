// The directory's password policy refusing a password (in an add or a Password Modify), mapped to
// the code the person sees, with the directory's own words.
import { ConstraintViolationError } from 'ldapts';
import { KioskError } from '../kiosk-error';

/** Maps a directory refusal of a password to its code, keeping the directory's own words. */
export function passwordRefusal(error: unknown): KioskError | null {
  if (!(error instanceof ConstraintViolationError)) return null;
  // ldapts appends the result code to the server's text; the person sees only the server's words.
  const reason = error.message
    .split('\n')[0]!
    .replace(/\s*Code: 0x[0-9a-f]+\s*$/i, '')
    .slice(0, 200);
  // The current password and the remembered ones are all "recently used" to the person.
  const recent = /history|not being changed/i.test(reason);
  return new KioskError(recent ? 'PASSWORD_IN_HISTORY' : 'PASSWORD_REFUSED', reason, { reason });
}
