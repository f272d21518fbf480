// The contact address for account notices (Email-2): a 6-digit code is mailed to the address and
// typed at the counter. The code is stored on the account entry only as a salted hash, with its
// expiry (one day, so the helpdesk can finish later) and the recent sends (at most 3 an hour).
// At the counter, 5 tries within 10 minutes. Audited at every step, never with the code. Every
// step for one person runs under that person's key, so a burst cannot outrun a limit. Each step
// works on one write server (the one that last wrote for this person, when it answers), and is
// refused with DIRECTORY_READ_ONLY, before anything is written, when none takes writes.
import { createHash, randomBytes, randomInt, timingSafeEqual } from 'node:crypto';
import { Attribute, Change } from 'ldapts';
import { contactRuleViolation, maskAddress, normaliseAddress } from '../../../shared/contact/contact-rules';
import type { AccountReads } from '../account-store/account-reads';
import type { AuditLog } from '../audit/audit-log';
import type { Clock } from '../clock';
import type { KeyedLock } from '../concurrency/keyed-lock';
import type { ContactSettings } from './contact-settings';
import type { DirectoryConnection } from '../directory/directory-connection';
import type { WriteServers } from '../directory/write-servers';
import { KioskError } from '../kiosk-error';
import type { ContactAtCounter, KioskSession } from '../session/kiosk-session';
import type { Mailer } from './smtp-mailer';
import { allValues, firstValue } from '../directory/ldap-values';

interface Pending {
  address: string;
  salt: string;
  hash: string;
  expires: number;
  /** Unix seconds of recent sends, for the hourly limit. */
  sends: number[];
}

const hashCode = (salt: string, code: string) => createHash('sha256').update(salt).update(code).digest('hex');

