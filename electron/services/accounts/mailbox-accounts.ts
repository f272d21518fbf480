// Creating a mailbox account and resetting its password, for the signed-in person. To the renderer
// each is one call; behind it: eligibility, the offered-name check, the password policy, an atomic
// uidNumber, the add without a password, the password set by the server (Password Modify), a
// read-back of the server-made hash, then the mailbox. A failure after the add removes the
// entry again; if even that fails, the entry is remembered and removed once the directory is back.
// A reset is proven by binding as the person with the new password before it is reported.
import { AlreadyExistsError, Attribute, ConstraintViolationError, NoSuchObjectError, type Client } from 'ldapts';
import { enforcePasswordPolicy } from '../password/password-policy';
import type { AuditLog } from '../audit/audit-log';
import type { Clock } from '../clock';
import { bindsAs } from '../directory/binds-as';
import { DirectoryConnection } from '../directory/directory-connection';
import { Secret } from '../secret';
import { foldDiacritics } from '../ais/handoff-payload';
import { roleOf } from '../ais/handoff-verifier';
import { equals } from '../directory/ldap-names';
import type { KioskConfig } from '../config';
import type { LdapConnector } from '../directory/ldap-connector';
import { childDn } from '../directory/ldap-names';
import { encodePasswordModifyRequest, PASSWORD_MODIFY_OID } from '../directory/password-modify';
import { KioskError } from '../kiosk-error';
import type { Logger } from '../logger';
import type { MailboxProvisioner, MailboxReport } from '../mailbox/mailbox-provisioner';
import type { AccountNamer } from '../naming/account-namer';
import type { KioskSession, KioskSessions } from '../session/kiosk-session';
import type { AccountDirectory, AccountState } from './account-directory';
import { homeDirectoryFor, type DirectoryLayout } from './directory-layout';
import { allocateUidNumber } from './uid-number-allocator';
import { firstValue } from '../directory/ldap-values';

export interface CreationResult {
  address: string;
  uid: string;
  mailbox: MailboxReport;
  effectiveInMinutes: number;
}

export interface MailboxAccountsDeps {
  connection: DirectoryConnection;
  /** Opens a fresh connection to bind as the person, proving the new password works. */
  connect: LdapConnector;
  urls: readonly string[];
  directory: AccountDirectory;
  layout: DirectoryLayout;
  namer: AccountNamer;
  mailbox: MailboxProvisioner;
  audit: AuditLog;
  logger: Logger;
  clock: Clock;
  mailDomain: string;
  effectiveInMinutes: number;
  /** Throws CONSENT_MISSING unless both policies were accepted in this session. */
  requireConsent: (session: KioskSession) => unknown;
}

const OFFERED = 'offeredNames';
const CREATION = 'creation';
/** An assisted application's connection, bound as the operator: the entry's creator is the operator. */
export const CREATOR_CONNECTION = 'creatorConnection';
/** Another kiosk's entry without a password is only taken as abandoned after this long. */
export const ABANDONED_AFTER_MS = 120_000;

/** Maps a directory refusal of a password to its code, keeping the directory's own words. */
function passwordRefusal(error: unknown): KioskError | null {
  if (!(error instanceof ConstraintViolationError)) return null;
  // ldapts appends the result code to the server's text; the person sees only the server's words.
  const reason = error.message.split('\n')[0]!.replace(/\s*Code: 0x[0-9a-f]+\s*$/i, '').slice(0, 200);
  // The current password and the remembered ones are all "recently used" to the person.
  const recent = /history|not being changed/i.test(reason);
  return new KioskError(recent ? 'PASSWORD_IN_HISTORY' : 'PASSWORD_REFUSED', reason, { reason });
}

/** Hands a session the operator-bound connection, closed when the session ends. */
export function attachCreator(session: KioskSession, creator: DirectoryConnection): void {
  session.scratch.set(CREATOR_CONNECTION, creator);
  session.scratch.set('dispose:creator', () => creator.close());
}

export class MailboxAccounts {
  /** DNs of entries a failed creation could not remove yet; removed before the next directory work. */
  private readonly pendingCleanup = new Set<string>();

  constructor(private readonly deps: MailboxAccountsDeps) {}

