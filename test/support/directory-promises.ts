// The promises the kiosk must keep after any fault: the person's own retry gets the account, and,
// as the administrator sees the directory, no duplicate uid or uidNumber, no account without a
// password, and one account per staff ID.
import { expect } from 'vitest';
import type { RunningSlapd } from '../../dev/slapd/throwaway-slapd';
import type { HandoffFields } from '../../electron/services/ais/handoff-payload';
import { asAdmin } from './directory-checks';
import { signIn, STRONG_PASSWORD, type Backend } from './kiosk-people';

/** The person's own retry after a creation that did not finish: signed in again, they get the first name offered. */
export async function expectRetryCreates(backend: Backend, person: HandoffFields): Promise<void> {
  const again = await signIn(backend, person);
  const [name] = await backend.creation.candidates(again);
  await expect(
    backend.creation.create(
      again,
      { account: name!, password: STRONG_PASSWORD, confirm: STRONG_PASSWORD },
      '127.0.0.1',
    ),
  ).resolves.toMatchObject({ uid: name });
}

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
