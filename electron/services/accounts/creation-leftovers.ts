// Clearing away what ended creations left: a claim with no account behind it, and (on the
// add-then-modify path) an entry without a password. Each removal asserts exactly what was seen or
// written (account-store.ts), so it never removes another counter's work. What counts as ended: an
// attempt of this kiosk that is no longer running (attempt-ledger.ts), or anything older than the
// abandon age. This kiosk's own leftovers are retried as soon as their server answers.
import type { AccountEntry, AccountState, Claim } from '../account-store/account-records';
import { sameAttempt } from '../account-store/account-records';
import type { AccountStore, Removal } from '../account-store/account-store';
import type { AccountStores } from '../account-store/account-stores';
import type { AuditLog } from '../audit/audit-log';
import type { Clock } from '../clock';
import { hasCode } from '../kiosk-error';
import type { Logger } from '../logger';
import { ABANDONED_AFTER_MS } from './account-standing';
import type { AttemptLedger, Leftover } from './attempt-ledger';

/** How often this kiosk's own leftovers are tried again while it has any. */
const RETRY_EVERY_MS = 2_000;

export class CreationLeftovers {
  private timer: ReturnType<typeof setInterval> | undefined;
  private retrying: Promise<void> | undefined;

  constructor(
    private readonly deps: {
      stores: AccountStores;
      ledger: AttemptLedger;
      audit: AuditLog;
      clock: Clock;
      logger: Logger;
    },
  ) {}

  /** An attempt ended leaving this: cleared as soon as its server answers (and before its next unit there). */
  leave(leftover: Leftover): void {
    this.deps.ledger.leave(leftover);
    this.timer ??= setInterval(() => void this.retryAll(), RETRY_EVERY_MS);
    this.timer.unref?.();
  }

  /** Ended here, or old enough that whoever made it is no longer working on it. */
  isEnded(createdAt: number, madeBy: Claim['madeBy']): boolean {
    return this.deps.ledger.hasEnded(madeBy) || this.deps.clock.now() - createdAt >= ABANDONED_AFTER_MS;
  }

  /**
   * Before a unit writes for staffId: this kiosk's leftovers on the store's server are cleared,
   * then whatever ended for this person (an entry without a password, a claim with no account).
   * Returns the person's state after that. Throws DIRECTORY_UNAVAILABLE while the server is away.
   */
  async clearFor(store: AccountStore, staffId: string): Promise<AccountState> {
    await this.retry(store);
    let state = await store.standing(staffId);
    let changed = false;
    if (state.state === 'incomplete' && this.isEnded(state.entry.createdAt, state.entry.madeBy))
      changed = await this.removeIncomplete(store, state.entry, 'ended before this attempt');
    if (state.state === 'none' && state.claim && this.isEnded(state.claim.createdAt, state.claim.madeBy)) {
      changed =
        ['removed', 'gone'].includes(await this.releaseOrphanClaim(store, state.claim, 'ended before this attempt')) ||
        changed;
    }
    if (changed) state = await store.standing(staffId);
    return state;
  }

  /** This kiosk's leftovers on the store's server, each cleared as it was left. */
  async retry(store: AccountStore): Promise<void> {
    for (const leftover of this.deps.ledger.leftoversAt(store.target.url)) {
      try {
        await this.clearLeftover(store, leftover);
      } catch (error) {
        // The server is away again: the leftover stays for the next round, and this unit waits.
        if (hasCode(error, 'DIRECTORY_UNAVAILABLE')) throw error;
        // Anything else would block every unit on this server: the abandon age and the sweep take it.
        this.deps.logger.error("an ended creation's leftover could not be cleared; left to the sweep", {
          url: leftover.url,
          staffId: leftover.staffId,
          error,
        });
      }
      this.deps.ledger.cleared(leftover);
    }
  }

  /** Every leftover on every server that answers; the others wait for the next round. */
  async retryAll(): Promise<void> {
    this.retrying ??= (async () => {
      for (const url of new Set(this.deps.ledger.allLeftovers().map((l) => l.url))) {
        await this.retry(this.deps.stores.at(url)).catch((error: unknown) =>
          this.deps.logger.warn('clearing what an ended creation left failed; will retry', { url, error }),
        );
      }
      if (this.deps.ledger.allLeftovers().length === 0) this.stop();
    })().finally(() => {
      this.retrying = undefined;
    });
    return this.retrying;
  }

  stop(): void {
    clearInterval(this.timer);
    this.timer = undefined;
  }

  /**
   * Deletes an entry only while it is as seen (same staff ID, same maker, still no password), then
   * its claim if no account carries the staff ID any more. Returns whether it removed the entry.
   */
  async removeIncomplete(store: AccountStore, entry: AccountEntry, why: string): Promise<boolean> {
    const removal = await store.removeEntry(entry, 'absent');
    if (removal === 'changed') return false;
    if (removal === 'removed')
      await this.deps.audit.note({
        action: 'cleanup',
        result: 'ok',
        staffId: entry.staffId,
        account: entry.dn,
        detail: `removed an entry left without a password (${why})`,
      });
    const claim = await store.claim(entry.staffId);
    const itsOwn =
      claim &&
      (claim.accountDn ?? '').toLowerCase() === entry.dn.toLowerCase() &&
      (!entry.madeBy || !claim.madeBy?.attempt || sameAttempt(claim.madeBy, entry.madeBy));
    if (claim && itsOwn) await this.releaseOrphanClaim(store, claim, why);
    return removal === 'removed';
  }

  /**
   * Releases a claim, as read, only while no account carries its staff ID anywhere (people,
   * suspended, or wherever the directory keeps one): a suspended account keeps its claim.
   */
  async releaseOrphanClaim(store: AccountStore, claim: Claim, why: string): Promise<Removal | 'has-account'> {
    if (await store.hasAccount(claim.staffId)) return 'has-account';
    const removal = await store.releaseClaim(claim.staffId, claim.claimed);
    if (removal === 'removed')
      await this.deps.audit.note({
        action: 'cleanup',
        result: 'ok',
        staffId: claim.staffId,
        detail: `removed a claim with no account for this staff ID (${why}; ${claim.claimed ?? 'no kiosk marker'})`,
      });
    return removal;
  }

  private async clearLeftover(store: AccountStore, leftover: Leftover): Promise<void> {
    const entry = leftover.entryDn ? await store.entry(leftover.entryDn) : null;
    if (entry && sameAttempt(entry.madeBy, leftover.madeBy)) {
      if (entry.hasPassword === false)
        await this.removeIncomplete(store, entry, 'an interrupted creation at this kiosk');
      else if (leftover.unverified && (await store.passwordForm(entry.dn)) === 'cleartext')
        await this.removeStoredAsSent(store, entry);
      // Otherwise it is a working account, made after all: it keeps its claim.
      else return;
    }
    const claim = await store.claim(leftover.staffId);
    if (claim?.claimed === leftover.claimed)
      await this.releaseOrphanClaim(store, claim, 'an interrupted creation at this kiosk');
  }

  /** An entry whose password a server stored as sent is removed, whatever else it holds. */
  private async removeStoredAsSent(store: AccountStore, entry: AccountEntry): Promise<void> {
    if ((await store.removeEntry(entry, 'any')) === 'removed') {
      await this.deps.audit.note({
        action: 'cleanup',
        result: 'ok',
        staffId: entry.staffId,
        account: entry.dn,
        detail: 'removed an entry whose password the directory stored as sent',
      });
    }
  }
}
