// Allocates uidNumber atomically with a counter entry: read N, then in ONE modify delete the value
// N and add N+1. LDAP applies a modify atomically, so if another kiosk took N first, deleting N
// fails (noSuchAttribute) and we read again. No two callers can ever get the same N. With several
// providers, each has its own range and counter (account-layout.ts: uidCounterFor).
// (docs/directory.md explains the method and the slapo-unique guard behind it.)
import { ConstraintViolationError, NoSuchAttributeError, type Client } from 'ldapts';
import { KioskError } from '../kiosk-error';
import { equals } from '../directory/ldap-names';
import { firstValue } from '../directory/ldap-values';
import { change } from '../directory/ldap-changes';

export interface UidRange {
  min: number;
  max: number;
}

const MAX_ATTEMPTS = 50;
/** How many numbers in a row other entries may hold before the counter gives up on moving past them. */
const MAX_SKIPS = 100;

/**
 * One compare-and-swap: current to the first value from next on that the directory accepts.
 * slapo-unique on uidNumber may refuse the counter holding a number an account already has; that
 * number is taken, so the counter moves past it. False when another kiosk moved the counter first.
 */
async function swapCounter(client: Client, counterDn: string, current: number, next: number): Promise<boolean> {
  for (let value = next; value < next + MAX_SKIPS; value += 1) {
    try {
      await client.modify(counterDn, [
        change('delete', 'uidNumber', String(current)),
        change('add', 'uidNumber', String(value)),
      ]);
      return true;
    } catch (error) {
      if (error instanceof NoSuchAttributeError) return false; // someone else moved the counter first
      if (!(error instanceof ConstraintViolationError)) throw error;
    }
  }
  throw new KioskError('INTERNAL', `uid counter ${counterDn}: ${MAX_SKIPS} numbers after ${next - 1} are all in use`);
}

/** The counter's value now; a creation reads it while it reads the person's standing (readAhead). */
export async function readCounter(client: Client, counterDn: string): Promise<number> {
  const { searchEntries } = await client.search(counterDn, { scope: 'base', attributes: ['uidNumber'] });
  const current = Number(firstValue(searchEntries[0]?.uidNumber));
  if (!Number.isInteger(current)) throw new KioskError('INTERNAL', `uid counter ${counterDn} has no uidNumber`);
  return current;
}

/**
 * readAhead, when given, is the counter as read a moment ago: the first compare-and-swap starts
 * from it instead of reading again. A stale value only makes that swap fail and the loop read anew,
 * so atomicity rests on the swap alone, never on how fresh the read was.
 */
export async function allocateUidNumber(
  client: Client,
  { counterDn, baseDn, range, readAhead }: { counterDn: string; baseDn: string; range: UidRange; readAhead?: number },
): Promise<number> {
  for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt += 1) {
    const current = attempt === 0 && readAhead !== undefined ? readAhead : await readCounter(client, counterDn);
    const candidate = Math.max(current, range.min);
    if (candidate > range.max)
      throw new KioskError('INTERNAL', `uidNumber range ${range.min}-${range.max} is exhausted`);
    // Numbers handed out by other tools (the legacy portal made duplicates) are skipped. The search
    // for one goes with the swap: it does not depend on the swap's outcome, and is dropped with it.
    // Both are awaited whatever either does, so no write of this allocation outlives it.
    const [swap, search] = await Promise.allSettled([
      swapCounter(client, counterDn, current, candidate + 1),
      client.search(baseDn, { scope: 'sub', filter: equals('uidNumber', String(candidate)), attributes: ['dn'] }),
    ]);
    if (swap.status === 'rejected') throw swap.reason;
    if (search.status === 'rejected') throw search.reason;
    const [swapped, clash] = [swap.value, search.value];
    if (!swapped) continue;
    if (clash.searchEntries.filter((e) => e.dn.toLowerCase() !== counterDn.toLowerCase()).length === 0)
      return candidate;
  }
  throw new KioskError('INTERNAL', 'could not allocate a uidNumber: the counter kept moving');
}
