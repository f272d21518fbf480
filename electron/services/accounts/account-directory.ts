// Reading accounts: a person's account by staff ID (and what state it is in), and which of a list
// of names are taken, in at most two round trips for the whole list.
import type { Client, Entry } from 'ldapts';
import type { DirectoryConnection } from '../directory/directory-connection';
import { allOf, anyEquals, equals } from '../directory/ldap-names';
import { isUnder, type DirectoryLayout } from './directory-layout';

export type AccountState =
  | { state: 'none' }
  | { state: 'active'; dn: string; uid: string; uidNumber: number }
  | { state: 'suspended'; dn: string; uid: string }
  | { state: 'password-suspended'; dn: string; uid: string }
  /** An entry left without a password by an interrupted creation: safe to remove and start over. */
  | { state: 'incomplete'; dn: string; uid: string; createdAt: number };

const first = (value: Entry[string] | undefined): string | undefined => {
  const v = Array.isArray(value) ? value[0] : value;
  return v === undefined ? undefined : Buffer.isBuffer(v) ? v.toString('utf8') : String(v);
};

export class AccountDirectory {
  constructor(
    private readonly connection: DirectoryConnection,
    private readonly layout: DirectoryLayout,
  ) {}

  async findByStaffId(staffId: string): Promise<AccountState> {
    const { attrs, passwordSuspended } = this.layout;
    const entries = await this.connection.run(
      async (client) =>
        (
          await client.search(this.layout.baseDn, {
            scope: 'sub',
            filter: allOf(equals('objectClass', 'posixAccount'), equals(attrs.staffId, staffId)),
            // userPassword is requested only to see whether it is set; its value is never kept.
            attributes: [attrs.account, 'uidNumber', 'description', 'userPassword', passwordSuspended.attribute],
          })
        ).searchEntries,
      { idempotent: true },
    );
    return classify(entries, this.layout);
  }

  /** The subset of names that are accounts (active or suspended) or mail aliases. */
  async takenNames(names: readonly string[]): Promise<Set<string>> {
    if (names.length === 0) return new Set();
    const { attrs } = this.layout;
    const search = (client: Client, base: string, attribute: string) =>
      client.search(base, { scope: 'sub', filter: anyEquals(attribute, names), attributes: [attribute], sizeLimit: names.length * 2 + 10 });
    // Two searches, sent together: accounts anywhere under the base, and aliases.
    const [accounts, aliases] = await this.connection.run(
      (client) => Promise.all([search(client, this.layout.baseDn, attrs.account), search(client, this.layout.aliasesDn, attrs.alias)]),
      { idempotent: true },
    );
    const taken = new Set<string>();
    for (const entry of accounts.searchEntries) for (const v of ([] as unknown[]).concat(entry[attrs.account] ?? [])) taken.add(String(v).toLowerCase());
    for (const entry of aliases.searchEntries) for (const v of ([] as unknown[]).concat(entry[attrs.alias] ?? [])) taken.add(String(v).toLowerCase());
    return taken;
  }
}

function classify(entries: Entry[], layout: DirectoryLayout): AccountState {
  if (entries.length === 0) return { state: 'none' };
  const { attrs, passwordSuspended } = layout;
  const view = entries.map((entry) => ({
    dn: entry.dn,
    uid: first(entry[attrs.account]) ?? '',
    uidNumber: Number(first(entry.uidNumber)),
    hasPassword: first(entry.userPassword) !== undefined,
    madeByKiosk: (first(entry.description) ?? '').startsWith('create('),
    // description is create(<unix seconds>,<client ip>); as the legacy portal wrote it.
    createdAt: Number(/^create\((\d+),/.exec(first(entry.description) ?? '')?.[1] ?? 0) * 1000,
    marker: first(entry[passwordSuspended.attribute]),
  }));
  // Suspension anywhere wins: the helpdesk must deal with it before anything else happens.
  const suspended = view.find((e) => isUnder(e.dn, layout.suspendedDn));
  if (suspended) return { state: 'suspended', dn: suspended.dn, uid: suspended.uid };
  const marked = view.find((e) => e.marker !== undefined && (passwordSuspended.value === undefined || e.marker === passwordSuspended.value));
  if (marked) return { state: 'password-suspended', dn: marked.dn, uid: marked.uid };
  const active = view.find((e) => e.hasPassword || !e.madeByKiosk);
  if (active) return { state: 'active', dn: active.dn, uid: active.uid, uidNumber: active.uidNumber };
  const incomplete = view[0]!;
  return { state: 'incomplete', dn: incomplete.dn, uid: incomplete.uid, createdAt: incomplete.createdAt };
}
