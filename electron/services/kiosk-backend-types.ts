// What the backend is given by its shell (Electron's main, the browser host, the tests) and what it
// gives back: the composition root's contract, apart from its wiring (kiosk-backend.ts).
import type { AccountReads } from './account-store/account-reads';
import type { AccountCreation } from './accounts/account-creation';
import type { AccountHousekeeping } from './accounts/housekeeping';
import type { IncompleteEntrySweeper } from './accounts/incomplete-entry-sweeper';
import type { MailboxFinisher } from './accounts/mailbox-finisher';
import type { PasswordReset } from './accounts/password-reset';
import type { FetchLike } from './ais/ais-health';
import type { AisSignIn, AisLauncher } from './ais/ais-sign-in';
import type { AisTokenCodec } from './ais/token-codec';
import type { UsedTokens } from './ais/used-token-journal';
import type { AuditWriter } from './audit/audit-log';
import type { Clock } from './clock';
import type { KioskConfig } from './config';
import type { ContactConfirmation } from './contact/contact-confirmation';
import type { Mailer } from './contact/smtp-mailer';
import type { DirectoryHealth } from './directory/directory-health';
import type { LdapConnector } from './directory/ldap-connector';
import type { Dispatcher } from './dispatcher';
import type { FleetBeacon } from './health/fleet-beacon';
import type { KioskStatus } from './health/kiosk-status';
import type { Logger } from './logger';
import type { MailboxProvisioner } from './mailbox/mailbox-provisioner';
import type { AccountNamer } from './naming/account-namer';
import type { StrengthRater } from './password/strength-rater';
import type { PolicyLibrary } from './policies/policy-library';
import type { ReceiptPrinter } from './receipt/receipt-printer';
import type { KioskSessions, SessionEndReason } from './session/kiosk-session';

export interface KioskBackendDeps {
  config: KioskConfig;
  appVersion: string;
  clock: Clock;
  logger: Logger;
  connectLdap: LdapConnector;
  /** How this shell shows AIS: given the sign-in service, returns the launcher. */
  makeAisLauncher: (signIn: AisSignIn) => AisLauncher;
  /** Where audit lines go (a file in production). */
  auditWriter: AuditWriter;
  /** Reads the operator's word files named in naming.*File. */
  readTextFile: (path: string) => string;
  /** A site may plug in AIS's own cipher; the default is the documented AES-256-GCM format. */
  aisCodec?: AisTokenCodec;
  /** The tokens already used: a journal on disk in a kiosk, so a restart forgets none. */
  usedTokens?: UsedTokens;
  /** Overrides the configured mailbox provisioning (tests inject failures here). */
  mailbox?: MailboxProvisioner;
  /** The bundled policy summaries (the built renderer's policies/ folder). */
  bundledPoliciesDir: string;
  /** For the AIS reachability line; the platform's fetch by default. */
  fetch?: FetchLike;
  /** Overrides the configured SMTP relay. */
  mailer?: Mailer;
  /** Overrides the password worker (zxcvbn and the breached-password filter). */
  rater?: StrengthRater;
  /** The breached-password filter shipped with this build; password.breachedFilter wins over it. */
  bundledBreachedFilter?: string;
  /** Shown on the helpdesk's health view. */
  configPath: string;
  /** Prints the result receipt: Electron's silent printing, or (by default) the page's own window.print. */
  receiptPrinter?: ReceiptPrinter;
  /**
   * How often the directory's layout is checked, the sweeper looks for abandoned entries and claims
   * across it, and the finisher for unfinished mailboxes (and once at start-up). The shells set it;
   * tests call them.
   */
  sweepEveryMs?: number;
  /** Whether this kiosk writes its heartbeat and watches the switches on its own (the shells do). */
  fleetBeacon?: boolean;
}

export interface KioskBackend {
  dispatcher: Dispatcher;
  directoryHealth: DirectoryHealth;
  sessions: KioskSessions;
  aisSignIn: AisSignIn;
  /** Accounts as the read servers show them (account-store/). */
  reads: AccountReads;
  creation: AccountCreation;
  reset: PasswordReset;
  sweeper: IncompleteEntrySweeper;
  /** The layout check, the sweep and the finisher, in rounds (started when sweepEveryMs is set). */
  housekeeping: AccountHousekeeping;
  /** Finishes mailboxes left unfinished (campus mode); run with the sweeper. */
  mailboxes: MailboxFinisher;
  namer: AccountNamer;
  policies: PolicyLibrary;
  contacts: ContactConfirmation;
  status: KioskStatus;
  fleet: FleetBeacon;
  /** Ends the session and closes any AIS page still open: what the shell's own wipes call. */
  wipe(reason: SessionEndReason): boolean;
  close(): Promise<void>;
}