  address(uid: string): string {
    return `${uid}@${this.deps.mailDomain}`;
  }

  /**
   * The helpdesk starts a reset for someone whose identity it checked in person: the session is
   * made from the account entry (no AIS token), and the person then types the password themselves.
   */
  async startAssistedReset(sessions: { startAssisted: KioskSessions['startAssisted'] }, staffId: string, operator: string, reason: string): Promise<{ account: string }> {
    const id = staffId.trim().toLowerCase();
    const state = await this.deps.directory.findByStaffId(id);
    const account = this.resettable(state);
    const { searchEntries } = await this.deps.connection.run((client) => client.search(account.dn, { scope: 'base', attributes: [this.deps.layout.attrs.name] }), { idempotent: true });
    const name = firstValue(searchEntries[0]?.[this.deps.layout.attrs.name]) ?? '';
    const session = sessions.startAssisted({ id, name, nameEn: '', language: 'zh-TW', condition: '', role: 'staff' }, 'reset', { operator, reason });
    await this.audit(session, 'reset', 'ok', undefined, account.uid, 'assisted reset started');
    return { account: this.address(account.uid) };
  }

  /**
   * AIS is down and the helpdesk checked the person's ID in person: the profile comes from the HR
   * subtree, the same eligibility rules apply, and the account will be written over a connection
   * bound as the operator (re-authenticated here), so the directory records who made it.
   */
  async startAssistedApplication(
    sessions: { startAssisted: KioskSessions['startAssisted'] },
    operator: { uid: string; dn: string; password: string },
    staffId: string,
    reason: string,
    hr: { directory: KioskConfig['helpdesk']['staffDirectory']; eligibility: KioskConfig['eligibility']; urls: readonly string[]; failbackMs: number },
  ): Promise<{ name: string }> {
    const id = staffId.trim().toLowerCase();
    const role = roleOf(id);
    if (!role) throw new KioskError('ROLE(0)', 'unknown ID format');
    const { baseDn } = this.deps.layout;
    const a = hr.directory;
    const { searchEntries } = await this.deps.connection.run(
      (client) => client.search(`${a.base},${baseDn}`, { scope: 'sub', filter: equals(a.id, id), attributes: [a.name, a.nameEn, a.condition] }),
      { idempotent: true },
    );
    const record = searchEntries[0];
    if (!record) throw new KioskError('USER(-2)', 'no HR record for that staff ID');
    const text = (name: string) => firstValue(record[name]) ?? '';
    const profile = { id, name: text(a.name), nameEn: foldDiacritics(text(a.nameEn)).trim(), language: 'zh-TW' as const, condition: text(a.condition).trim(), role };
    if (!hr.eligibility[role].includes(profile.condition)) throw new KioskError('USER(-4)', `condition "${profile.condition}" not eligible`);
    const creator = await this.operatorConnection(operator, hr);
    const session = sessions.startAssisted(profile, 'apply', { operator: operator.uid, reason });
    attachCreator(session, creator);
    await this.audit(session, 'eligibility', 'ok', undefined, undefined, 'assisted application started (AIS unavailable)');
    return { name: profile.name };
  }

  /**
   * The operator proves themselves again (their password), and gets a connection bound as them:
   * the account an assisted application makes is written by, and recorded as made by, the operator.
   */
  async operatorConnection(operator: { dn: string; password: string }, hr: { urls: readonly string[]; failbackMs: number }): Promise<DirectoryConnection> {
    if (!(await this.bindsAs(operator.dn, operator.password))) throw new KioskError('OPERATOR_DENIED', 'wrong operator password');
    return new DirectoryConnection({ urls: hr.urls, bindDn: operator.dn, bindPassword: new Secret(operator.password), failbackMs: hr.failbackMs }, this.deps.connect, this.deps.clock, this.deps.logger);
  }

  /** For an apply session: may this person have a mailbox? For a reset session: which is theirs? */
  async check(session: KioskSession): Promise<{ purpose: 'apply' | 'reset'; account?: string }> {
    const state = await this.stateOf(session);
    if (session.purpose === 'apply') {
      await this.refuseUnlessFree(session, state);
      return { purpose: 'apply' };
    }
    return { purpose: 'reset', account: this.address(this.resettable(state).uid) };
  }

