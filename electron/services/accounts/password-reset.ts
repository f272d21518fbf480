// Resetting a forgotten mailbox password for the signed-in person (or one the helpdesk vouched
// for): the password policy, then the password set by the server, then a bind as the person with
// the new password before success is reported. It runs on what it captured when it started; a
// fault after the password left is resolved by a bind, so the answer is always the truth. One
// write server takes the reset: the account is found, the password set and the bind proved there.
import type { AccountStore } from '../account-store/account-store';
import type { AccountStores } from '../account-store/account-stores';
import type { AuditLog } from '../audit/audit-log';
import type { KeyedLock } from '../concurrency/keyed-lock';
import { auditedAs, hasCode, KioskError, toKioskError } from '../kiosk-error';
import { enforcePasswordPolicy } from '../password/password-policy';
import type { StrengthRater } from '../password/strength-rater';
import { operatorLabel, type KioskSession } from '../session/kiosk-session';
import type { AccountStanding } from './account-standing';
import type { CreationLeftovers } from './creation-leftovers';
import type { PasswordSetter } from './password-setter';

/** How long a reset answered with a fault is remembered, so its retry can be recognised. */
const RETRY_WINDOW_MS = 30 * 60_000;

interface ResetPerson {
  staffId: string;
  nameEn: string;
  purpose: string;
  operator?: string;
}

export class PasswordReset {
  /** Staff IDs whose last reset here ended in a fault after the password was sent: until when. */
  private readonly uncertain = new Map<string, number>();

  constructor(
    private readonly deps: {
      stores: AccountStores;
      standing: AccountStanding;
      leftovers: CreationLeftovers;
      passwords: PasswordSetter;
      rater: StrengthRater;
      audit: AuditLog;
      /** One reset per staff ID at a time: a double submit or a twin request waits its turn. */
      lock: KeyedLock;
      track: <T>(session: KioskSession, work: Promise<T>) => Promise<T>;
      clock: { now(): number };
    },
  ) {}

  /** For a reset session: which account is theirs (or the code that refuses it). */
  async check(session: KioskSession): Promise<{ purpose: 'reset'; account: string }> {
    const account = this.deps.standing.resettable(await this.deps.standing.read(session.profile.id));
    return { purpose: 'reset', account: this.deps.standing.address(account.uid) };
  }

  resetPassword(session: KioskSession, request: { password: string; confirm: string }): Promise<{ address: string }> {
    const person: ResetPerson = {
      staffId: session.profile.id,
      nameEn: session.profile.nameEn,
      purpose: session.purpose,
      operator: operatorLabel(session),
    };
    return this.deps.track(
      session,
      this.deps.lock.run(`reset:${person.staffId}`, () => this.attempt(person, request)),
    );
  }

  private async attempt(
    person: ResetPerson,
    request: { password: string; confirm: string },
  ): Promise<{ address: string }> {
    const { standing, passwords, audit } = this.deps;
    let stage = 'checks';
    let account: { dn: string; uid: string } | undefined;
    let detail: string | undefined;
    let store: AccountStore | undefined;
    try {
      if (person.purpose !== 'reset') throw new KioskError('WRONG_STEP', 'reset outside a reset session');
      // Chosen before anything is written: no write server means DIRECTORY_READ_ONLY, with nothing changed.
      store = await this.deps.stores.begin({ prefer: this.deps.stores.pinnedWriteServer(person.staffId) });
      account = standing.resettable(await this.deps.leftovers.clearFor(store, person.staffId));
      await enforcePasswordPolicy(
        request.password,
        request.confirm,
        { staffId: person.staffId, nameEn: person.nameEn, account: account.uid },
        this.deps.rater,
      );
      stage = 'password-sent';
      this.deps.stores.pinToWriteServer(person.staffId, store.target.url);
      try {
        await passwords.set(store, account.dn, request.password);
      } catch (error) {
        // The retry of a reset that ended in a fault, whose new password did take after all: the
        // password is what they asked for. Anyone else choosing their current password is refused.
        if (
          !(
            hasCode(error, 'PASSWORD_IN_HISTORY') &&
            this.isRetryAfterFault(person.staffId) &&
            (await passwords.binds(store, account.dn, request.password))
          )
        )
          throw error;
        detail = 'the new password was already in place (a retry after a fault)';
      }
      stage = 'password-set';
      await this.prove(store, account.dn, request.password);
      stage = 'complete';
      this.uncertain.delete(person.staffId);
      await audit.note({
        action: 'reset',
        result: 'ok',
        staffId: person.staffId,
        account: account.uid,
        operator: person.operator,
        stage,
        detail,
        server: store.target.url,
      });
      return { address: standing.address(account.uid) };
    } catch (error) {
      const known = toKioskError(error);
      const fault = known.code === 'PASSWORD_MAY_BE_SET' || known.code === 'DIRECTORY_UNAVAILABLE';
      if (fault && stage !== 'checks') this.rememberUncertain(person.staffId);
      await audit.note({
        action: 'reset',
        result: auditedAs(known.code),
        code: known.code,
        staffId: person.staffId,
        account: account?.uid,
        operator: person.operator,
        stage,
        detail: known.facts.reason ?? known.detail,
        server: store?.target.url,
      });
      throw known;
    }
  }

  private rememberUncertain(staffId: string): void {
    const now = this.deps.clock.now();
    // Expired entries go as new ones come: the map holds at most the last half hour's faults.
    for (const [id, until] of this.uncertain) if (until <= now) this.uncertain.delete(id);
    this.uncertain.set(staffId, now + RETRY_WINDOW_MS);
  }

  private isRetryAfterFault(staffId: string): boolean {
    return (this.uncertain.get(staffId) ?? 0) > this.deps.clock.now();
  }

  /** How many resets with an unknown outcome are remembered now (for the pruning test). */
  get uncertainCount(): number {
    return this.uncertain.size;
  }

  /** Never report a success the person cannot use: bind as them with the new password. */
  private async prove(store: AccountStore, dn: string, password: string): Promise<void> {
    const truth = await this.deps.passwords.truth(store, dn, password);
    if (truth === 'set') return;
    if (truth === 'unknown')
      throw new KioskError('PASSWORD_MAY_BE_SET', 'the proving bind could not reach the directory');
    throw new KioskError('INTERNAL', 'the new password does not bind');
  }
}
