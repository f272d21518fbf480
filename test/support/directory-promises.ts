// The promises the directory must keep after any fault, checked as the administrator sees it:
// no duplicate uid or uidNumber, no account without a password, and one account per staff ID.
import { expect } from 'vitest';
import type { RunningSlapd } from '../../dev/slapd/throwaway-slapd';
import { asAdmin } from './kiosk-people';

export async function expectDirectoryWhole(slapd: RunningSlapd, staffId: string): Promise<void> {
  const all = await asAdmin(
    slapd,
    async (c) =>
      (
        await c.search(slapd.baseDn, {
          filter: '(objectClass=posixAccount)',
          attributes: ['uid', 'uidNumber', 'sn', 'userPassword'],
        })
      ).searchEntries,
  );
  expect(new Set(all.map((e) => String(e.uidNumber))).size).toBe(all.length);
  expect(new Set(all.map((e) => String(e.uid))).size).toBe(all.length);
  expect(all.filter((e) => !e.userPassword || String(e.userPassword) === '').map((e) => e.dn)).toEqual([]);
  expect(all.filter((e) => e.sn === staffId)).toHaveLength(1);
}
