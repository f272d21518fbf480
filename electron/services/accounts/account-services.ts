// The accounts' rooms, put together once: the account layer (reads and stores on the directory),
// this kiosk's attempts and what they left, creation, reset, the sweep, the mailbox finisher and
// their rounds. The composition root passes in what they share and registers what they own.
import { type DirectoryLayout } from '../account-store/account-layout';
import { AccountReads } from '../account-store/account-reads';
import { AccountStores } from '../account-store/account-stores';
import type { AuditLog } from '../audit/audit-log';
import type { Clock } from '../clock';
import type { KeyedLock } from '../concurrency/keyed-lock';
import type { DirectoryConnection } from '../directory/directory-connection';
import type { LdapConnector } from '../directory/ldap-connector';
import type { WriteServers } from '../directory/write-servers';
import type { Lifecycle } from '../lifecycle';
import type { Logger } from '../logger';
import type { MailboxProvisioner } from '../mailbox/mailbox-provisioner';
import type { AccountNamer } from '../naming/account-namer';
import type { StrengthRater } from '../password/strength-rater';
import type { KioskSession } from '../session/kiosk-session';
import { AccountCreation } from './account-creation';
import { AccountStanding } from './account-standing';
import { AttemptLedger } from './attempt-ledger';
import { CreationLeftovers } from './creation-leftovers';
import { AccountHousekeeping } from './housekeeping';
import { IncompleteEntrySweeper } from './incomplete-entry-sweeper';
import { MailboxFinisher } from './mailbox-finisher';
import { PasswordReset } from './password-reset';
import { PasswordSetter } from './password-setter';

export interface AccountServicesDeps {
  kioskId: string;
  mailDomain: string;
  layout: DirectoryLayout;
  /** The read servers' connection, and the write servers. */
  connection: DirectoryConnection;
  writes: WriteServers;
  connect: LdapConnector;
  mailbox: MailboxProvisioner;
  mailboxMode: 'none' | 'campus';
  effectiveInMinutes: number;
  rater: StrengthRater;
  audit: AuditLog;
  locks: KeyedLock;
  clock: Clock;
  logger: Logger;
  lifecycle: Lifecycle;
  /** The layout check's verdict, for the kiosk's status (a problem takes it out of service). */
  onLayout: ConstructorParameters<typeof AccountHousekeeping>[0]['onLayout'];
  requireConsent: (session: KioskSession) => unknown;
  track: <T>(session: KioskSession, work: Promise<T>) => Promise<T>;
  /** Made by the naming room over these reads; offered names come from it. */
  makeNamer: (reads: AccountReads) => AccountNamer;
}

export function createAccountServices(deps: AccountServicesDeps) {
  const { layout, clock, logger, audit, lifecycle, mailboxMode } = deps;
  const reads = new AccountReads(deps.connection, layout);
  const stores = new AccountStores({ writes: deps.writes, reads, clock });
  const namer = deps.makeNamer(reads);
  const ledger = new AttemptLedger(deps.kioskId, clock);
  const leftovers = lifecycle.own(
    'leftover retries',
    new CreationLeftovers({ stores, ledger, audit, clock, logger }),
    (l) => l.stop(),
  );
  const sweeper = new IncompleteEntrySweeper({ stores, leftovers });
  const standing = new AccountStanding({ reads, clock, mailDomain: deps.mailDomain });
  const passwords = new PasswordSetter({ connect: deps.connect, logger });
  const { mailbox, rater } = deps;
  const mailboxes = new MailboxFinisher({ stores, leftovers, mailbox, mailboxMode, audit, logger });
  const creation = new AccountCreation({
    stores,
    layout,
    standing,
    leftovers,
    ledger,
    passwords,
    namer,
    mailbox,
    mailboxMode,
    rater,
    audit,
    logger,
    effectiveInMinutes: deps.effectiveInMinutes,
    requireConsent: deps.requireConsent,
    track: deps.track,
  });
  const reset = new PasswordReset({
    stores,
    standing,
    leftovers,
    passwords,
    rater,
    audit,
    lock: deps.locks,
    track: deps.track,
    clock,
  });
  const kioskEntryDn = `cn=${deps.kioskId},${layout.kiosksDn}`;
  const housekeeping = new AccountHousekeeping({
    stores,
    sweeper,
    mailboxes,
    kioskEntryDn,
    onLayout: deps.onLayout,
    logger,
  });
  return { reads, stores, namer, standing, creation, reset, sweeper, mailboxes, housekeeping };
}
