// Creating a mailbox account for the signed-in person: to the renderer one call, behind it the
// stages docs/directory.md names. The checks (consent, an offered name, the password policy, the
// person's standing), then the claim on the staff ID, the entry without a password, the password
// set by the server, and the mailbox. A creation runs on what it captured when it started, so the
// session may end meanwhile; every attempt ends in exactly one audit line with the stage reached.
// One write server takes the whole creation: every write, and every read that decides or proves
// one, goes to it. When no write server takes writes, the creation is refused before its first write.
import { NoSuchObjectError } from 'ldapts';
import type { AuditLog } from '../audit/audit-log';
import type { DirectoryConnection } from '../directory/directory-connection';
import type { WriteServers, WriteTarget } from '../directory/write-servers';
import { childDn } from '../directory/ldap-names';
import { KioskError } from '../kiosk-error';
import type { Logger } from '../logger';
import { mailboxMade, type MailboxProvisioner } from '../mailbox/mailbox-provisioner';
import type { AccountNamer } from '../naming/account-namer';
import { enforcePasswordPolicy } from '../password/password-policy';
import type { StrengthRater } from '../password/strength-rater';
import type { CreationResult, KioskSession } from '../session/kiosk-session';
import type { AccountClaims } from './account-claims';
import { creationStage, type AccountDirectory, type AccountState, type CreationStage } from './account-directory';
import type { AccountStanding } from './account-standing';
import { addAccountEntry, allocateEntryNumber, readUidCounter } from './account-entry';
import { homeDirectoryFor, type DirectoryLayout } from './directory-layout';
import type { IncompleteEntrySweeper } from './incomplete-entry-sweeper';
import { provisionAndMark } from './mailbox-finisher';
import { type PasswordSetter } from './password-setter';

export interface AccountCreationDeps {
  /** The service account's write servers: each creation takes one for all its work. */
  writes: WriteServers;
  directory: AccountDirectory;
  standing: AccountStanding;
  claims: AccountClaims;
  sweeper: IncompleteEntrySweeper;
  passwords: PasswordSetter;
  layout: DirectoryLayout;
  namer: AccountNamer;
  mailbox: MailboxProvisioner;
  mailboxMode: 'none' | 'campus';
  rater: StrengthRater;
  audit: AuditLog;
  logger: Logger;
  clock: { now(): number };
  effectiveInMinutes: number;
  /** Throws CONSENT_MISSING unless both policies were accepted in this session. */
  requireConsent: (session: KioskSession) => unknown;
  /** Keeps the session's end from releasing what a running creation still uses. */
  track: <T>(session: KioskSession, work: Promise<T>) => Promise<T>;
}

/** What a creation captured from its session when it started: ending the session changes none of it. */
interface Applicant {
  staffId: string;
  name: string;
  nameEn: string;
  operator?: string;
  offeredNames: readonly string[];
  /** Why the session may not create, decided at the start (wrong purpose, consent missing). */
  refusal: KioskError | null;
  /** In an assisted application the operator writes, bound as themselves, on the same server. */
  creator: WriteServers | null;
}

/** The server one creation works on, and who writes there (the service account or the operator). */
interface Unit {
  target: WriteTarget;
  writer: DirectoryConnection;
}

/** How far one creation got, and where: what its audit line says. */
interface Progress {
  stage: CreationStage;
  detail?: string;
  uidNumber?: number;
  server?: string;
}

/** Codes that are the person's or the situation's answer, not a failure of the kiosk. */
const REFUSALS = new Set(['DIRECTORY_READ_ONLY', 'USER(-1)', 'USER(-3)', 'USER(-5)', 'APPLICATION_IN_PROGRESS', 'NAME_TAKEN', 'NAME_NOT_OFFERED', 'CONSENT_MISSING', 'WRONG_STEP']);

export class AccountCreation {
  constructor(private readonly deps: AccountCreationDeps) {}

  /** May this person apply? Refusals are audited as eligibility lines. */
  async check(session: KioskSession): Promise<{ purpose: 'apply' }> {
    const staffId = session.profile.id;
    const state = await this.deps.standing.of(staffId);
    const refusal = this.resumable(state) ? null : this.deps.standing.refusalToApply(state);
    if (refusal) {
      await this.note(session, { action: 'eligibility', result: 'refused', code: refusal.code, account: refusal.facts.account });
      throw refusal;
    }
    return { purpose: 'apply' };
  }

