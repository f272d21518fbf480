// Finishes the mailboxes a creation left unfinished (campus mode): the account works, but a mail-store
// step (mkhomedir or setquota) did not finish, so its claim carries no mailbox mark. Found in the
// directory itself, so a restart forgets nothing; run with the sweeper. Only claims older than the
// abandon age are taken, so a creation still running at some counter finishes its own. Two kiosks
// finishing the same one send the same lines twice, which the mail store takes (mkhomedir of an
// existing home keeps it; setquota sets the same size).
import { NotFilter, SubstringFilter, type Entry } from 'ldapts';
import type { AuditLog } from '../audit/audit-log';
import type { Clock } from '../clock';
import type { DirectoryConnection } from '../directory/directory-connection';
import type { WriteServers } from '../directory/write-servers';
import { allOf, present } from '../directory/ldap-names';
import { firstValue } from '../directory/ldap-values';
import { KioskError } from '../kiosk-error';
import type { Logger } from '../logger';
import { mailboxMade, type MailboxAccount, type MailboxProvisioner, type MailboxProvisioning } from '../mailbox/mailbox-provisioner';
import { CLAIM_ATTRIBUTES, readClaim, type AccountClaims, type Claim } from './account-claims';
import { homeDirectoryFor, type DirectoryLayout } from './directory-layout';
import { ABANDONED_AFTER_MS } from './incomplete-entry-sweeper';

/**
 * The mail-store steps for one account, and on its claim how far they got (campus mode):
 * mailbox(…) once the mailbox is made, home(…) when only the home was. Used by a creation and by
 * the finisher alike. The marks are bookkeeping for finishing later: one that cannot be written is
 * logged, never a failure (finishing then sends the steps again, which the store takes as done).
 */
export async function provisionAndMark(
  deps: { mailbox: MailboxProvisioner; mailboxMode: 'none' | 'campus'; claims: AccountClaims; logger: Logger },
  writer: DirectoryConnection,
  staffId: string,
  account: MailboxAccount,
  homeMade: boolean,
): Promise<MailboxProvisioning & { made: boolean }> {
  const provisioning = await deps.mailbox.provision(account, { homeMade });
  const made = mailboxMade(provisioning.report);
  if (deps.mailboxMode === 'campus') {
    const mark = made ? 'markMailboxMade' : provisioning.report.homeCreated && !homeMade ? 'markHomeMade' : null;
    if (mark) await deps.claims[mark](writer, staffId).catch((error: unknown) => deps.logger.warn('mailbox mark not written', { mark, staffId, error }));
  }
  return { ...provisioning, made };
}

export class MailboxFinisher {
  constructor(
    private readonly deps: {
      writes: WriteServers;
      claims: AccountClaims;
      layout: DirectoryLayout;
      mailbox: MailboxProvisioner;
      mailboxMode: 'none' | 'campus';
      audit: AuditLog;
      clock: Clock;
      logger: Logger;
    },
  ) {}

  /** Tries every unfinished mailbox once. Returns how many it finished and how many are still left. */
  async finish(): Promise<{ finished: number; left: number }> {
    const none = { finished: 0, left: 0 };
    if (this.deps.mailboxMode !== 'campus') return none;
    let connection: DirectoryConnection;
    try {
      ({ connection } = await this.deps.writes.begin());
    } catch (error) {
      // The marks are writes: with no write server, nothing is tried (the sweeper says the same).
      if (error instanceof KioskError && error.code === 'DIRECTORY_READ_ONLY') return none;
      throw error;
    }
    const now = this.deps.clock.now();
    const waiting = (await this.unmarkedClaims(connection)).filter((e) => now - readClaim(e).createdAt >= ABANDONED_AFTER_MS);
    const result = { ...none };
    for (const entry of waiting) {
      const staffId = firstValue(entry.cn) ?? '';
      const claim = readClaim(entry);
      const account = claim.accountDn ? await this.finishedAccount(connection, claim.accountDn) : null;
      // No account, or one without a password: the sweeper's to remove, not a mailbox to finish.
      if (!account) continue;
      try {
        if (await this.finishOne(connection, staffId, claim, account)) result.finished += 1;
        else result.left += 1;
      } catch (error) {
        // One mailbox's trouble does not hold up the others; a lost directory ends the round.
        if (error instanceof KioskError && error.code === 'DIRECTORY_UNAVAILABLE') throw error;
        result.left += 1;
        this.deps.logger.warn('finishing a mailbox failed; tried again at the next sweep', { staffId, error });
      }
    }
    return result;
  }

  private async finishOne(connection: DirectoryConnection, staffId: string, claim: Claim, account: Entry): Promise<boolean> {
    const { deps } = this;
    const uid = firstValue(account.uid) ?? '';
    const homeDirectory = firstValue(account.homeDirectory) ?? homeDirectoryFor(deps.layout.account.homeDirectory, uid);
    const mailboxAccount = { uid, uidNumber: Number(firstValue(account.uidNumber)), gidNumber: Number(firstValue(account.gidNumber) ?? deps.layout.account.gidNumber), homeDirectory };
    // The person resuming may have marked it meanwhile; the mailbox is there either way.
    const { report, problem, made } = await provisionAndMark(deps, connection, staffId, mailboxAccount, claim.homeMade);
    if (made) {
      await deps.audit.note({ action: 'mailbox', result: 'ok', staffId, account: uid, detail: 'finished a mailbox a creation left unfinished' });
      return true;
    }
    await deps.audit.note({ action: 'mailbox', result: 'failed', code: 'MAILBOX_UNFINISHED', staffId, account: uid, detail: `${report.unfinished} did not finish (${problem}); tried again at the next sweep` });
    return false;
  }

  private unmarkedClaims(connection: DirectoryConnection): Promise<Entry[]> {
    const { claimsDn } = this.deps.layout;
    const filter = allOf(present('cn'), new NotFilter({ filter: new SubstringFilter({ attribute: 'description', initial: 'mailbox(' }) }));
    return connection.run((client) => client.search(claimsDn, { scope: 'one', filter, attributes: ['cn', ...CLAIM_ATTRIBUTES] }).then((r) => r.searchEntries), { idempotent: true });
  }

  /** The claim's account, only when it has a password (a working account whose mailbox is missing). */
  private async finishedAccount(connection: DirectoryConnection, dn: string): Promise<Entry | null> {
    const entries = await connection.run(
      (client) =>
        client.search(dn, { scope: 'base', filter: present('userPassword'), attributes: ['uid', 'uidNumber', 'gidNumber', 'homeDirectory'] }).then(
          (r) => r.searchEntries,
          (error: unknown) => {
            if ((error as { code?: number }).code === 32) return [];
            throw error;
          },
        ),
      { idempotent: true },
    );
    return entries[0] ?? null;
  }
}
