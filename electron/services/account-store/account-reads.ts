// Reading accounts and claims: a person's account by staff ID (with its claim), which names are
// taken, one entry as it is now, and the lists the sweeps and the fleet check walk. Every read
// about accounts goes through here; which server answers is the caller's choice of connection.
import { InvalidDNSyntaxError, type Client, type Entry, type Filter } from 'ldapts';
import { isNoSuchObject, type DirectoryConnection } from '../directory/directory-connection';
import { allOf, anyEquals, childDn, equals, not, present, startsWith } from '../directory/ldap-names';
import { allValues } from '../directory/ldap-values';
import type { DirectoryLayout } from './account-layout';
import {
  accountAttributes,
  classify,
  CLAIM_ATTRIBUTES,
  readAccount,
  readClaim,
  type AccountEntry,
  type AccountState,
  type Claim,
} from './account-records';

/** A search whose base may not exist answers an empty list instead. */
async function searchOrNone(client: Client, base: string, options: Parameters<Client['search']>[1]): Promise<Entry[]> {
  try {
    return (await client.search(base, options)).searchEntries;
  } catch (error) {
    // A staff ID no DN can name has no claim either.
    if (isNoSuchObject(error) || error instanceof InvalidDNSyntaxError) return [];
    throw error;
  }
}

const PAGE = { pageSize: 500 };
/** Staff IDs asked for in one search (one filter of this many values). */
const STAFF_ID_BATCH = 200;

export class AccountReads {
  constructor(
    /** The read servers' connection, used when a caller names none. */
    private readonly connection: DirectoryConnection,
    readonly layout: DirectoryLayout,
  ) {}

  /** A person's account, from all their entries anywhere under the base, with their claim. */
  async findByStaffId(staffId: string, connection: DirectoryConnection = this.connection): Promise<AccountState> {
    const { layout } = this;
    // The account search and the claim read are sent together: one round trip for both.
    const [entries, claims] = await connection.run(
      (client) =>
        Promise.all([
          searchOrNone(client, layout.baseDn, {
            scope: 'sub',
            filter: this.accountsOf(staffId),
            attributes: accountAttributes(layout),
          }),
          searchOrNone(client, this.claimDn(staffId), { scope: 'base', attributes: CLAIM_ATTRIBUTES }),
        ]),
      { idempotent: true },
    );
    const found = classify(
      entries.map((e) => readAccount(e, layout)),
      layout,
    );
    return claims[0] ? { ...found, claim: readClaim(claims[0]) } : found;
  }

  /** Whether any account (people, suspended, or wherever) carries this staff ID now. */
  async hasAccount(staffId: string, connection: DirectoryConnection = this.connection): Promise<boolean> {
    const entries = await connection.run(
      (client) =>
        searchOrNone(client, this.layout.baseDn, {
          scope: 'sub',
          filter: this.accountsOf(staffId),
          attributes: ['dn'],
          sizeLimit: 2,
        }),
      { idempotent: true },
    );
    return entries.length > 0;
  }

  /**
   * Which of these staff IDs (lower case) an account carries anywhere under the base: a few
   * searches for a whole sweep instead of one per claim.
   */
  async staffIdsWithAccounts(staffIds: readonly string[], connection: DirectoryConnection): Promise<Set<string>> {
    const { attrs, baseDn } = this.layout;
    const found = new Set<string>();
    for (let i = 0; i < staffIds.length; i += STAFF_ID_BATCH) {
      const batch = staffIds.slice(i, i + STAFF_ID_BATCH);
      const filter = allOf(equals('objectClass', 'posixAccount'), anyEquals(attrs.staffId, batch));
      const entries = await connection.run(
        (client) => searchOrNone(client, baseDn, { scope: 'sub', filter, attributes: [attrs.staffId], paged: PAGE }),
        { idempotent: true },
      );
      for (const entry of entries) for (const id of allValues(entry[attrs.staffId])) found.add(id.toLowerCase());
    }
    return found;
  }