  /** The offered names, kept in the session: creation accepts only one of these. */
  async candidates(session: KioskSession): Promise<string[]> {
    if (session.purpose !== 'apply') throw new KioskError('WRONG_STEP', 'candidates outside an apply session');
    try {
      // A creation that stopped after the password (a stage only campus mode has): the person
      // finishes the account they have, under its name.
      const state = this.deps.mailboxMode === 'campus' ? await this.deps.directory.findByStaffId(session.profile.id) : null;
      const names = state?.state === 'active' && this.resumable(state) ? [state.uid] : await this.deps.namer.available(session.profile.nameEn);
      if (session.live) session.holdings.offeredNames = names;
      return names;
    } catch (error) {
      if (error instanceof KioskError) await this.note(session, { action: 'candidates', result: 'refused', code: error.code });
      throw error;
    }
  }

  /** One creation per session: a double submit waits for, and then returns, the same outcome. */
  create(session: KioskSession, request: { account: string; password: string; confirm: string }, clientIp: string): Promise<CreationResult> {
    const running = session.holdings.creation;
    if (running) return running;
    const attempt = this.deps.track(session, this.attempt(this.capture(session), request, clientIp));
    session.holdings.creation = attempt;
    // A failed attempt may be retried (a fresh name, a better password); a success stays.
    attempt.catch(() => {
      if (session.holdings.creation === attempt) session.holdings.creation = null;
    });
    return attempt;
  }

  private capture(session: KioskSession): Applicant {
    const { profile, holdings } = session;
    let refusal: KioskError | null = null;
    if (session.purpose !== 'apply') refusal = new KioskError('WRONG_STEP', 'create outside an apply session');
    else {
      try {
        this.deps.requireConsent(session);
      } catch (error) {
        refusal = error instanceof KioskError ? error : new KioskError('CONSENT_MISSING');
      }
    }
    return {
      staffId: profile.id,
      name: profile.name,
      nameEn: profile.nameEn,
      operator: session.assistedBy && `${session.assistedBy.operator} (${session.assistedBy.reason})`,
      offeredNames: [...holdings.offeredNames],
      refusal,
      creator: holdings.creator,
    };
  }

  private async attempt(person: Applicant, request: { account: string; password: string; confirm: string }, clientIp: string): Promise<CreationResult> {
    const progress: Progress = { stage: 'none' };
    try {
      const result = await this.stages(person, request, clientIp, progress);
      // A mailbox left to finish is still a success (the account works), with its own code.
      const code = mailboxMade(result.mailbox) ? undefined : 'MAILBOX_UNFINISHED';
      await this.deps.audit.note({ action: 'create', result: 'ok', code, staffId: person.staffId, account: request.account, operator: person.operator, stage: progress.stage, detail: progress.detail, uidNumber: progress.uidNumber, server: progress.server });
      return result;
    } catch (error) {
      const known = error instanceof KioskError ? error : new KioskError('INTERNAL', (error as Error).message);
      await this.deps.audit.note({
        action: 'create',
        result: REFUSALS.has(known.code) ? 'refused' : 'failed',
        code: known.code,
        staffId: person.staffId,
        account: request.account,
        operator: person.operator,
        stage: progress.stage,
        detail: progress.detail ?? known.detail,
        uidNumber: progress.uidNumber,
        server: progress.server,
      });
      throw known;
    }
  }

