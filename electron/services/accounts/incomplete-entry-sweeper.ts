// Owns the entries an interrupted creation left without a password, and the claims left without
// an account. It finds them in the directory itself (so a restart forgets nothing), removes only
// what is still unfinished and old enough to be abandoned, and audits each removal under the staff
// ID the entry carries. Entries a failure in this process could not remove are retried first, on
// the server that took their write: a replica's "no such object" proves nothing.
import { NotFilter, SubstringFilter, type Entry } from 'ldapts';
import type { AuditLog } from '../audit/audit-log';
import type { Clock } from '../clock';
import type { DirectoryConnection } from '../directory/directory-connection';
import type { WriteServers, WriteTarget } from '../directory/write-servers';
import { allOf, equals, present } from '../directory/ldap-names';
import { allValues, firstValue } from '../directory/ldap-values';
import { KioskError } from '../kiosk-error';
import type { Logger } from '../logger';
import { CLAIM_ATTRIBUTES, readClaim, type AccountClaims } from './account-claims';
import type { DirectoryLayout } from './directory-layout';

/** Another kiosk's entry without a password is only taken as abandoned after this long. */
export const ABANDONED_AFTER_MS = 120_000;

const createdAt = (entry: Entry) => Number(/^create\((\d+),/.exec(firstValue(entry.description) ?? '')?.[1] ?? 0) * 1000;

export class IncompleteEntrySweeper {
  /** DNs a failed creation in this process could not remove yet (with the server that took the add). */
  private readonly pending = new Map<string, { staffId: string; url: string }>();
  /** Claims whose add was cut off here, by staff ID: released unless the account they name exists. */
  private readonly pendingClaims = new Map<string, { accountDn: string; url: string }>();

  constructor(
    private readonly deps: {
      writes: WriteServers;
      claims: AccountClaims;
      layout: DirectoryLayout;
      audit: AuditLog;
      clock: Clock;
      logger: Logger;
    },
  ) {}

  /** A creation here failed and could not remove its entry: removed before the next directory work. */
  remember(dn: string, staffId: string, url: string): void {
    this.pending.set(dn, { staffId, url });
  }

  /** A claim add was cut off: it may or may not have been made, and its creation has ended. */
  rememberClaim(staffId: string, accountDn: string, url: string): void {
    this.pendingClaims.set(staffId, { accountDn, url });
  }

  /** True when this process knows dn's creation has ended (so the entry is abandoned whatever its age). */
  knowsAbandoned(dn: string): boolean {
    return this.pending.has(dn);
  }

  /**
   * Removes what this process left behind, each on the server that took its write. Throws
   * DIRECTORY_UNAVAILABLE while target's own server, the one about to be written, does not answer.
   */
  async retryPending(target: WriteTarget): Promise<void> {
    const fail = (url: string, error: unknown) => {
      this.deps.logger.warn('cleanup of an interrupted creation failed; will retry', { url, error });
      if (url === target.url && error instanceof KioskError && error.code === 'DIRECTORY_UNAVAILABLE') throw error;
    };
    for (const [dn, { staffId, url }] of [...this.pending]) {
      try {
        await this.removeIncomplete(this.deps.writes.at(url), dn, staffId, 'an interrupted creation at this kiosk');
        this.pending.delete(dn);
      } catch (error) {
        fail(url, error);
      }
    }
    for (const [staffId, { accountDn, url }] of [...this.pendingClaims]) {
      const connection = this.deps.writes.at(url);
      try {
        if (!(await this.exists(connection, accountDn))) {
          const claim = await this.deps.claims.read(connection, staffId);
          if (claim && (claim.accountDn ?? '').toLowerCase() === accountDn.toLowerCase()) await this.deps.claims.releaseIfUnchanged(connection, staffId, claim);
        }
        this.pendingClaims.delete(staffId);
      } catch (error) {
        fail(url, error);
      }
    }
  }

  /**
   * Finds and removes, across the directory, every abandoned entry without a password and every
   * abandoned claim whose account never appeared, on the first write server that takes writes.
   * Returns how many of each it removed; none while no write server does.
   */
  async sweep(): Promise<{ entries: number; claims: number }> {
    let target: WriteTarget;
    try {
      target = await this.deps.writes.begin();
    } catch (error) {
      if (error instanceof KioskError && error.code === 'DIRECTORY_READ_ONLY') return { entries: 0, claims: 0 };
      throw error;
    }
    await this.retryPending(target);
    const { connection } = target;
    const { layout, clock } = this.deps;
    const now = clock.now();
    const entries = await connection.run(
      async (client) =>
        (
          await client.search(layout.peopleDn, {
            scope: 'sub',
            filter: allOf(equals('objectClass', 'posixAccount'), new NotFilter({ filter: present('userPassword') }), new SubstringFilter({ attribute: 'description', initial: 'create(' })),
            attributes: [layout.attrs.staffId, 'description'],
          })
        ).searchEntries,
      { idempotent: true },
    );
    let removedEntries = 0;
    for (const entry of entries.filter((e) => now - createdAt(e) >= ABANDONED_AFTER_MS)) {
      if (await this.removeIncomplete(connection, entry.dn, firstValue(entry[layout.attrs.staffId]) ?? '', 'found by the sweep')) removedEntries += 1;
    }
    // Read after the entries are gone: their own claims went with them.
    const claims = await connection.run(
      (client) =>
        client
          .search(layout.claimsDn, { scope: 'one', filter: present('cn'), attributes: ['cn', ...CLAIM_ATTRIBUTES] })
          .then((r) => r.searchEntries)
          .catch(() => [] as Entry[]),
      { idempotent: true },
    );
    let removedClaims = 0;
    for (const entry of claims) {
      const claim = readClaim(entry);
      if (now - claim.createdAt < ABANDONED_AFTER_MS) continue;
      const staffId = firstValue(entry.cn) ?? '';
      if (claim.accountDn && (await this.exists(connection, claim.accountDn))) continue;
      // A creation may take this abandoned claim over between the read and the delete: keep it then.
      if (!(await this.deps.claims.releaseIfUnchanged(connection, staffId, claim))) continue;
      await this.deps.audit.note({ action: 'cleanup', result: 'ok', staffId, detail: `removed a claim whose account was never made (${allValues(entry.description).join(' ')})` });
      removedClaims += 1;
    }
    return { entries: removedEntries, claims: removedClaims };
  }

  /**
   * Deletes dn only while it still has no password (a finished account is never touched), then the
   * claim that pointed at it. Returns whether it removed the entry.
   */
  async removeIncomplete(connection: DirectoryConnection, dn: string, staffId: string, why: string): Promise<boolean> {
    const { claims } = this.deps;
    const removed = await connection.run(
      async (client) => {
        const { searchEntries } = await client.search(dn, { scope: 'base', attributes: ['userPassword'] }).catch((error: unknown) => {
          if ((error as { code?: number }).code === 32) return { searchEntries: [] }; // already gone
          throw error;
        });
        const entry = searchEntries[0];
        // ldapts reports a requested attribute the entry lacks as an empty list.
        if (!entry || allValues(entry.userPassword).length > 0) return entry ? 'kept' : 'gone';
        await client.del(dn);
        return 'removed';
      },
      { idempotent: false },
    );
    if (removed === 'kept') return false;
    const claim = await claims.read(connection, staffId);
    if (claim && (claim.accountDn === null || claim.accountDn.toLowerCase() === dn.toLowerCase())) await claims.releaseIfUnchanged(connection, staffId, claim);
    if (removed === 'removed') await this.deps.audit.note({ action: 'cleanup', result: 'ok', staffId, account: dn, detail: `removed an entry left without a password (${why})` });
    return removed === 'removed';
  }

  private async exists(connection: DirectoryConnection, dn: string): Promise<boolean> {
    return connection.run(
      (client) =>
        client.search(dn, { scope: 'base', attributes: ['dn'] }).then(
          (r) => r.searchEntries.length > 0,
          (error: unknown) => {
            if ((error as { code?: number }).code === 32) return false;
            throw error;
          },
        ),
      { idempotent: true },
    );
  }
}
