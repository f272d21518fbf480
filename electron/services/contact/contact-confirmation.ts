// The contact address for account notices (Email-2): a 6-digit code is mailed to the address and
// typed at the counter. The code is stored on the account entry only as a salted hash, with its
// expiry (one day, so the helpdesk can finish later), its wrong tries and the recent sends (at
// most 3 an hour). At the counter, 5 tries within 10 minutes; on every path together, 10 tries,
// and then the code dies. The sends stay on the entry whatever happens to the code (a mailer that
// fails after the mail went out, a confirmation), so no failure resets the hourly limit. Audited
// at every step, never with the code. Every step for one person runs under that person's key, and
// writes the entry only while it still holds what the step read (RFC 4528), so neither a burst
// at one kiosk nor two kiosks at once can outrun a limit. Each step works on one write server
// (the one that last wrote for this person, when it answers), and is refused with
// DIRECTORY_READ_ONLY, before anything is written, when none takes writes.
import { randomBytes, randomInt } from 'node:crypto';
import {
  CONTACT_CODE_DIGITS,
  contactRuleViolation,
  maskAddress,
  normaliseAddress,
} from '../../../shared/contact/contact-rules';
import type { AccountReads } from '../account-store/account-reads';
import { readPending, writePending } from '../account-store/contact-fields';
import type { AuditLog } from '../audit/audit-log';
import type { Clock } from '../clock';
import type { KeyedLock } from '../concurrency/keyed-lock';
import type { ContactSettings } from './contact-settings';
import type { DirectoryConnection } from '../directory/directory-connection';
import type { WriteServers } from '../directory/write-servers';
import { KioskError } from '../kiosk-error';
import type { ContactAtCounter, KioskSession } from '../session/kiosk-session';
import { composeConfirmationMail } from './confirmation-mail';
import type { Mailer } from './smtp-mailer';
import { normaliseStaffId } from '../identity/person-identity';
import {
  checkTyped,
  hashCode,
  parsePending,
  REFUSALS,
  type CheckOutcome,
  type Decision,
  type Pending,
} from './pending-code';

export class ContactConfirmation {
  constructor(
    private readonly deps: {
      writes: WriteServers;
      directory: AccountReads;
      mailer: Mailer;
      audit: AuditLog;
      clock: Clock;
      settings: ContactSettings;
      mailDomain: string;
      /** Serialises each person's register and confirm steps (keyed by staff ID). */
      lock: KeyedLock;
    },
  ) {}

  register(session: KioskSession, rawAddress: string): Promise<{ masked: string }> {
    const staffId = normaliseStaffId(session.profile.id);
    return this.deps.lock.run(`contact:${staffId}`, () => this.registerNow(session, staffId, rawAddress));
  }

  confirm(session: KioskSession, code: string): Promise<{ masked: string }> {
    const staffId = normaliseStaffId(session.profile.id);
    return this.deps.lock.run(`contact:${staffId}`, () => this.confirmNow(session, staffId, code));
  }

  confirmByHelpdesk(operator: string, staffId: string, code: string): Promise<{ masked: string; account: string }> {
    const id = normaliseStaffId(staffId);
    return this.deps.lock.run(`contact:${id}`, () => this.confirmByHelpdeskNow(operator, id, code));
  }

  /** Validates the address, stores a fresh code's hash on the account, and mails the code. */
  private async registerNow(session: KioskSession, staffId: string, rawAddress: string): Promise<{ masked: string }> {
    const { settings, clock } = this.deps;
    const violation = contactRuleViolation(rawAddress, settings.institutionDomains);
    if (violation) throw new KioskError(violation);
    const address = normaliseAddress(rawAddress);
    const { connection } = await this.begin(staffId);
    const account = await this.deps.directory.findByStaffId(staffId, connection);
    if (account.state !== 'active') throw new KioskError('WRONG_STEP', 'no active account for a contact address');
    const code = String(randomInt(0, 10 ** CONTACT_CODE_DIGITS)).padStart(CONTACT_CODE_DIGITS, '0');
    const salt = randomBytes(16).toString('hex');
    const hash = hashCode(salt, code);
    const recent = await this.step(connection, account.dn, (pending) => {
      const now = Math.floor(clock.now() / 1000);
      const sends = pending.sends.filter((t) => now - t < 3600);
      if (sends.length >= settings.maxCodesPerHour) return { outcome: sends.length };
      return {
        next: {
          code: { address, salt, hash, expires: now + settings.codeValidityHours * 3600 },
          tries: 0,
          sends: [...sends, now],
        },
        outcome: 0,
      };
    });
    if (recent > 0) {
      await this.audit({ staffId, account: account.uid, result: 'refused', code: 'CONTACT_RATE_LIMITED' });
      throw new KioskError('CONTACT_RATE_LIMITED', `${recent} codes in the last hour`);
    }
    try {
      await this.deps.mailer(
        composeConfirmationMail(address, code, `${account.uid}@${this.deps.mailDomain}`, settings.codeValidityHours),
      );
    } catch (error) {
      // The code may never have left: it must not wait on the entry. Its send still counts toward
      // the hourly limit (a relay can fail after the mail went out). The account itself is untouched.
      await this.step(connection, account.dn, (pending) => ({
        next: pending.code?.hash === hash ? { tries: 0, sends: pending.sends } : undefined,
        outcome: undefined,
      })).catch(() => undefined);
      await this.audit({
        staffId,
        account: account.uid,
        result: 'failed',
        code: 'SMTP_UNAVAILABLE',
        detail: (error as Error).message,
      });
      throw new KioskError('SMTP_UNAVAILABLE', (error as Error).message);
    }
    if (session.live)
      session.holdings.contactAtCounter = { dn: account.dn, sentAt: clock.now(), tries: 0 } satisfies ContactAtCounter;
    await this.audit({ staffId, account: account.uid, result: 'ok', detail: `code sent to ${maskAddress(address)}` });
    return { masked: maskAddress(address) };
  }

