// The truth after a fault in the password window. When the connection breaks while a new password
// is on its way (the Password Modify sent and its answer lost, or the read-back or proving bind
// cut off), the kiosk cannot know from the error whether the password took. It finds out before
// it answers: a bind with the new password says yes or no, once the directory answers again.
import { ConstraintViolationError } from 'ldapts';
import { KioskError } from '../kiosk-error';

export type PasswordTruth = 'set' | 'not-set' | 'unknown';

/** How long to wait for the directory to come back before saying honestly that nobody knows. */
export const PASSWORD_TRUTH_BOUND_MS = 8_000;
/**
 * How long a first "no" waits to be asked again. A Password Modify that reached slapd before its
 * connection broke still runs, and hashing with ARGON2 takes tens of milliseconds (more on a busy
 * server): a bind sent at once can come before the new password is stored. Two binds at most, so a
 * failed-bind lockout policy counts this as little as possible.
 */
export const PASSWORD_SETTLE_MS = 1_000;
const RETRY_EVERY_MS = 150;

export async function whetherPasswordTook(
  bindsAs: (dn: string, password: string) => Promise<boolean>,
  dn: string,
  password: string,
  boundMs: number = PASSWORD_TRUTH_BOUND_MS,
  settleMs: number = PASSWORD_SETTLE_MS,
): Promise<PasswordTruth> {
  const deadline = Date.now() + boundMs;
  let refusedOnce = false;
  for (;;) {
    try {
      if (await bindsAs(dn, password)) return 'set';
      if (refusedOnce) return 'not-set';
      refusedOnce = true;
      await new Promise((resolve) => setTimeout(resolve, settleMs));
      continue;
    } catch (error) {
      if (!(error instanceof KioskError && error.code === 'DIRECTORY_UNAVAILABLE')) throw error;
    }
    if (Date.now() + RETRY_EVERY_MS > deadline) return 'unknown';
    await new Promise((resolve) => setTimeout(resolve, RETRY_EVERY_MS));
  }
}

/** Maps a directory refusal of a password to its code, keeping the directory's own words. */
export function passwordRefusal(error: unknown): KioskError | null {
  if (!(error instanceof ConstraintViolationError)) return null;
  // ldapts appends the result code to the server's text; the person sees only the server's words.
  const reason = error.message.split('\n')[0]!.replace(/\s*Code: 0x[0-9a-f]+\s*$/i, '').slice(0, 200);
  // The current password and the remembered ones are all "recently used" to the person.
  const recent = /history|not being changed/i.test(reason);
  return new KioskError(recent ? 'PASSWORD_IN_HISTORY' : 'PASSWORD_REFUSED', reason, { reason });
}
