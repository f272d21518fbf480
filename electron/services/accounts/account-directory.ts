// Reading accounts: a person's account by staff ID (what state it is in, with its claim), and which
// of a list of names are taken, in at most two round trips for the whole list.
import { InvalidDNSyntaxError, NoSuchObjectError, type Client, type Entry } from 'ldapts';
import type { DirectoryConnection } from '../directory/directory-connection';
import { allOf, anyEquals, childDn, equals } from '../directory/ldap-names';
import { CLAIM_ATTRIBUTES, readClaim, type Claim } from './account-claims';
import { isUnder, type DirectoryLayout } from './directory-layout';

type Found =
  | { state: 'none' }
  | { state: 'active'; dn: string; uid: string; uidNumber: number }
  | { state: 'suspended'; dn: string; uid: string }
  | { state: 'password-suspended'; dn: string; uid: string }
  /** An entry left without a password by an interrupted creation: safe to remove and start over. */
  | { state: 'incomplete'; dn: string; uid: string; uidNumber: number; createdAt: number };

/** The person's account as the directory shows it, with the claim on their staff ID (if any). */
export type AccountState = Found & { claim?: Claim };

/**
 * How far a creation got, as the directory shows it (docs/directory.md): claimed (a claim, no
 * entry), added (an entry without a password), password-set (the mailbox still to be made, in
 * campus mode), complete. A retry or the sweeper finishes or undoes a creation from here.
 */
export type CreationStage = 'none' | 'claimed' | 'added' | 'password-set' | 'complete';

export function creationStage(account: AccountState, mailboxMode: 'none' | 'campus'): CreationStage {
  switch (account.state) {
    case 'none':
      return account.claim ? 'claimed' : 'none';
    case 'incomplete':
      return 'added';
    case 'active':
      // Accounts older than claims have none: they were finished by whoever made them.
      return mailboxMode === 'campus' && account.claim && !account.claim.mailboxMade ? 'password-set' : 'complete';
    default:
      return 'complete';
  }
}

const first = (value: Entry[string] | undefined): string | undefined => {
  const v = Array.isArray(value) ? value[0] : value;
  return v === undefined ? undefined : Buffer.isBuffer(v) ? v.toString('utf8') : String(v);
};

export class AccountDirectory {
  constructor(
    private readonly connection: DirectoryConnection,
    private readonly layout: DirectoryLayout,
  ) {}

  async findByStaffId(staffId: string, connection: DirectoryConnection = this.connection): Promise<AccountState> {
    const { attrs, passwordSuspended } = this.layout;
    // The account search and the claim read are sent together: one round trip for both.
    const [entries, claims] = await connection.run(
      (client) =>
        Promise.all([
          client
            .search(this.layout.baseDn, {
              scope: 'sub',
              filter: allOf(equals('objectClass', 'posixAccount'), equals(attrs.staffId, staffId)),
              // userPassword is requested only to see whether it is set; its value is never kept.
              attributes: [attrs.account, 'uidNumber', 'description', 'userPassword', passwordSuspended.attribute],
            })
            .then((r) => r.searchEntries),
          client.search(childDn('cn', staffId, this.layout.claimsDn), { scope: 'base', attributes: CLAIM_ATTRIBUTES }).then(
            (r) => r.searchEntries,
            (error: unknown) => {
              // No claims container, or a staff ID no DN can name: either way there is no claim.
              if (error instanceof NoSuchObjectError || error instanceof InvalidDNSyntaxError) return [] as Entry[];
              throw error;
            },
          ),
        ]),
      { idempotent: true },
    );
    return claims[0] ? { ...classify(entries, this.layout), claim: readClaim(claims[0]) } : classify(entries, this.layout);
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

function classify(entries: Entry[], layout: DirectoryLayout): Found {
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
  return { state: 'incomplete', dn: incomplete.dn, uid: incomplete.uid, uidNumber: incomplete.uidNumber, createdAt: incomplete.createdAt };
}