  /** One entry as it is now; null when it does not exist. */
  async entry(dn: string, connection: DirectoryConnection = this.connection): Promise<AccountEntry | null> {
    const entries = await connection.run(
      (client) => searchOrNone(client, dn, { scope: 'base', attributes: accountAttributes(this.layout) }),
      { idempotent: true },
    );
    return entries[0] ? readAccount(entries[0], this.layout) : null;
  }

  /** The claim on a staff ID as it is now; null when there is none. */
  async claim(staffId: string, connection: DirectoryConnection = this.connection): Promise<Claim | null> {
    const entries = await connection.run(
      (client) => searchOrNone(client, this.claimDn(staffId), { scope: 'base', attributes: CLAIM_ATTRIBUTES }),
      { idempotent: true },
    );
    return entries[0] ? readClaim(entries[0]) : null;
  }

  /** The subset of names that are accounts (active or suspended) or mail aliases, in one round trip. */
  async takenNames(names: readonly string[]): Promise<Set<string>> {
    if (names.length === 0) return new Set();
    const { attrs, baseDn, aliasesDn } = this.layout;
    const search = (client: Client, base: string, attribute: string) =>
      client
        .search(base, {
          scope: 'sub',
          filter: anyEquals(attribute, names),
          attributes: [attribute],
          sizeLimit: names.length * 2 + 10,
        })
        .then((r) => r.searchEntries);
    const [accounts, aliases] = await this.connection.run(
      (client) => Promise.all([search(client, baseDn, attrs.account), search(client, aliasesDn, attrs.alias)]),
      { idempotent: true },
    );
    const taken = new Set<string>();
    for (const entry of accounts) for (const v of allValues(entry[attrs.account])) taken.add(v.toLowerCase());
    for (const entry of aliases) for (const v of allValues(entry[attrs.alias])) taken.add(v.toLowerCase());
    return taken;
  }

  /** Kiosk-made entries under people without a password (what the add-then-set path can leave). */
  async entriesWithoutPassword(connection: DirectoryConnection): Promise<AccountEntry[]> {
    const filter = allOf(
      equals('objectClass', 'posixAccount'),
      not(present('userPassword')),
      startsWith('description', 'create('),
    );
    return this.accounts(connection, this.layout.peopleDn, filter);
  }

  /** Every claim, or only those without a mailbox mark. */
  async claims(connection: DirectoryConnection, only: 'all' | 'without-mailbox' = 'all'): Promise<Claim[]> {
    const kind = equals('objectClass', 'applicationProcess');
    const filter = only === 'all' ? kind : allOf(kind, not(startsWith('description', 'mailbox(')));
    const entries = await connection.run(
      (client) =>
        searchOrNone(client, this.layout.claimsDn, { scope: 'one', filter, attributes: CLAIM_ATTRIBUTES, paged: PAGE }),
      { idempotent: true },
    );
    return entries.map(readClaim);
  }

  /** The claims of these staff IDs (the helpdesk's lookup shows each account's stage). */
  async claimsOf(staffIds: readonly string[], connection: DirectoryConnection = this.connection): Promise<Claim[]> {
    if (staffIds.length === 0) return [];
    const entries = await connection.run(
      (client) =>
        searchOrNone(client, this.layout.claimsDn, {
          scope: 'one',
          filter: anyEquals('cn', staffIds),
          attributes: CLAIM_ATTRIBUTES,
        }),
      { idempotent: true },
    );
    return entries.map(readClaim);
  }

  /** Every account under the base (paged), or only those matching filter; their hashes are never fetched. */
  accounts(
    connection: DirectoryConnection,
    base = this.layout.baseDn,
    filter: Filter = equals('objectClass', 'posixAccount'),
  ): Promise<AccountEntry[]> {
    const attributes = accountAttributes(this.layout, 'no-password');
    return connection.run(
      async (client) =>
        (await searchOrNone(client, base, { scope: 'sub', filter, attributes, paged: PAGE })).map((e) =>
          readAccount(e, this.layout),
        ),
      { idempotent: true },
    );
  }

  claimDn(staffId: string): string {
    return childDn('cn', staffId, this.layout.claimsDn);
  }

  private accountsOf(staffId: string): Filter {
    return allOf(equals('objectClass', 'posixAccount'), equals(this.layout.attrs.staffId, staffId));
  }
}
