// Helpdesk operators sign in with their own directory credentials: found by uid under the
// operators subtree, proven by a bind as themselves, and admitted only as members of the helpdesk
// group. This is the one door for an operator's password: a sign-in and every later re-check (an
// assisted application asks again) count toward the same lockout, five failures lock it on this
// kiosk for five minutes, and each failure and each lockout is audited with the operator's uid,
// normalised the way the directory compares it. Attempts run one at a time, so a burst cannot
// outrun the count. An operator session ends after five idle minutes.
import type { AuditLog } from '../audit/audit-log';
import type { Clock } from '../clock';
import type { HelpdeskSettings } from './helpdesk-settings';
import { bindsAs } from '../directory/binds-as';
import type { DirectoryConnection } from '../directory/directory-connection';
import type { LdapConnector } from '../directory/ldap-connector';
import { equals } from '../directory/ldap-names';
import { KioskError } from '../kiosk-error';
import { KeyedLock } from '../concurrency/keyed-lock';

/** uid is compared case-insensitively by the directory: "OPCHEN " and "opchen" are one operator. */
const normaliseUid = (raw: string) => raw.trim().toLowerCase();

export type OperatorSignOutReason = 'operator' | 'idle' | 'handover';

export interface OperatorSession {
  uid: string;
  dn: string;
  since: number;
}

export class OperatorSignIn {
  private failures: number[] = [];
  private lockedUntil = 0;
  private live: (OperatorSession & { lastActivity: number }) | null = null;
  private readonly attempts = new KeyedLock();
  private readonly signOutListeners: Array<(why: OperatorSignOutReason) => void> = [];

  constructor(
    private readonly deps: {
      connection: DirectoryConnection;
      connect: LdapConnector;
      urls: readonly string[];
      baseDn: string;
      settings: HelpdeskSettings;
      audit: AuditLog;
      clock: Clock;
    },
  ) {}

  private get groupDn(): string {
    return this.deps.settings.groupDn ?? `cn=helpdesk,ou=group,${this.deps.baseDn}`;
  }

  /** Told whenever an operator session ends, and why (assisted starts cancel what was waiting). */
  onSignOut(listener: (why: OperatorSignOutReason) => void): void {
    this.signOutListeners.push(listener);
  }

  signIn(rawUid: string, password: string): Promise<OperatorSession> {
    const uid = normaliseUid(rawUid);
    return this.checked(uid, 'sign-in', () => this.attempt(uid, password));
  }

  /**
   * The signed-in operator proves themselves again (their password, before the step `what`):
   * through the same lock, count and lockout as a sign-in, so an open console is no way to guess.
   */
  confirmPassword(password: string, what: string): Promise<OperatorSession> {
    const operator = this.require();
    return this.checked(operator.uid, what, async () => {
      if (!(await this.bindsAs(operator.dn, password)))
        return this.fail(operator.uid, 'OPERATOR_DENIED', `wrong password (${what})`);
      this.failures = [];
      return operator;
    });
  }

  /**
   * The lockout is this kiosk's, so every check of an operator password queues behind the one
   * before it: the check, the bind and the count of one never interleave with another's.
   */
  private checked<T>(uid: string, what: string, check: () => Promise<T>): Promise<T> {
    return this.attempts.run('operator-password', async () => {
      const now = this.deps.clock.now();
      if (now < this.lockedUntil) {
        await this.audit(uid, 'refused', 'OPERATOR_LOCKED', what);
        throw new KioskError('OPERATOR_LOCKED', `locked for ${Math.ceil((this.lockedUntil - now) / 1000)} s`);
      }
      return check();
    });
  }

  private async attempt(uid: string, password: string): Promise<OperatorSession> {
    const now = this.deps.clock.now();
    // An empty password would be an anonymous bind, which "succeeds": never accept it.
    if (!uid || !password) return this.fail(uid, 'OPERATOR_DENIED', 'empty uid or password');
    const { settings, baseDn } = this.deps;
    const operatorsDn = `${settings.operatorsBase},${baseDn}`;
    const found = await this.deps.connection.run(
      async (client) =>
        (
          await client.search(operatorsDn, {
            scope: 'sub',
            filter: equals(settings.operatorUidAttribute, uid),
            attributes: ['dn'],
          })
        ).searchEntries,
      { idempotent: true },
    );
    if (found.length !== 1)
      return this.fail(uid, 'OPERATOR_DENIED', found.length === 0 ? 'no such operator' : 'ambiguous operator uid');
    const dn = found[0]!.dn;
    if (!(await this.bindsAs(dn, password))) return this.fail(uid, 'OPERATOR_DENIED', 'wrong password');
    const memberValue = settings.groupMembership === 'member' ? dn : uid;
    const inGroup = await this.deps.connection.run(
      async (client) =>
        (
          await client
            .search(this.groupDn, {
              scope: 'base',
              filter: equals(settings.groupMembership, memberValue),
              attributes: ['dn'],
            })
            .catch(() => ({ searchEntries: [] }))
        ).searchEntries.length > 0,
      { idempotent: true },
    );
    if (!inGroup) return this.fail(uid, 'OPERATOR_NOT_AUTHORIZED', `not in ${this.groupDn}`);
    this.failures = [];
    this.live = { uid, dn, since: now, lastActivity: now };
    await this.audit(uid, 'ok', undefined, 'signed in');
    return { uid, dn, since: now };
  }

  /** The signed-in operator, refreshed as active; OPERATOR_SESSION(0) when none or idle too long. */
  require(): OperatorSession {
    const live = this.live;
    const now = this.deps.clock.now();
    if (!live || now - live.lastActivity >= this.deps.settings.idleMinutes * 60_000) {
      if (live) this.signOut('idle');
      throw new KioskError('OPERATOR_SESSION(0)');
    }
    live.lastActivity = now;
    return { uid: live.uid, dn: live.dn, since: live.since };
  }

  signOut(why: OperatorSignOutReason = 'operator'): boolean {
    const live = this.live;
    this.live = null;
    if (!live) return false;
    void this.audit(live.uid, 'ok', undefined, `signed out (${why})`);
    // Only an operator session that was live ends anything: after a handover there is none left.
    for (const listener of this.signOutListeners) listener(why);
    return true;
  }

  private bindsAs(dn: string, password: string): Promise<boolean> {
    return bindsAs(this.deps.connect, this.deps.urls, dn, password);
  }

  private async fail(uid: string, code: 'OPERATOR_DENIED' | 'OPERATOR_NOT_AUTHORIZED', detail: string): Promise<never> {
    const now = this.deps.clock.now();
    const { lockoutMinutes, lockoutFailures } = this.deps.settings;
    const window = lockoutMinutes * 60_000;
    this.failures = [...this.failures.filter((t) => now - t < window), now];
    await this.audit(uid, 'refused', code, detail);
    if (this.failures.length >= lockoutFailures) {
      this.lockedUntil = now + window;
      this.failures = [];
      await this.audit(
        uid,
        'refused',
        'OPERATOR_LOCKED',
        `operator passwords locked on this kiosk for ${lockoutMinutes} min after ${lockoutFailures} failures`,
      );
    }
    throw new KioskError(code, detail);
  }

  private audit(
    operator: string,
    result: 'ok' | 'refused',
    code?: Parameters<AuditLog['record']>[0]['code'],
    detail?: string,
  ) {
    return this.deps.audit.note({ action: 'operator', result, code, operator: operator.slice(0, 64), detail });
  }
}
