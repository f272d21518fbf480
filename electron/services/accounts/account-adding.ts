// The add stage of one creation attempt: how the account gets its password. Where the server
// hashes a password given in an add, the add carries it and is read back (a password stored as sent
// is removed at once and the server distrusted); elsewhere, the add and then Password Modify, undone
// if the password did not take. A fault whose outcome cannot be known yet is left, named, for this
// kiosk to clear once the directory answers (creation-leftovers.ts).
import { attemptMarker, type AccountEntry } from '../account-store/account-records';
import type { NewAccount } from '../account-store/account-attributes';
import type { AccountStore } from '../account-store/account-store';
import { hasCode, KioskError } from '../kiosk-error';
import type { Leftover } from './attempt-ledger';
import { creationFailure, type CreationRoom, type Progress } from './creation-room';
import { askAfterFault, PASSWORD_SETTLE_MS, PASSWORD_TRUTH_BOUND_MS } from './password-window';

/** What the add stage needs of its attempt. */
export interface AddingAttempt {
  room: CreationRoom;
  progress: Progress;
  password: string;
  /** Names what the attempt may have left, for this kiosk to clear once the server answers. */
  leave(store: AccountStore, more?: Pick<Leftover, 'entryDn' | 'unverified'>): void;
  /** Gives the attempt's claim back (only as written), then throws why. */
  giveBack(store: AccountStore, why: unknown): Promise<never>;
}

const isOutage = (error: unknown) => hasCode(error, 'DIRECTORY_UNAVAILABLE');

/** The entry as an attempt wrote it: what its removal asserts (staff ID and the attempt's marker). */
function entryAsWritten(account: NewAccount): AccountEntry {
  const { dn, uid, staffId, name, madeBy } = account;
  return {
    dn,
    uid,
    staffId,
    uidNumber: 0,
    gidNumber: 0,
    homeDirectory: '',
    name,
    hasPassword: null,
    created: null,
    createdAt: 0,
    attempt: attemptMarker(madeBy),
    madeBy,
  };
}

export class AccountAdding {
  constructor(
    private readonly attempt: AddingAttempt,
    private readonly account: NewAccount,
  ) {}

  /** The one add that carries the password, which the server hashes: no entry without its password. */
  async withPassword(store: AccountStore, uidNumberTaken: Promise<number>): Promise<number> {
    let uidNumber: number;
    try {
      uidNumber = await store.addAccount(this.account, {
        password: this.attempt.password,
        first: uidNumberTaken,
        staffIdHeld: () => store.hasAccount(this.account.staffId),
      });
    } catch (error) {
      if (!isOutage(error)) return this.attempt.giveBack(store, error);
      uidNumber = await this.afterCutAdd(store, error as KioskError);
    }
    this.attempt.progress.stage = 'added';
    const form = await askAfterFault(() => store.passwordForm(this.account.dn), 'none', {
      boundMs: PASSWORD_TRUTH_BOUND_MS,
      settleMs: 0,
    });
    if (form === 'hashed') return uidNumber;
    if (form === 'unknown') {
      // Made, but whether its password reads back as a hash is not known: cleared unless it does.
      this.attempt.leave(store, { entryDn: this.account.dn, unverified: true });
      throw new KioskError('ACCOUNT_MAY_EXIST', 'the add was answered; the read-back never came', {
        account: this.attempt.room.standing.address(this.account.uid),
      });
    }
    // Stored as sent (the server's configuration changed under a live connection), or not at all.
    const removal = await store.removeEntry(entryAsWritten(this.account), 'any');
    if (removal === 'changed')
      throw new KioskError('INTERNAL', 'an entry stored without a hash changed before it could be removed');
    this.attempt.room.stores.distrustHashing(
      store.target.url,
      `a read-back found the password ${form === 'cleartext' ? 'stored as sent' : 'missing'}`,
    );
    this.attempt.progress.detail =
      'the one-add path stored the password as sent; the entry was removed and the add-then-modify path used';
    return this.thenSetPassword(store);
  }

  /** The add's answer was lost: whether it landed decides, once the directory answers again. */
  private async afterCutAdd(store: AccountStore, fault: KioskError): Promise<number> {
    const seen = await askAfterFault(
      async () => {
        const entry = await store.entry(this.account.dn);
        return entry === null ? 'absent' : entry.madeBy?.attempt === this.account.madeBy.attempt ? 'ours' : 'taken';
      },
      'absent',
      { boundMs: PASSWORD_TRUTH_BOUND_MS, settleMs: PASSWORD_SETTLE_MS },
    );
    if (seen === 'ours') {
      this.attempt.progress.detail = 'the add was answered after a fault';
      return (await store.entry(this.account.dn))!.uidNumber;
    }
    if (seen === 'unknown') {
      this.attempt.leave(store, { entryDn: this.account.dn, unverified: true });
      throw new KioskError(
        'ACCOUNT_MAY_EXIST',
        `the add's answer was lost and the directory stayed away: ${fault.detail ?? ''}`,
        { account: this.attempt.room.standing.address(this.account.uid) },
      );
    }
    return this.attempt.giveBack(
      store,
      seen === 'taken' ? new KioskError('NAME_TAKEN', `${this.account.uid} was taken meanwhile`) : fault,
    );
  }

  /** The add-then-modify path: the entry, then the password set by the server, undone if it did not take. */
  async thenSetPassword(store: AccountStore, uidNumberTaken?: Promise<number>): Promise<number> {
    const { room } = this.attempt;
    let uidNumber: number;
    try {
      uidNumber = await store.addAccount(this.account, {
        first: uidNumberTaken,
        staffIdHeld: () => store.hasAccount(this.account.staffId),
      });
    } catch (error) {
      if (!isOutage(error)) return this.attempt.giveBack(store, error);
      // The add may have reached the server before the connection broke: cleared if it did.
      this.attempt.leave(store, { entryDn: this.account.dn });
      this.attempt.progress.detail = `add interrupted; ${this.account.dn} is removed once the directory answers if it was made`;
      throw error;
    }
    this.attempt.progress.stage = 'added';
    const outcome = await room.passwords.set(store, this.account.dn, this.attempt.password, { sameIsDone: true }).then(
      () => null,
      (error: unknown) => creationFailure(error).error,
    );
    if (outcome === null) return uidNumber;
    if (outcome.code !== 'PASSWORD_MAY_BE_SET') {
      const removal = await store
        .removeEntry(entryAsWritten(this.account), 'absent')
        .catch((error: unknown) => (isOutage(error) ? ('unreachable' as const) : Promise.reject(error)));
      if (removal === 'removed' || removal === 'gone') {
        this.attempt.progress.detail = `rolled back: ${outcome.detail ?? outcome.code}`;
        return this.attempt.giveBack(store, outcome);
      }
      if (removal === 'changed') {
        // The password took after all (slapd acted on it late): the account works; this kiosk checks it once more.
        this.attempt.leave(store, { entryDn: this.account.dn });
        throw new KioskError('ACCOUNT_MAY_EXIST', `${outcome.detail ?? outcome.code}; the entry has a password now`, {
          account: room.standing.address(this.account.uid),
        });
      }
    }
    // The directory stayed away: whether the password took is unknown, and nothing can be undone now.
    this.attempt.leave(store, { entryDn: this.account.dn });
    this.attempt.progress.detail = `entry ${this.account.dn} may be without a usable password; removed once the directory answers if it has none`;
    throw new KioskError('ACCOUNT_INCOMPLETE', `${outcome.detail ?? outcome.code}; ${this.attempt.progress.detail}`, {
      account: room.standing.address(this.account.uid),
    });
  }
}
