// Allocates uidNumber atomically with a counter entry: read N, then in ONE modify delete the value
// N and add N+1. LDAP applies a modify atomically, so if another kiosk took N first, deleting N
// fails (noSuchAttribute) and we read again. No two callers can ever get the same N.
// (docs/directory.md explains the method and the slapo-unique guard behind it.)
import { Attribute, Change, NoSuchAttributeError, type Client } from 'ldapts';
import { KioskError } from '../kiosk-error';
import { equals } from '../directory/ldap-names';
import { firstValue } from '../directory/ldap-values';

export interface UidRange {
  min: number;
  max: number;
}

const MAX_ATTEMPTS = 50;

export async function allocateUidNumber(client: Client, counterDn: string, baseDn: string, range: UidRange): Promise<number> {
  for (let attempt = 0; attempt < MAX_ATTEMPTS; attempt += 1) {
    const { searchEntries } = await client.search(counterDn, { scope: 'base', attributes: ['uidNumber'] });
    const current = Number(firstValue(searchEntries[0]?.uidNumber));
    if (!Number.isInteger(current)) throw new KioskError('INTERNAL', `uid counter ${counterDn} has no uidNumber`);
    const candidate = Math.max(current, range.min);
    if (candidate > range.max) throw new KioskError('INTERNAL', `uidNumber range ${range.min}-${range.max} is exhausted`);
    try {
      await client.modify(counterDn, [
        new Change({ operation: 'delete', modification: new Attribute({ type: 'uidNumber', values: [String(current)] }) }),
        new Change({ operation: 'add', modification: new Attribute({ type: 'uidNumber', values: [String(candidate + 1)] }) }),
      ]);
    } catch (error) {
      if (error instanceof NoSuchAttributeError) continue; // someone else moved the counter first
      throw error;
    }
    // Numbers handed out by other tools (the legacy portal made duplicates) are skipped.
    const clash = await client.search(baseDn, { scope: 'sub', filter: equals('uidNumber', String(candidate)), attributes: ['dn'] });
    if (clash.searchEntries.filter((e) => e.dn.toLowerCase() !== counterDn.toLowerCase()).length === 0) return candidate;
  }
  throw new KioskError('INTERNAL', 'could not allocate a uidNumber: the counter kept moving');
}
