// Resetting a forgotten mailbox password for the signed-in person (or one the helpdesk vouched
// for): the password policy, then the password set by the server, then a bind as the person with
// the new password before success is reported. It runs on what it captured when it started; a
// fault after the password left is resolved by a bind, so the answer is always the truth. One
// write server takes the reset: the account is found, the password set and the bind proved there.
import type { AuditLog } from '../audit/audit-log';
import { KioskError } from '../kiosk-error';
import { enforcePasswordPolicy } from '../password/password-policy';
import type { StrengthRater } from '../password/strength-rater';
import type { KioskSession } from '../session/kiosk-session';
import type { AccountStanding } from './account-standing';
import type { PasswordSetter } from './password-setter';
import { whetherPasswordTook } from './password-window';
import type { WriteServers, WriteTarget } from '../directory/write-servers';
import type { KeyedLock } from '../concurrency/keyed-lock';

const REFUSALS = new Set(['DIRECTORY_READ_ONLY', 'USER(-2)', 'USER(-3)', 'USER(-5)', 'APPLICATION_IN_PROGRESS', 'WRONG_STEP']);
/** How long a reset answered with a fault is remembered, so its retry can be recognised. */
const RETRY_WINDOW_MS = 30 * 60_000;

export class PasswordReset {
  /** Staff IDs whose last reset here ended in a fault after the password was sent: until when. */
  private readonly uncertain = new Map<string, number>();

  constructor(
    private readonly deps: {
      writes: WriteServers;
      standing: AccountStanding;
      passwords: PasswordSetter;
      rater: StrengthRater;
      audit: AuditLog;
      /** One reset per staff ID at a time: a double submit or a twin request waits its turn. */
      lock: KeyedLock;
      track: <T>(session: KioskSession, work: Promise<T>) => Promise<T>;
      truthBoundMs?: number;
      clock: { now(): number };
    },
  ) {}

  /** For a reset session: which account is theirs (or the code that refuses it). */
  async check(session: KioskSession): Promise<{ purpose: 'reset'; account: string }> {
    const account = this.deps.standing.resettable(await this.deps.standing.of(session.profile.id));
    return { purpose: 'reset', account: this.deps.standing.address(account.uid) };
  }

  resetPassword(session: KioskSession, request: { password: string; confirm: string }): Promise<{ address: string }> {
    const person = {
      staffId: session.profile.id,
      nameEn: session.profile.nameEn,
      purpose: session.purpose,
      operator: session.assistedBy && `${session.assistedBy.operator} (${session.assistedBy.reason})`,
    };
    return this.deps.track(session, this.deps.lock.run(`reset:${person.staffId}`, () => this.attempt(person, request)));
  }

  private async attempt(person: { staffId: string; nameEn: string; purpose: string; operator?: string }, request: { password: string; confirm: string }): Promise<{ address: string }> {
    const { standing, passwords, audit } = this.deps;
    let stage = 'checks';
    let account: { dn: string; uid: string } | undefined;
    let detail: string | undefined;
    let target: WriteTarget | undefined;
    try {
      if (person.purpose !== 'reset') throw new KioskError('WRONG_STEP', 'reset outside a reset session');
      // Chosen before anything is written: no write server means DIRECTORY_READ_ONLY, with nothing changed.
      target = await this.deps.writes.begin(this.deps.writes.recall(person.staffId));
      account = standing.resettable(await standing.of(person.staffId, target));
      await enforcePasswordPolicy(request.password, request.confirm, { staffId: person.staffId, nameEn: person.nameEn, account: account.uid }, this.deps.rater);
      stage = 'password-sent';
      this.deps.writes.remember(person.staffId, target.url);
      try {
        await passwords.set(target, target.connection, account.dn, request.password);
      } catch (error) {
        // The retry of a reset that ended in a fault, whose new password did take after all: the
        // password is what they asked for. Anyone else choosing their current password is refused.
        if (!(error instanceof KioskError && error.code === 'PASSWORD_IN_HISTORY' && this.isRetryAfterFault(person.staffId) && (await passwords.binds(target, account.dn, request.password)))) throw error;
        detail = 'the new password was already in place (a retry after a fault)';
      }
      stage = 'password-set';
      await this.prove(target, account.dn, request.password);
      stage = 'complete';
      this.uncertain.delete(person.staffId);
      await audit.note({ action: 'reset', result: 'ok', staffId: person.staffId, account: account.uid, operator: person.operator, stage, detail, server: target.url });
      return { address: standing.address(account.uid) };
    } catch (error) {
      const known = error instanceof KioskError ? error : new KioskError('INTERNAL', (error as Error).message);
      const fault = known.code === 'PASSWORD_MAY_BE_SET' || known.code === 'DIRECTORY_UNAVAILABLE';
      if (fault && stage !== 'checks') this.uncertain.set(person.staffId, this.deps.clock.now() + RETRY_WINDOW_MS);
      await audit.note({
        action: 'reset',
        result: REFUSALS.has(known.code) ? 'refused' : 'failed',
        code: known.code,
        staffId: person.staffId,
        account: account?.uid,
        operator: person.operator,
        stage,
        detail: known.facts.reason ?? known.detail,
        server: target?.url,
      });
      throw known;
    }
  }

  private isRetryAfterFault(staffId: string): boolean {
    return (this.uncertain.get(staffId) ?? 0) > this.deps.clock.now();
  }

  /** Never report a success the person cannot use: bind as them with the new password. */
  private async prove(target: WriteTarget, dn: string, password: string): Promise<void> {
    const truth = await whetherPasswordTook((d, p) => this.deps.passwords.binds(target, d, p), dn, password, this.deps.truthBoundMs);
    if (truth === 'set') return;
    if (truth === 'unknown') throw new KioskError('PASSWORD_MAY_BE_SET', 'the proving bind could not reach the directory');
    throw new KioskError('INTERNAL', 'the new password does not bind');
  }
}
