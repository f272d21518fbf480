// The truth after a fault. When the connection breaks while a write is on its way (an add carrying
// a password, a Password Modify, or the read-back or proving bind after one), the kiosk cannot
// know from the error whether it took. It finds out before it answers, by asking the directory
// once it answers again: does the entry exist, does the new password bind.
import { hasCode } from '../kiosk-error';

export type PasswordTruth = 'set' | 'not-set' | 'unknown';

/** How long to wait for the directory to come back before saying honestly that nobody knows. */
export const PASSWORD_TRUTH_BOUND_MS = 8_000;
/**
 * How long a first "no" waits to be asked again. A write that reached slapd before its connection
 * broke still runs, and hashing with ARGON2 takes tens of milliseconds (more on a busy server): a
 * question sent at once can come before the write is stored. Two questions at most, so a
 * failed-bind lockout policy counts this as little as possible.
 */
export const PASSWORD_SETTLE_MS = 1_000;
const RETRY_EVERY_MS = 150;

const pause = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/**
 * Asks until the directory answers, for at most boundMs: 'unknown' when it never does. An answer
 * equal to notYet (the write is not there) is asked once more after settleMs, and that second
 * answer stands. Anything but an outage is not swallowed.
 */
export async function askAfterFault<T extends string>(
  ask: () => Promise<T>,
  notYet: T,
  timing: { boundMs: number; settleMs: number },
): Promise<T | 'unknown'> {
  const deadline = Date.now() + timing.boundMs;
  let settled = false;
  for (;;) {
    try {
      const answer = await ask();
      if (answer !== notYet || settled) return answer;
      settled = true;
      await pause(timing.settleMs);
      continue;
    } catch (error) {
      if (!hasCode(error, 'DIRECTORY_UNAVAILABLE')) throw error;
    }
    if (Date.now() + RETRY_EVERY_MS > deadline) return 'unknown';
    await pause(RETRY_EVERY_MS);
  }
}

export function whetherPasswordTook(
  bindsAs: (dn: string, password: string) => Promise<boolean>,
  dn: string,
  password: string,
  { boundMs = PASSWORD_TRUTH_BOUND_MS, settleMs = PASSWORD_SETTLE_MS }: { boundMs?: number; settleMs?: number } = {},
): Promise<PasswordTruth> {
  return askAfterFault(async () => ((await bindsAs(dn, password)) ? 'set' : 'not-set'), 'not-set', {
    boundMs,
    settleMs,
  });
}
