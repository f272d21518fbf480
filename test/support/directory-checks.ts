// Looking at the throwaway directory from outside the kiosk, to check what a test made it do: as
// the directory's administrator, or binding as the person.
import { Client } from 'ldapts';
import type { RunningSlapd } from '../../dev/slapd/throwaway-slapd';

export async function asAdmin<T>(slapd: RunningSlapd, fn: (client: Client) => Promise<T>): Promise<T> {
  const client = new Client({ url: slapd.ldapUrl });
  await client.bind(slapd.adminDn, slapd.adminPassword);
  try {
    return await fn(client);
  } finally {
    await client.unbind();
  }
}

/** The person's accounts, found by staff ID, with every attribute and the password hash. */
export async function entriesForStaffId(slapd: RunningSlapd, staffId: string) {
  return asAdmin(
    slapd,
    async (c) =>
      (
        await c.search(slapd.baseDn, {
          filter: `(&(objectClass=posixAccount)(sn=${staffId}))`,
          attributes: ['*', 'userPassword'],
        })
      ).searchEntries,
  );
}

export async function canBindAt(url: string, dn: string, password: string): Promise<boolean> {
  const client = new Client({ url });
  try {
    await client.bind(dn, password);
    return true;
  } catch {
    return false;
  } finally {
    await client.unbind().catch(() => undefined);
  }
}

export const canBind = (slapd: RunningSlapd, dn: string, password: string) => canBindAt(slapd.ldapUrl, dn, password);

/** Who wrote the account's entry, as slapd recorded it (creatorsName): the kiosk, or the assisting operator. */
export async function creatorOf(slapd: RunningSlapd, uid: string): Promise<unknown> {
  const [entry] = await asAdmin(
    slapd,
    async (c) =>
      (await c.search(`uid=${uid},ou=people,${slapd.baseDn}`, { scope: 'base', attributes: ['creatorsName'] }))
        .searchEntries,
  );
  return entry?.creatorsName;
}