export function composeConfirmationMail(address: string, code: string, account: string, validityHours: number) {
  return {
    to: address,
    subject: '聯絡用電子郵件信箱確認碼 / Contact address confirmation code',
    text: [
      `您好，這是 ${account} 的聯絡用電子郵件信箱確認碼：`,
      '',
      `    ${code}`,
      '',
      `請在服務台輸入此確認碼。確認碼 ${validityHours} 小時內有效；若非您本人申請，請忽略此信。`,
      '',
      '---',
      '',
      `Hello, this is the confirmation code for the contact address of ${account}:`,
      '',
      `    ${code}`,
      '',
      `Type it at the counter. It is valid for ${validityHours} hours. If you did not ask for it, ignore this message.`,
    ].join('\n'),
  };
}

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
    const staffId = session.profile.id;
    return this.deps.lock.run(`contact:${staffId}`, () => this.registerNow(session, staffId, rawAddress));
  }

  confirm(session: KioskSession, code: string): Promise<{ masked: string }> {
    const staffId = session.profile.id;
    return this.deps.lock.run(`contact:${staffId}`, () => this.confirmNow(session, staffId, code));
  }

  confirmByHelpdesk(operator: string, staffId: string, code: string): Promise<{ masked: string; account: string }> {
    const id = staffId.trim().toLowerCase();
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
    const now = Math.floor(clock.now() / 1000);
    const previous = await this.readPending(connection, account.dn);
    const recent = (previous?.sends ?? []).filter((t) => now - t < 3600);
    if (recent.length >= settings.maxCodesPerHour) {
      await this.audit(staffId, account.uid, 'refused', 'CONTACT_RATE_LIMITED');
      throw new KioskError('CONTACT_RATE_LIMITED', `${recent.length} codes in the last hour`);
    }
    const code = String(randomInt(0, 1_000_000)).padStart(6, '0');
    const salt = randomBytes(16).toString('hex');
    const pending: Pending = { address, salt, hash: hashCode(salt, code), expires: now + settings.codeValidityHours * 3600, sends: [...recent, now] };
    await this.writePending(connection, account.dn, pending, previous === undefined);
    try {
      await this.deps.mailer(composeConfirmationMail(address, code, `${account.uid}@${this.deps.mailDomain}`, settings.codeValidityHours));
    } catch (error) {
      // The code never left: it must not wait on the entry. The account itself is untouched.
      await this.clearPending(connection, account.dn).catch(() => undefined);
      await this.audit(staffId, account.uid, 'failed', 'SMTP_UNAVAILABLE', (error as Error).message);
      throw new KioskError('SMTP_UNAVAILABLE', (error as Error).message);
    }
    if (session.live) session.holdings.contactAtCounter = { dn: account.dn, sentAt: clock.now(), tries: 0 } satisfies ContactAtCounter;
    await this.audit(staffId, account.uid, 'ok', undefined, `code sent to ${maskAddress(address)}`);
    return { masked: maskAddress(address) };
  }

  private async confirmNow(session: KioskSession, staffId: string, code: string): Promise<{ masked: string }> {
    const { settings, clock } = this.deps;
    const counter = session.holdings.contactAtCounter;
    if (!counter) throw new KioskError('WRONG_STEP', 'no code was sent in this session');
    if (counter.tries >= settings.counterTries) throw new KioskError('CONTACT_TOO_MANY_TRIES');
    if (clock.now() - counter.sentAt > settings.counterMinutes * 60_000) throw new KioskError('CONTACT_COUNTER_TIMEOUT');
    const { connection } = await this.begin(staffId);
    const pending = await this.readPending(connection, counter.dn);
    const uid = /^[^=]+=([^,]+)/.exec(counter.dn)?.[1];
    if (!pending || Math.floor(clock.now() / 1000) > pending.expires) {
      await this.audit(staffId, uid, 'refused', 'CONTACT_CODE_EXPIRED');
      throw new KioskError('CONTACT_CODE_EXPIRED');
    }
    const given = Buffer.from(hashCode(pending.salt, code.trim()), 'hex');
    if (!/^\d{6}$/.test(code.trim()) || !timingSafeEqual(given, Buffer.from(pending.hash, 'hex'))) {
      counter.tries += 1;
      await this.audit(staffId, uid, 'refused', 'CONTACT_CODE_WRONG', `try ${counter.tries} of ${settings.counterTries}`);
      if (counter.tries >= settings.counterTries) throw new KioskError('CONTACT_TOO_MANY_TRIES');
      throw new KioskError('CONTACT_CODE_WRONG', undefined, { triesLeft: settings.counterTries - counter.tries });
    }
    await this.store(connection, counter.dn, pending.address);
    if (session.holdings.contactAtCounter === counter) session.holdings.contactAtCounter = null;
    await this.audit(staffId, uid, 'ok', undefined, `confirmed ${maskAddress(pending.address)}`);
    return { masked: maskAddress(pending.address) };
  }

  /**
   * The helpdesk finishes a confirmation the counter could not (time ran out, too many tries):
   * the person reads the code from their mail; it is checked against the stored hash within its day.
   */
  private async confirmByHelpdeskNow(operator: string, staffId: string, code: string): Promise<{ masked: string; account: string }> {
    const { connection } = await this.begin(staffId);
    const account = await this.deps.directory.findByStaffId(staffId, connection);
    if (account.state !== 'active') throw new KioskError('USER(-2)', 'no active account for that staff ID');
    const pending = await this.readPending(connection, account.dn);
    const audit = (result: 'ok' | 'refused', failure?: Parameters<AuditLog['record']>[0]['code'], detail?: string) =>
      this.deps.audit.note({ action: 'contact', result, code: failure, staffId, account: account.uid, operator, detail });
    if (!pending || Math.floor(this.deps.clock.now() / 1000) > pending.expires) {
      await audit('refused', 'CONTACT_CODE_EXPIRED', 'at the helpdesk');
      throw new KioskError('CONTACT_CODE_EXPIRED');
    }
    const given = Buffer.from(hashCode(pending.salt, code.trim()), 'hex');
    if (!/^\d{6}$/.test(code.trim()) || !timingSafeEqual(given, Buffer.from(pending.hash, 'hex'))) {
      await audit('refused', 'CONTACT_CODE_WRONG', 'at the helpdesk');
      throw new KioskError('CONTACT_CODE_WRONG');
    }
    await this.store(connection, account.dn, pending.address);
    await audit('ok', undefined, `confirmed ${maskAddress(pending.address)} at the helpdesk`);
    return { masked: maskAddress(pending.address), account: account.uid };
  }

  /** The write server for this person's step: the one that wrote for them last, if it still takes writes. */
  private begin(staffId: string) {
    return this.deps.writes.begin(this.deps.writes.recall(staffId));
  }

  private async store(connection: DirectoryConnection, dn: string, address: string): Promise<void> {
    const { attributes } = this.deps.settings;
    await connection.run(
      (client) =>
        client.modify(dn, [
          new Change({ operation: 'replace', modification: new Attribute({ type: attributes.address, values: [address] }) }),
          new Change({ operation: 'replace', modification: new Attribute({ type: attributes.confirmed, values: ['TRUE'] }) }),
          new Change({ operation: 'delete', modification: new Attribute({ type: attributes.pending }) }),
        ]),
      { idempotent: false },
    );
  }

  private async readPending(connection: DirectoryConnection, dn: string): Promise<Pending | undefined> {
    const { attributes } = this.deps.settings;
    const { searchEntries } = await connection.run((client) => client.search(dn, { scope: 'base', attributes: [attributes.pending] }), { idempotent: true });
    const raw = firstValue(searchEntries[0]?.[attributes.pending]);
    if (raw === undefined) return undefined;
    try {
      return JSON.parse(raw) as Pending;
    } catch {
      return undefined;
    }
  }

  private async writePending(connection: DirectoryConnection, dn: string, pending: Pending, first: boolean): Promise<void> {
    const { attributes } = this.deps.settings;
    const changes = [new Change({ operation: 'replace', modification: new Attribute({ type: attributes.pending, values: [JSON.stringify(pending)] }) })];
    await connection.run(
      async (client) => {
        if (first) {
          // The auxiliary class is added once; an entry that already has it says so, harmlessly.
          const { searchEntries } = await client.search(dn, { scope: 'base', attributes: ['objectClass'] });
          const classes = allValues(searchEntries[0]?.objectClass).map((c) => c.toLowerCase());
          if (!classes.includes(attributes.objectClass.toLowerCase())) {
            changes.unshift(new Change({ operation: 'add', modification: new Attribute({ type: 'objectClass', values: [attributes.objectClass] }) }));
          }
        }
        await client.modify(dn, changes);
      },
      { idempotent: false },
    );
  }

  private async clearPending(connection: DirectoryConnection, dn: string): Promise<void> {
    await connection.run((client) => client.modify(dn, [new Change({ operation: 'delete', modification: new Attribute({ type: this.deps.settings.attributes.pending }) })]), {
      idempotent: false,
    });
  }

  private audit(staffId: string, account: string | undefined, result: 'ok' | 'refused' | 'failed', code?: Parameters<AuditLog['record']>[0]['code'], detail?: string) {
    return this.deps.audit.note({ action: 'contact', result, code, staffId, account, detail });
  }
}