  private async stages(person: Applicant, request: { account: string; password: string; confirm: string }, clientIp: string, progress: Progress): Promise<CreationResult> {
    const { deps } = this;
    if (person.refusal) throw person.refusal;
    if (!person.offeredNames.includes(request.account)) throw new KioskError('NAME_NOT_OFFERED', 'the name was not offered in this session');
    const uid = request.account;
    const dn = childDn(deps.layout.attrs.account, uid, deps.layout.peopleDn);
    // The password policy (zxcvbn, in its worker) is decided while the directory is read, and it
    // is awaited first: its refusal wins, and nothing of this creation is written before it has
    // passed (the standing check may clear away an abandoned attempt, as any later try would).
    const policy = enforcePasswordPolicy(request.password, request.confirm, { staffId: person.staffId, nameEn: person.nameEn, account: uid }, deps.rater);
    const reading = this.readBeforeWriting(person.staffId);
    // Handled here as well, so that its failure while the policy is still deciding is not unhandled.
    reading.catch(() => undefined);
    await policy.catch(async (error: unknown) => {
      // The attempt ends only once what it started has: a retry never runs beside this attempt's
      // reads, which may clear an abandoned attempt away.
      await reading.catch(() => undefined);
      throw error;
    });
    const { target, state, counter } = await reading;
    const unit: Unit = { target, writer: person.creator ? person.creator.at(target.url) : target.connection };
    progress.server = target.url;
    if (state.state === 'active' && this.resumable(state) && state.uid === uid) {
      progress.stage = 'password-set';
      if (!(await deps.passwords.binds(target, state.dn, request.password))) throw new KioskError('USER(-1)', 'resume refused: the password does not match', { account: deps.standing.address(uid) });
      progress.detail = 'resumed after the password was set';
      progress.uidNumber = state.uidNumber;
      return this.finishMailbox(person, unit, uid, state.uidNumber, progress, state.claim?.homeMade);
    }
    const refusal = deps.standing.refusalToApply(state);
    if (refusal) throw refusal;
    // A claim older than the abandon age, with no account behind it, is released before ours, but
    // only while it is the one read: another counter may have taken it over meanwhile, and then
    // our add below meets that claim and says the application is in progress.
    if (state.claim) await deps.claims.releaseIfUnchanged(unit.writer, person.staffId, state.claim);

    // The uidNumber is taken while the claim is added: neither waits for the other. A number taken
    // for a creation that then loses the claim stays unused, a gap in the range, never a duplicate.
    const numbered = counter.then((readAhead) => allocateEntryNumber(unit.writer, target.url, deps.layout, readAhead));
    // The attempt ends only once its allocation has, whichever way the claim goes.
    const allocated = numbered.then(
      () => undefined,
      () => undefined,
    );
    const existing = await deps.claims.take(unit.writer, person.staffId, dn).catch(async (error: unknown) => {
      await allocated;
      // Cut off: the claim may exist now. This creation has ended, so the next try may release it.
      if (error instanceof KioskError && error.code === 'DIRECTORY_UNAVAILABLE') deps.sweeper.rememberClaim(person.staffId, dn, target.url);
      throw error;
    });
    if (existing) {
      await allocated;
      // Another counter won the race for this staff ID: finished, or still in progress.
      const now = await deps.directory.findByStaffId(person.staffId, target.connection);
      throw now.state === 'active' ? deps.standing.refusalToApply(now)! : (deps.standing.inProgress(now) ?? new KioskError('APPLICATION_IN_PROGRESS', 'another claim on this staff ID', { retryAfterSeconds: 5 }));
    }
    progress.stage = 'claimed';
    // This person's later reads (the contact address, the helpdesk's lookup) go to this server too.
    deps.writes.remember(person.staffId, target.url);
    const uidNumber = await this.addEntry(person, unit, dn, uid, clientIp, progress, numbered);
    progress.stage = 'added';
    progress.uidNumber = uidNumber;
    await this.setPassword(person, unit, dn, uid, request.password, progress);
    progress.stage = 'password-set';
    return this.finishMailbox(person, unit, uid, uidNumber, progress);
  }

  /**
   * The write server, the person's standing on it, and its uid counter read at the same time (a
   * read: a stale value only makes the compare-and-swap read again). The counter is undefined when
   * that read failed; the allocation then reads it itself.
   */
  private async readBeforeWriting(staffId: string): Promise<{ target: WriteTarget; state: AccountState; counter: Promise<number | undefined> }> {
    const { deps } = this;
    const target = await deps.writes.begin();
    const counter = readUidCounter(target.connection, target.url, deps.layout).catch(() => undefined);
    return { target, state: await deps.standing.of(staffId, target), counter };
  }

