// A person's standing before anything is made or changed: their account state once what was
// abandoned is cleared away, and the one code that refuses them, if any. Creation, reset and the
// account check all ask here, so an application and a reset never contradict each other.
import type { Clock } from '../clock';
import type { WriteTarget } from '../directory/write-servers';
import { KioskError } from '../kiosk-error';
import type { AccountDirectory, AccountState } from './account-directory';
import { ABANDONED_AFTER_MS, type IncompleteEntrySweeper } from './incomplete-entry-sweeper';

export class AccountStanding {
  constructor(
    private readonly deps: {
      directory: AccountDirectory;
      sweeper: IncompleteEntrySweeper;
      clock: Clock;
      mailDomain: string;
    },
  ) {}

  address(uid: string): string {
    return `${uid}@${this.deps.mailDomain}`;
  }

  /**
   * The account state after first removing what an earlier failure left behind: an entry without a
   * password whose creation has ended (here, or long enough ago elsewhere) is removed, so the
   * person can start over. A young one is another counter's creation in progress, and stays.
   * With a write target (a creation or a reset deciding its write), the state is read from, and
   * cleared on, that server. Without one it is read from the read servers and nothing is removed:
   * a look that changes nothing, which a read-only directory can still answer.
   */
  async of(staffId: string, target?: WriteTarget): Promise<AccountState> {
    const { directory, sweeper, clock } = this.deps;
    if (!target) return directory.findByStaffId(staffId);
    await sweeper.retryPending(target);
    const state = await directory.findByStaffId(staffId, target.connection);
    if (state.state !== 'incomplete') return state;
    if (!sweeper.knowsAbandoned(state.dn) && clock.now() - state.createdAt < ABANDONED_AFTER_MS) return state;
    await sweeper.removeIncomplete(target.connection, state.dn, staffId, 'abandoned before this attempt');
    return { state: 'none' };
  }

  /** APPLICATION_IN_PROGRESS while a creation for this staff ID may still be running somewhere. */
  inProgress(state: AccountState): KioskError | null {
    const now = this.deps.clock.now();
    const since = state.state === 'incomplete' ? state.createdAt : state.state === 'none' && state.claim ? state.claim.createdAt : null;
    if (since === null || now - since >= ABANDONED_AFTER_MS) return null;
    const retryAfterSeconds = Math.max(1, Math.ceil((ABANDONED_AFTER_MS - (now - since)) / 1000));
    return new KioskError('APPLICATION_IN_PROGRESS', 'a creation for this staff ID is in progress', { retryAfterSeconds });
  }

  /** For an application: the code that refuses it, or null when the person may apply. */
  refusalToApply(state: AccountState): KioskError | null {
    switch (state.state) {
      case 'none':
      case 'incomplete':
        return this.inProgress(state);
      case 'suspended':
        return new KioskError('USER(-3)', 'account suspended', { account: this.address(state.uid) });
      case 'password-suspended':
        return new KioskError('USER(-5)', 'password suspended', { account: this.address(state.uid) });
      case 'active':
        return new KioskError('USER(-1)', 'staff ID already has an account', { account: this.address(state.uid) });
    }
  }

  /** For a reset: the account to reset, or the code that refuses it. */
  resettable(state: AccountState): { dn: string; uid: string } {
    if (state.state === 'active') return state;
    if (state.state === 'suspended') throw new KioskError('USER(-3)', 'account suspended', { account: this.address(state.uid) });
    if (state.state === 'password-suspended') throw new KioskError('USER(-5)', 'password suspended', { account: this.address(state.uid) });
    throw this.inProgress(state) ?? new KioskError('USER(-2)', 'no account for this staff ID');
  }
}
