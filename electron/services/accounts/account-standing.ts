// A person's standing: their account state, and the one code that refuses them, if any. Creation,
// reset, the account check and the helpdesk all ask here, so an application and a reset never
// contradict each other. Reading the standing changes nothing; clearing away what an ended
// creation left is creation-leftovers.ts's, and is asked for by name.
import type { AccountReads } from '../account-store/account-reads';
import type { AccountState } from '../account-store/account-records';
import type { Clock } from '../clock';
import { KioskError } from '../kiosk-error';

/** Another kiosk's claim or entry without a password is only taken as abandoned after this long. */
export const ABANDONED_AFTER_MS = 120_000;

export class AccountStanding {
  constructor(
    private readonly deps: {
      reads: AccountReads;
      clock: Clock;
      mailDomain: string;
    },
  ) {}

  address(uid: string): string {
    return `${uid}@${this.deps.mailDomain}`;
  }

  /** The account state as the read servers show it: a look that a read-only directory can answer. */
  read(staffId: string): Promise<AccountState> {
    return this.deps.reads.findByStaffId(staffId);
  }

  /** APPLICATION_IN_PROGRESS while a creation for this staff ID may still be running somewhere. */
  inProgress(state: AccountState): KioskError | null {
    const now = this.deps.clock.now();
    const since =
      state.state === 'incomplete'
        ? state.createdAt
        : state.state === 'none' && state.claim
          ? state.claim.createdAt
          : null;
    if (since === null || now - since >= ABANDONED_AFTER_MS) return null;
    const retryAfterSeconds = Math.max(1, Math.ceil((ABANDONED_AFTER_MS - (now - since)) / 1000));
    return new KioskError('APPLICATION_IN_PROGRESS', 'a creation for this staff ID is in progress', {
      retryAfterSeconds,
    });
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
    if (state.state === 'suspended')
      throw new KioskError('USER(-3)', 'account suspended', { account: this.address(state.uid) });
    if (state.state === 'password-suspended')
      throw new KioskError('USER(-5)', 'password suspended', { account: this.address(state.uid) });
    throw this.inProgress(state) ?? new KioskError('USER(-2)', 'no account for this staff ID');
  }
}