  private async confirmNow(session: KioskSession, staffId: string, code: string): Promise<{ masked: string }> {
    const { settings, clock } = this.deps;
    const counter = session.holdings.contactAtCounter;
    if (!counter) throw new KioskError('WRONG_STEP', 'no code was sent in this session');
    if (counter.tries >= settings.counterTries) throw new KioskError('CONTACT_TOO_MANY_TRIES');
    if (clock.now() - counter.sentAt > settings.counterMinutes * 60_000)
      throw new KioskError('CONTACT_COUNTER_TIMEOUT');
    const { connection } = await this.begin(staffId);
    const uid = /^[^=]+=([^,]+)/.exec(counter.dn)?.[1];
    const limit = Math.min(settings.counterTries, settings.codeTries);
    const { verdict, address, tries } = await this.check(connection, counter.dn, code, limit);
    counter.tries = tries;
    if (verdict === 'right') {
      if (session.holdings.contactAtCounter === counter) session.holdings.contactAtCounter = null;
      await this.audit({ staffId, account: uid, result: 'ok', detail: `confirmed ${maskAddress(address!)}` });
      return { masked: maskAddress(address!) };
    }
    const failure = REFUSALS[verdict];
    await this.audit({
      staffId,
      account: uid,
      result: 'refused',
      code: failure,
      detail: verdict === 'expired' ? undefined : `try ${tries} of ${limit}`,
    });
    if (verdict === 'wrong') throw new KioskError('CONTACT_CODE_WRONG', undefined, { triesLeft: limit - tries });
    throw new KioskError(verdict === 'expired' ? 'CONTACT_CODE_EXPIRED' : 'CONTACT_TOO_MANY_TRIES');
  }

  /**
   * The helpdesk finishes a confirmation the counter could not (time ran out, too many tries):
   * the person reads the code from their mail; it is checked against the stored hash within its
   * day, and within the code's tries on every path together.
   */
  private async confirmByHelpdeskNow(
    operator: string,
    staffId: string,
    code: string,
  ): Promise<{ masked: string; account: string }> {
    const { connection } = await this.begin(staffId);
    const account = await this.deps.directory.findByStaffId(staffId, connection);
    if (account.state !== 'active') throw new KioskError('USER(-2)', 'no active account for that staff ID');
    const limit = this.deps.settings.codeTries;
    const { verdict, address, tries } = await this.check(connection, account.dn, code, limit);
    const audit = (result: 'ok' | 'refused', failure?: Parameters<AuditLog['record']>[0]['code'], detail?: string) =>
      this.deps.audit.note({
        action: 'contact',
        result,
        code: failure,
        staffId,
        account: account.uid,
        operator,
        detail,
      });
    if (verdict === 'right') {
      await audit('ok', undefined, `confirmed ${maskAddress(address!)} at the helpdesk`);
      return { masked: maskAddress(address!), account: account.uid };
    }
    await audit(
      'refused',
      REFUSALS[verdict],
      verdict === 'expired' ? 'at the helpdesk' : `try ${tries} of ${limit} at the helpdesk`,
    );
    throw new KioskError(
      verdict === 'wrong'
        ? 'CONTACT_CODE_WRONG'
        : verdict === 'expired'
          ? 'CONTACT_CODE_EXPIRED'
          : 'CONTACT_TOO_MANY_TRIES',
    );
  }

  /**
   * Checks a typed code against the entry's and counts a wrong one there. A path is refused once
   * the code's tries reach its limit (the counter's is lower: the code then lives on for the
   * helpdesk); at codeTries the code dies for every path. The right code stores the address.
   */
  private check(connection: DirectoryConnection, dn: string, typed: string, limit: number): Promise<CheckOutcome> {
    const { clock, settings } = this.deps;
    return this.step(connection, dn, (pending) =>
      checkTyped(pending, typed, { nowMs: clock.now(), limit, codeTries: settings.codeTries }),
    );
  }

  /** The write server for this person's step: the one that wrote for them last, if it still takes writes. */
  private begin(staffId: string) {
    return this.deps.writes.begin(this.deps.writes.pinnedServer(staffId));
  }

  /**
   * One step on the entry: read its pending attribute, decide, and write the decision only while
   * the entry still holds what was read. Another kiosk's write in between means deciding again.
   */
  private async step<T>(
    connection: DirectoryConnection,
    dn: string,
    decide: (pending: Pending) => Decision<T>,
  ): Promise<T> {
    const { attributes } = this.deps.settings;
    for (let attempt = 1; ; attempt += 1) {
      const asRead = await readPending(connection, dn, attributes);
      const { next, confirmed, outcome } = decide(parsePending(asRead.raw));
      if (!next) return outcome;
      if (await writePending(connection, dn, attributes, { asRead, next: JSON.stringify(next), confirmed }))
        return outcome;
      // Another kiosk wrote in between: decide again on what it left, a few times at most.
      if (attempt >= 5)
        throw new KioskError('DIRECTORY_UNAVAILABLE', 'the contact fields kept changing under this step');
    }
  }

  private audit(line: Omit<Parameters<AuditLog['note']>[0], 'action'>) {
    return this.deps.audit.note({ action: 'contact', ...line });
  }
}