  /** The offered names, kept in the session: creation accepts only one of these. */
  async candidates(session: KioskSession): Promise<string[]> {
    if (session.purpose !== 'apply') throw new KioskError('WRONG_STEP', 'candidates outside an apply session');
    try {
      const names = await this.deps.namer.available(session.profile.nameEn);
      session.scratch.set(OFFERED, names);
      return names;
    } catch (error) {
      if (error instanceof KioskError) await this.audit(session, 'candidates', 'refused', error.code);
      throw error;
    }
  }

  /** One creation per session: a double submit waits for, and then returns, the same outcome. */
  create(session: KioskSession, request: { account: string; password: string; confirm: string }, clientIp: string): Promise<CreationResult> {
    const running = session.scratch.get(CREATION) as Promise<CreationResult> | undefined;
    if (running) return running;
    const attempt = this.createOnce(session, request, clientIp);
    session.scratch.set(CREATION, attempt);
    // A failed attempt may be retried (a fresh name, a better password); a success stays.
    attempt.catch(() => {
      if (session.scratch.get(CREATION) === attempt) session.scratch.delete(CREATION);
    });
    return attempt;
  }

  async resetPassword(session: KioskSession, request: { password: string; confirm: string }): Promise<{ address: string }> {
    if (session.purpose !== 'reset') throw new KioskError('WRONG_STEP', 'reset outside a reset session');
    const { profile } = session;
    try {
      const account = this.resettable(await this.stateOf(session));
      await enforcePasswordPolicy(request.password, request.confirm, { staffId: profile.id, nameEn: profile.nameEn, account: account.uid });
      await this.setPassword(account.dn, request.password);
      await this.proveBind(account.dn, request.password);
      await this.audit(session, 'reset', 'ok', undefined, account.uid);
      return { address: this.address(account.uid) };
    } catch (error) {
      const known = error instanceof KioskError ? error : new KioskError('INTERNAL', (error as Error).message);
      await this.audit(session, 'reset', 'failed', known.code, undefined, known.facts.reason);
      throw known;
    }
  }

  private async createOnce(session: KioskSession, request: { account: string; password: string; confirm: string }, clientIp: string): Promise<CreationResult> {
    const { profile } = session;
    if (session.purpose !== 'apply') throw new KioskError('WRONG_STEP', 'create outside an apply session');
    this.deps.requireConsent(session);
    const offered = (session.scratch.get(OFFERED) as string[] | undefined) ?? [];
    if (!offered.includes(request.account)) throw new KioskError('NAME_NOT_OFFERED', 'the name was not offered in this session');
    const uid = request.account;
    await enforcePasswordPolicy(request.password, request.confirm, { staffId: profile.id, nameEn: profile.nameEn, account: uid });
    await this.refuseUnlessFree(session, await this.stateOf(session));

    const { layout } = this.deps;
    const connection = this.writerFor(session);
    const dn = childDn(layout.attrs.account, uid, layout.peopleDn);
    const uidNumber = await this.addEntry(session, dn, uid, clientIp);
    try {
      await this.setPassword(dn, request.password, connection);
      // Reading back a server-made hash proves the set; a bind as the person would cost a second
      // ARGON2 run (measured: about 9 ms of 22) and is left to the reset path, where it is the proof.
      await this.verifyEntry(dn);
      const mailbox = await this.deps.mailbox.provision({
        uid,
        uidNumber,
        gidNumber: layout.account.gidNumber,
        homeDirectory: homeDirectoryFor(layout.account.homeDirectory, uid),
      });
      const result = { address: this.address(uid), uid, mailbox, effectiveInMinutes: this.deps.effectiveInMinutes };
      await this.audit(session, 'create', 'ok', undefined, uid);
      return result;
    } catch (error) {
      const cause = passwordRefusal(error) ?? (error instanceof KioskError ? error : new KioskError('DIRECTORY_UNAVAILABLE', (error as Error).message));
      const removed = await connection.run((client) => client.del(dn), { idempotent: false }).then(
        () => true,
        (deleteError: unknown) => deleteError instanceof NoSuchObjectError,
      );
      if (removed) {
        await this.audit(session, 'create', 'failed', cause.code, uid, `rolled back: ${cause.detail ?? cause.code}`);
        throw cause;
      }
      this.pendingCleanup.add(dn);
      const left = `entry ${dn} without a usable password; removed automatically once the directory answers`;
      await this.audit(session, 'create', 'failed', 'ACCOUNT_INCOMPLETE', uid, left);
      throw new KioskError('ACCOUNT_INCOMPLETE', `${cause.detail ?? cause.code}; ${left}`, { account: this.address(uid) });
    }
  }