  /** The entry without a password, under numbered; a refusal before it exists gives the claim back. */
  private async addEntry(person: Applicant, unit: Unit, dn: string, uid: string, clientIp: string, progress: { detail?: string }, numbered: Promise<number>): Promise<number> {
    const { deps } = this;
    try {
      return await addAccountEntry(unit.writer, unit.target.url, deps.layout, { dn, uid, staffId: person.staffId, name: person.name || person.nameEn || uid, clientIp, now: deps.clock.now() }, {
        first: numbered,
        staffIdHeld: async () => (await deps.directory.findByStaffId(person.staffId, unit.writer)).state !== 'none',
      });
    } catch (error) {
      if (error instanceof KioskError && error.code === 'DIRECTORY_UNAVAILABLE') {
        // The add may have reached the server before the connection broke: the sweeper decides.
        deps.sweeper.remember(dn, person.staffId, unit.target.url);
        progress.detail = `add interrupted; ${dn} is removed once the directory answers if it was made`;
        throw error;
      }
      await deps.claims.release(unit.writer, person.staffId).catch((releaseError: unknown) => deps.logger.warn('claim not released', { error: releaseError }));
      if (error instanceof KioskError && error.code === 'NAME_TAKEN') {
        // Someone took the name meanwhile: the next list the person sees will not offer it.
        throw new KioskError('NAME_TAKEN', `${uid} was taken meanwhile`, { account: deps.standing.address(uid) });
      }
      throw error;
    }
  }

  /** Sets the password truthfully; a creation whose password did not take is undone. */
  private async setPassword(person: Applicant, unit: Unit, dn: string, uid: string, password: string, progress: { detail?: string }): Promise<void> {
    const { deps } = this;
    const outcome = await deps.passwords.set(unit.target, unit.writer, dn, password, { sameIsDone: true }).catch((error: unknown) => (error instanceof KioskError ? error : new KioskError('INTERNAL', (error as Error).message)));
    if (outcome === undefined) return;
    if (outcome.code === 'PASSWORD_MAY_BE_SET') {
      // The directory stayed away: whether the password took is unknown, and nothing can be undone now.
      deps.sweeper.remember(dn, person.staffId, unit.target.url);
      progress.detail = `entry ${dn} may be without a usable password; removed automatically once the directory answers if it has none`;
      throw new KioskError('ACCOUNT_INCOMPLETE', progress.detail, { account: deps.standing.address(uid) });
    }
    const removed = await unit.writer.run((client) => client.del(dn), { idempotent: false }).then(
      () => true,
      (error: unknown) => error instanceof NoSuchObjectError,
    );
    if (removed) {
      await deps.claims.release(unit.writer, person.staffId).catch(() => deps.sweeper.remember(dn, person.staffId, unit.target.url));
      progress.detail = `rolled back: ${outcome.detail ?? outcome.code}`;
      throw outcome;
    }
    deps.sweeper.remember(dn, person.staffId, unit.target.url);
    progress.detail = `entry ${dn} without a usable password; removed automatically once the directory answers`;
    throw new KioskError('ACCOUNT_INCOMPLETE', `${outcome.detail ?? outcome.code}; ${progress.detail}`, { account: deps.standing.address(uid) });
  }

  /**
   * The last stage: the mailbox, then the claim marked. The account works by now, so a mail-store
   * step that does not finish leaves it in place: the result names the step, and the mailbox
   * finisher (or the person's own retry) completes it later.
   */
  private async finishMailbox(person: Applicant, unit: Unit, uid: string, uidNumber: number, progress: Progress, homeMade = false): Promise<CreationResult> {
    const { deps } = this;
    const account = { uid, uidNumber, gidNumber: deps.layout.account.gidNumber, homeDirectory: homeDirectoryFor(deps.layout.account.homeDirectory, uid) };
    const { report, problem, made } = await provisionAndMark(deps, unit.writer, person.staffId, account, homeMade);
    if (made) progress.stage = 'complete';
    if (report.unfinished) {
      const after = made ? 'the mailbox is made; its usage was not read' : 'the account works; the mailbox is finished automatically later';
      progress.detail = [progress.detail, `mailbox step ${report.unfinished} did not finish (${problem}); ${after}`].filter(Boolean).join('; ');
    }
    return { address: deps.standing.address(uid), uid, mailbox: report, effectiveInMinutes: deps.effectiveInMinutes };
  }

  /** The person's own account stopped after its password, before the mailbox (campus mode). */
  private resumable(state: AccountState): boolean {
    return creationStage(state, this.deps.mailboxMode) === 'password-set';
  }

  private note(session: KioskSession, event: { action: 'eligibility' | 'candidates'; result: 'refused'; code: KioskError['code']; account?: string }) {
    const operator = session.assistedBy && `${session.assistedBy.operator} (${session.assistedBy.reason})`;
    return this.deps.audit.note({ ...event, staffId: session.profile.id, operator });
  }
}
