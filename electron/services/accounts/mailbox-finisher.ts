// Finishes the mailboxes a creation left unfinished (campus mode): the account works, but a mail-store
// step (mkhomedir or setquota) did not finish, so its claim carries no mailbox mark. Found in the
// directory itself, so a restart forgets nothing; run with the sweeper. Only claims whose creation
// has ended are taken, so a creation still running at some counter finishes its own. Two kiosks
// finishing the same one send the same lines twice, which the mail store takes (mkhomedir of an
// existing home keeps it; setquota sets the same size).
import type { AccountEntry, Claim } from '../account-store/account-records';
import type { AccountStore } from '../account-store/account-store';
import type { AccountStores } from '../account-store/account-stores';
import { mailboxAccountOf } from '../account-store/account-layout';
import type { AuditLog } from '../audit/audit-log';
import { hasCode } from '../kiosk-error';
import type { Logger } from '../logger';
import {
  mailboxMade,
  type MailboxAccount,
  type MailboxProvisioner,
  type MailboxProvisioning,
} from '../mailbox/mailbox-provisioner';
import type { CreationLeftovers } from './creation-leftovers';

/**
 * The mail-store steps for one account, and on its claim how far they got (campus mode):
 * mailbox(…) once the mailbox is made, home(…) when only the home was. Used by a creation and by
 * the finisher alike. The marks are bookkeeping for finishing later: one that cannot be written is
 * logged, never a failure (finishing then sends the steps again, which the store takes as done).
 */
export async function provisionAndMark(
  deps: { mailbox: MailboxProvisioner; mailboxMode: 'none' | 'campus'; logger: Logger },
  store: AccountStore,
  { staffId, account, homeMade }: { staffId: string; account: MailboxAccount; homeMade: boolean },
): Promise<MailboxProvisioning & { made: boolean }> {
  const provisioning = await deps.mailbox.provision(account, { homeMade });
  const made = mailboxMade(provisioning.report);
  if (deps.mailboxMode === 'campus') {
    const mark = made ? 'mailbox' : provisioning.report.homeCreated && !homeMade ? 'home' : null;
    if (mark)
      await store
        .mark(staffId, mark)
        .catch((error: unknown) => deps.logger.warn('mailbox mark not written', { mark, staffId, error }));
  }
  return { ...provisioning, made };
}

export class MailboxFinisher {
  constructor(
    private readonly deps: {
      stores: AccountStores;
      leftovers: CreationLeftovers;
      mailbox: MailboxProvisioner;
      mailboxMode: 'none' | 'campus';
      audit: AuditLog;
      logger: Logger;
    },
  ) {}

  /** Tries every unfinished mailbox once. Returns how many it finished and how many are still left. */
  async finish(): Promise<{ finished: number; left: number }> {
    const none = { finished: 0, left: 0 };
    if (this.deps.mailboxMode !== 'campus') return none;
    let store: AccountStore;
    try {
      store = await this.deps.stores.begin();
    } catch (error) {
      // The marks are writes: with no write server, nothing is tried (the sweeper says the same).
      if (hasCode(error, 'DIRECTORY_READ_ONLY')) return none;
      throw error;
    }
    const waiting = (await this.deps.stores.reads.claims(store.target.connection, 'without-mailbox')).filter((c) =>
      this.deps.leftovers.isEnded(c.createdAt, c.madeBy),
    );
    const result = { ...none };
    for (const claim of waiting) {
      const account = claim.accountDn ? await store.entry(claim.accountDn) : null;
      // No account, or one without a password: the sweeper's to remove, not a mailbox to finish.
      if (!account || account.hasPassword !== true || account.staffId !== claim.staffId) continue;
      try {
        if (await this.finishOne(store, claim, account)) result.finished += 1;
        else result.left += 1;
      } catch (error) {
        // One mailbox's trouble does not hold up the others; a lost directory ends the round.
        if (hasCode(error, 'DIRECTORY_UNAVAILABLE')) throw error;
        result.left += 1;
        this.deps.logger.warn('finishing a mailbox failed; tried again at the next sweep', {
          staffId: claim.staffId,
          error,
        });
      }
    }
    return result;
  }

  private async finishOne(store: AccountStore, claim: Claim, account: AccountEntry): Promise<boolean> {
    const { deps } = this;
    const { staffId } = claim;
    // The person resuming may have marked it meanwhile; the mailbox is there either way.
    const { report, problem, made } = await provisionAndMark(deps, store, {
      staffId,
      account: mailboxAccountOf(store.layoutAccount, account),
      homeMade: claim.homeMade,
    });
    if (made) {
      await deps.audit.note({
        action: 'mailbox',
        result: 'ok',
        staffId,
        account: account.uid,
        detail: 'finished a mailbox a creation left unfinished',
      });
      return true;
    }
    await deps.audit.note({
      action: 'mailbox',
      result: 'failed',
      code: 'MAILBOX_UNFINISHED',
      staffId,
      account: account.uid,
      detail: `${report.unfinished} did not finish (${problem}); tried again at the next sweep`,
    });
    return false;
  }
}