  /** The connection that writes for this session: the operator's in an assisted application. */
  private writerFor(session: KioskSession): DirectoryConnection {
    return (session.scratch.get(CREATOR_CONNECTION) as DirectoryConnection | undefined) ?? this.deps.connection;
  }

  /** Adds the entry without a password. Returns its uidNumber. */
  private async addEntry(session: KioskSession, dn: string, uid: string, clientIp: string): Promise<number> {
    const { layout, clock } = this.deps;
    const connection = this.writerFor(session);
    const { profile } = session;
    // A clash on uidNumber (another tool used it meanwhile) just takes the next number.
    for (let attempt = 0; attempt < 3; attempt += 1) {
      const uidNumber = await connection.run((client) => allocateUidNumber(client, layout.uidCounterDn, layout.baseDn, { min: layout.account.uidNumberMin, max: layout.account.uidNumberMax }), {
        idempotent: false,
      });
      const attributes = [
        new Attribute({ type: 'objectClass', values: [...layout.account.objectClasses] }),
        new Attribute({ type: layout.attrs.account, values: [uid] }),
        // cn must not be empty; without a Chinese name the passport name stands in.
        new Attribute({ type: layout.attrs.name, values: [profile.name || profile.nameEn || uid] }),
        new Attribute({ type: layout.attrs.staffId, values: [profile.id] }),
        new Attribute({ type: 'gecos', values: [uid] }),
        new Attribute({ type: 'loginShell', values: [layout.account.loginShell] }),
        new Attribute({ type: 'gidNumber', values: [String(layout.account.gidNumber)] }),
        new Attribute({ type: 'uidNumber', values: [String(uidNumber)] }),
        new Attribute({ type: 'homeDirectory', values: [homeDirectoryFor(layout.account.homeDirectory, uid)] }),
        new Attribute({ type: 'description', values: [`create(${Math.floor(clock.now() / 1000)},${clientIp});`] }),
      ];
      try {
        await connection.run((client) => client.add(dn, attributes), { idempotent: false });
        return uidNumber;
      } catch (error) {
        if (error instanceof AlreadyExistsError) {
          // Someone took the name meanwhile: offer a fresh list.
          await this.candidates(session).catch(() => undefined);
          await this.audit(session, 'create', 'refused', 'NAME_TAKEN', uid);
          throw new KioskError('NAME_TAKEN', `${uid} was taken meanwhile`, { account: this.address(uid) });
        }
        if (error instanceof ConstraintViolationError) {
          // The directory keeps staff IDs and uidNumbers unique: which one clashed? If the staff
          // ID, this person has (or is getting, at another kiosk) an account already.
          const now = await this.deps.directory.findByStaffId(profile.id);
          if (now.state !== 'none') await this.refuseUnlessFree(session, now);
          continue;
        }
        if (error instanceof KioskError && error.code === 'DIRECTORY_UNAVAILABLE') {
          // The add may have reached the server before the connection broke.
          this.pendingCleanup.add(dn);
        }
        throw error;
      }
    }
    throw new KioskError('INTERNAL', 'uidNumber kept clashing');
  }

  private async setPassword(dn: string, password: string, connection: DirectoryConnection = this.deps.connection): Promise<void> {
    await connection.run(
      async (client: Client) => {
        try {
          await client.exop(PASSWORD_MODIFY_OID, encodePasswordModifyRequest(dn, password));
        } catch (error) {
          throw passwordRefusal(error) ?? error;
        }
      },
      { idempotent: false },
    );
  }

  /** The password must read back as a hash the server made, never as the cleartext sent. */
  private async verifyEntry(dn: string): Promise<void> {
    const { searchEntries } = await this.deps.connection.run((client) => client.search(dn, { scope: 'base', attributes: ['userPassword'] }), {
      idempotent: true,
    });
    const text = firstValue(searchEntries[0]?.userPassword) ?? '';
    if (!/^\{[A-Z0-9.-]+\}/i.test(text)) throw new KioskError('INTERNAL', 'the password was not stored as a hash');
  }

