// How the helpdesk starts a session for someone whose identity an operator checked in person: a
// reset (the session is made from the account entry), an application from the HR records while
// AIS is down, or an application through the applicant's own AIS sign-in, written as the operator.
// Each start hands the counter over: the operator is signed out, and the operator-bound
// connection belongs to that one applicant. An explicit sign-out, or the operator going idle,
// before a handover cancels what was waiting and closes its connection.
import type { AccountReads } from '../account-store/account-reads';
import type { AccountStanding } from '../accounts/account-standing';
import type { PendingAssist } from '../ais/ais-sign-in';
import type { AuditLog } from '../audit/audit-log';
import type { Clock } from '../clock';
import type { DirectoryConnection } from '../directory/directory-connection';
import type { WriteServers } from '../directory/write-servers';
import { equals } from '../directory/ldap-names';
import { firstValue } from '../directory/ldap-values';
import {
  cleanChineseName,
  cleanPassportName,
  normaliseStaffId,
  requireEligible,
  requireRole,
  type EligibilityRules,
} from '../identity/person-identity';
import { KioskError } from '../kiosk-error';
import { Secret } from '../secret';
import { operatorLabel, type KioskSession, type KioskSessions } from '../session/kiosk-session';
import type { HelpdeskSettings } from './helpdesk-settings';
import type { OperatorSignIn } from './operator-sign-in';

export interface AssistedStartsDeps {
  operators: OperatorSignIn;
  sessions: Pick<KioskSessions, 'startAssisted'>;
  /** Where the applicant's own AIS sign-in is told to expect them. */
  ais: { expectAssisted(assist: PendingAssist): void; cancelAssist(): boolean };
  standing: AccountStanding;
  reads: AccountReads;
  connection: DirectoryConnection;
  /** The operator's own connections to the write servers (the same servers as the service account's). */
  operatorWrites: (bindDn: string, password: Secret) => WriteServers;
  baseDn: string;
  settings: HelpdeskSettings;
  eligibility: EligibilityRules;
  audit: AuditLog;
  clock: Clock;
}

export class AssistedStarts {
  constructor(private readonly deps: AssistedStartsDeps) {
    deps.operators.onSignOut((why) => {
      if (why !== 'handover' && deps.ais.cancelAssist())
        void deps.audit.note({
          action: 'operator',
          result: 'ok',
          detail: `pending assisted application cancelled (${why})`,
        });
    });
  }

  /** A reset for someone whose ID the operator checked: they then type the password themselves. */
  async startReset(staffId: string, reason: string): Promise<{ account: string }> {
    const operator = this.deps.operators.require();
    const id = normaliseStaffId(staffId);
    const account = this.deps.standing.resettable(await this.deps.standing.read(id));
    const name = cleanChineseName((await this.deps.reads.entry(account.dn))?.name ?? '');
    this.deps.operators.signOut('handover');
    const session = this.deps.sessions.startAssisted(
      { id, name, nameEn: '', language: 'zh-TW', condition: '', role: 'staff' },
      'reset',
      { operator: operator.uid, reason },
    );
    await this.auditStart(session, 'reset', account.uid, 'assisted reset started');
    return { account: this.deps.standing.address(account.uid) };
  }

  /**
   * AIS is down: the profile comes from the HR records, the same eligibility rules apply, and the
   * account is written over a connection bound as the operator (re-authenticated here).
   */
  async startApplication(staffId: string, reason: string, password: string): Promise<{ name: string }> {
    const operator = this.deps.operators.require();
    const id = normaliseStaffId(staffId);
    const role = requireRole(id);
    const a = this.deps.settings.staffDirectory;
    const { searchEntries } = await this.deps.connection.run(
      (client) =>
        client.search(`${a.base},${this.deps.baseDn}`, {
          scope: 'sub',
          filter: equals(a.id, id),
          attributes: [a.name, a.nameEn, a.condition],
        }),
      { idempotent: true },
    );
    const record = searchEntries[0];
    // Not USER(-2), the reset's "no mailbox": the helpdesk must learn that the HR records lack the ID.
    if (!record) throw new KioskError('NO_HR_RECORD', 'no HR record for that staff ID');
    const text = (name: string) => firstValue(record[name]) ?? '';
    const profile = {
      id,
      name: cleanChineseName(text(a.name)),
      nameEn: cleanPassportName(text(a.nameEn)),
      language: 'zh-TW' as const,
      condition: text(a.condition).trim(),
      role,
    };
    requireEligible(this.deps.eligibility, role, profile.condition);
    const creator = await this.operatorConnection(operator.dn, password, 'assisted application');
    this.deps.operators.signOut('handover');
    const session = this.deps.sessions.startAssisted(profile, 'apply', { operator: operator.uid, reason });
    session.holdings.creator = creator;
    await this.auditStart(session, 'eligibility', undefined, 'assisted application started (AIS unavailable)');
    return { name: profile.name };
  }

  /** The applicant signs in through AIS themselves, next, at this kiosk, as this staff ID only. */
  async expectApplication(
    staffId: string,
    reason: string,
    password: string,
  ): Promise<{ waiting: true; staffId: string; operator: string; until: string }> {
    const operator = this.deps.operators.require();
    const id = normaliseStaffId(staffId);
    requireRole(id);
    const creator = await this.operatorConnection(operator.dn, password, 'assisted application through AIS');
    const until = this.deps.clock.now() + this.deps.settings.assistWaitMinutes * 60_000;
    this.deps.ais.expectAssisted({
      operator: operator.uid,
      reason,
      staffId: id,
      until,
      attach: (session: KioskSession) => {
        session.holdings.creator = creator;
      },
      discard: () => void creator.close(),
    });
    this.deps.operators.signOut('handover');
    await this.deps.audit.note({
      action: 'operator',
      result: 'ok',
      operator: operator.uid,
      staffId: id,
      detail: `assisted application through AIS (${reason})`,
    });
    // The counter shows whom it waits for and until when, so the helpdesk can confirm what it started.
    return { waiting: true, staffId: id, operator: operator.uid, until: new Date(until).toISOString() };
  }

  /**
   * The operator proves themselves again (their password, through the sign-in's one door: its
   * lockout and its audit), and gets a connection bound as them: the account an assisted
   * application makes is written by, and recorded as made by, the operator.
   */
  private async operatorConnection(dn: string, password: string, what: string): Promise<WriteServers> {
    await this.deps.operators.confirmPassword(password, what);
    return this.deps.operatorWrites(dn, new Secret(password));
  }

  private auditStart(
    session: KioskSession,
    action: 'reset' | 'eligibility',
    account: string | undefined,
    detail: string,
  ) {
    return this.deps.audit.note({
      action,
      result: 'ok',
      staffId: session.profile.id,
      account,
      detail,
      operator: operatorLabel(session),
    });
  }
}