  /** Never report a success the person cannot use: bind as them with the new password. */
  private async proveBind(dn: string, password: string): Promise<void> {
    if (!(await this.bindsAs(dn, password))) throw new KioskError('INTERNAL', 'the new password does not bind');
  }

  private bindsAs(dn: string, password: string): Promise<boolean> {
    return bindsAs(this.deps.connect, this.deps.urls, dn, password);
  }

  /** Looks the person up, after first removing any entry an earlier failure left behind. */
  private async stateOf(session: KioskSession): Promise<AccountState> {
    await this.cleanUp(session);
    const state = await this.deps.directory.findByStaffId(session.profile.id);
    if (state.state !== 'incomplete') return state;
    // An entry without a password: another kiosk may be between its add and its password set
    // right now. Only an old one is abandoned, and only then removed.
    if (this.deps.clock.now() - state.createdAt < ABANDONED_AFTER_MS) return state;
    await this.removeIncomplete(session, state.dn);
    return { state: 'none' };
  }

  private async cleanUp(session: KioskSession): Promise<void> {
    for (const dn of [...this.pendingCleanup]) {
      try {
        await this.removeIncomplete(session, dn);
        this.pendingCleanup.delete(dn);
      } catch (error) {
        this.deps.logger.warn('cleanup of an incomplete entry failed; will retry', { dn, error });
        if (error instanceof KioskError && error.code === 'DIRECTORY_UNAVAILABLE') throw error;
      }
    }
  }

  /** Deletes dn only while it still has no password: a finished account is never touched. */
  private async removeIncomplete(session: KioskSession, dn: string): Promise<void> {
    const removed = await this.deps.connection.run(
      async (client) => {
        const { searchEntries } = await client.search(dn, { scope: 'base', attributes: ['userPassword'] }).catch((error: unknown) => {
          if ((error as { code?: number }).code === 32) return { searchEntries: [] }; // already gone
          throw error;
        });
        const entry = searchEntries[0];
        // ldapts reports a requested attribute the entry lacks as an empty list.
        if (!entry || ([] as unknown[]).concat(entry.userPassword ?? []).length > 0) return false;
        await client.del(dn);
        return true;
      },
      { idempotent: false },
    );
    if (removed) await this.audit(session, 'cleanup', 'ok', undefined, dn, 'removed an entry left without a password');
  }

  private async refuseUnlessFree(session: KioskSession, state: AccountState): Promise<void> {
    if (state.state === 'none') return;
    const code = state.state === 'suspended' ? 'USER(-3)' : state.state === 'password-suspended' ? 'USER(-5)' : 'USER(-1)';
    const uid = 'uid' in state ? state.uid : undefined;
    await this.audit(session, 'eligibility', 'refused', code, uid);
    throw new KioskError(code, `staff ID already has ${state.state} account`, uid ? { account: this.address(uid) } : {});
  }

  private resettable(state: AccountState): { dn: string; uid: string } {
    if (state.state === 'active') return state;
    if (state.state === 'suspended') throw new KioskError('USER(-3)', 'account suspended', { account: this.address(state.uid) });
    if (state.state === 'password-suspended') throw new KioskError('USER(-5)', 'password suspended', { account: this.address(state.uid) });
    throw new KioskError('USER(-2)', 'no account for this staff ID');
  }

  private audit(session: KioskSession, action: Parameters<AuditLog['record']>[0]['action'], result: 'ok' | 'refused' | 'failed', code?: Parameters<AuditLog['record']>[0]['code'], account?: string, detail?: string) {
    // An assisted session names both: the person (staffId) and the operator who vouched for them.
    const operator = session.assistedBy ? `${session.assistedBy.operator} (${session.assistedBy.reason})` : undefined;
    return this.deps.audit.record({ action, result, code, staffId: session.profile.id, account, detail, operator }).catch((error: unknown) => {
      // An audit line that cannot be written must not be lost silently.
      this.deps.logger.error('audit write failed', { error, action, result, code });
    });
  }
}
