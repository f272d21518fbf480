// Wires the Electron-free services to the dispatcher. Both composition roots (electron/main and
// the browser host) call this, so the two transports serve exactly the same backend.
import type { StatusResponse } from '../../shared/contract/schemas';
import { AccountDirectory } from './accounts/account-directory';
import { layoutFromConfig } from './accounts/directory-layout';
import { attachCreator, MailboxAccounts } from './accounts/mailbox-accounts';
import { probeAis, type FetchLike } from './ais/ais-health';
import { AisSignIn, type AisLauncher } from './ais/ais-sign-in';
import { AisHandoffVerifier } from './ais/handoff-verifier';
import { createAesGcmCodec, parseAisKey, type AisTokenCodec } from './ais/token-codec';
import { AuditLog, type AuditWriter } from './audit/audit-log';
import type { Clock } from './clock';
import type { KioskConfig } from './config';
import { Dispatcher } from './dispatcher';
import { DirectoryConnection } from './directory/directory-connection';
import { DirectoryHealth } from './directory/directory-health';
import type { LdapConnector } from './directory/ldap-connector';
import type { Logger } from './logger';
import { mailboxProvisionerFor } from './mailbox/mailbox-from-config';
import type { MailboxProvisioner } from './mailbox/mailbox-provisioner';
import { AccountNamer } from './naming/account-namer';
import { parseWordList, RESERVED_OFFENSIVE_WORDS, RESERVED_ROLE_WORDS, SYSTEM_ACCOUNTS } from './naming/reserved-words';
import { ContactConfirmation } from './contact/contact-confirmation';
import { createSmtpMailer, noMailer, type Mailer } from './contact/smtp-mailer';
import { Consents } from './policies/consents';
import { PolicyLibrary } from './policies/policy-library';
import { HelpdeskConsole } from './helpdesk/helpdesk-console';
import { OperatorSignIn } from './helpdesk/operator-sign-in';
import { KioskSessions } from './session/kiosk-session';

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
  /** Overrides the configured mailbox provisioning (tests inject failures here). */
  mailbox?: MailboxProvisioner;
  /** The bundled policy summaries (the built renderer's policies/ folder). */
  bundledPoliciesDir: string;
  /** For the AIS reachability line; the platform's fetch by default. */
  fetch?: FetchLike;
  /** Overrides the configured SMTP relay. */
  mailer?: Mailer;
  /** Shown on the helpdesk's health view. */
  configPath: string;
}

export interface KioskBackend {
  dispatcher: Dispatcher;
  directoryHealth: DirectoryHealth;
  sessions: KioskSessions;
  aisSignIn: AisSignIn;
  accounts: MailboxAccounts;
  namer: AccountNamer;
  policies: PolicyLibrary;
  contacts: ContactConfirmation;
  close(): Promise<void>;
}

export function namingWords(config: KioskConfig['naming'], readTextFile: (path: string) => string) {
  const extra = (path: string | undefined) => (path ? parseWordList(readTextFile(path)) : []);
  return {
    reserved: [...RESERVED_ROLE_WORDS, ...RESERVED_OFFENSIVE_WORDS, ...extra(config.reservedWordsFile)],
    systemAccounts: new Set([...SYSTEM_ACCOUNTS, ...extra(config.systemAccountsFile)]),
  };
}

export function createKioskBackend(deps: KioskBackendDeps): KioskBackend {
  const { config, clock, logger } = deps;
  const dispatcher = new Dispatcher(logger);
  const directoryHealth = new DirectoryHealth(config.directory.urls, deps.connectLdap, clock);
  const sessions = new KioskSessions(clock, config.session, (reason) => logger.info('session ended', { reason }));
  const verifier = new AisHandoffVerifier(deps.aisCodec ?? createAesGcmCodec(parseAisKey(config.ais.key.reveal())), clock, {
    validitySeconds: config.ais.validitySeconds,
    futureSkewSeconds: config.ais.futureSkewSeconds,
    eligibility: config.eligibility,
  });
  const aisSignIn = new AisSignIn(verifier, sessions, logger, clock);
  const launcher = deps.makeAisLauncher(aisSignIn);

  const connection = new DirectoryConnection(
    { urls: config.directory.urls, bindDn: config.directory.bindDn, bindPassword: config.directory.bindPassword, failbackMs: config.directory.failbackSeconds * 1000 },
    deps.connectLdap,
    clock,
    logger,
  );
  const layout = layoutFromConfig(config.directory);
  // The console counts today's audit events; it is built further down, once its parts exist.
  const helpdeskRef: { current?: HelpdeskConsole } = {};
  const audit = new AuditLog(deps.auditWriter, clock, config.kioskId, (event) => helpdeskRef.current?.count(event.action, event.result));
  const policies = new PolicyLibrary([...(config.policies.folder ? [config.policies.folder] : []), deps.bundledPoliciesDir], deps.readTextFile);
  const consents = new Consents(policies, audit);
  const directory = new AccountDirectory(connection, layout);
  const namer = new AccountNamer(directory, namingWords(config.naming, deps.readTextFile));
  const accounts = new MailboxAccounts({
    connection,
    connect: deps.connectLdap,
    urls: config.directory.urls,
    directory,
    layout,
    namer,
    mailbox: deps.mailbox ?? mailboxProvisionerFor(config.mailbox),
    audit,
    requireConsent: (session) => consents.requireAll(session),
    logger,
    clock,
    mailDomain: config.mailDomain,
    effectiveInMinutes: config.mailbox.effectiveInMinutes,
  });

  const contacts = new ContactConfirmation({
    connection,
    directory,
    mailer: deps.mailer ?? (config.smtp ? createSmtpMailer(config.smtp) : noMailer),
    audit,
    clock,
    settings: config.contact,
    mailDomain: config.mailDomain,
  });

  const fetchFn = deps.fetch ?? (globalThis.fetch as unknown as FetchLike);
  const operators = new OperatorSignIn({ connection, connect: deps.connectLdap, urls: config.directory.urls, baseDn: config.directory.baseDn, settings: config.helpdesk, audit, clock });
  const helpdesk = new HelpdeskConsole({
    operators,
    connection,
    layout,
    config,
    configPath: deps.configPath,
    appVersion: deps.appVersion,
    doctor: { connectLdap: deps.connectLdap, fetch: fetchFn, readTextFile: deps.readTextFile, bundledPoliciesDir: deps.bundledPoliciesDir },
    audit,
    clock,
  });
  helpdeskRef.current = helpdesk;
  dispatcher.handle('status', async (): Promise<StatusResponse> => {
    const [servers, ais] = await Promise.all([directoryHealth.probeAll(), probeAis(config.ais.loginUrl, fetchFn)]);
    const reachable = servers.filter((s) => s.reachable).length;
    for (const s of servers.filter((x) => !x.reachable)) logger.warn('directory server unreachable', { url: s.url, error: s.error });
    return {
      appVersion: deps.appVersion,
      kioskId: config.kioskId,
      directory: { state: reachable > 0 ? 'online' : 'offline', serversConfigured: servers.length, serversReachable: reachable },
      ais: { state: ais },
      outOfService: helpdesk.isOutOfService(),
    };
  });
  dispatcher.handle('settings', async () => ({ ...config.kiosk, mailDomain: config.mailDomain, institutionDomains: config.contact.institutionDomains }));
  // Policies need no session: "Read the policies" works before (and without) signing in.
  dispatcher.handle('getPolicy', async ({ id, language }) => policies.get(id, language));
  dispatcher.handle('acceptPolicy', async (receipt) => {
    await consents.accept(sessions.require(), receipt);
    return { accepted: true as const };
  });
  dispatcher.handle('beginSignIn', async ({ purpose }) => aisSignIn.begin(purpose, launcher));
  dispatcher.handle('cancelSignIn', async () => ({ cancelled: launcher.cancel() }));
  dispatcher.handle('currentSession', async () => {
    const session = sessions.require();
    return { profile: session.profile, purpose: session.purpose, expiresAt: session.expiresAt };
  });
  dispatcher.handle('endSession', async ({ reason }) => {
    if (reason === 'reject' && sessions.hasLive()) await consents.rejected(sessions.require());
    return { ended: sessions.end(reason) };
  });
  dispatcher.handle('checkAccount', async () => accounts.check(sessions.require()));
  dispatcher.handle('accountCandidates', async () => ({ candidates: await accounts.candidates(sessions.require()), domain: config.mailDomain }));
  dispatcher.handle('createAccount', async (request, context) => accounts.create(sessions.require(), request, context.clientIp));
  dispatcher.handle('resetPassword', async (request) => accounts.resetPassword(sessions.require(), request));
  dispatcher.handle('registerContact', async ({ address }) => contacts.register(sessions.require(), address));
  dispatcher.handle('confirmContact', async ({ code }) => contacts.confirm(sessions.require(), code));
  dispatcher.handle('operatorSignIn', async ({ uid, password }) => ({ uid: (await operators.signIn(uid, password)).uid }));
  dispatcher.handle('operatorSignOut', async () => ({ signedOut: operators.signOut() }));
  dispatcher.handle('helpdeskHealth', async () => helpdesk.health());
  dispatcher.handle('helpdeskLookup', async ({ query }) => ({ results: await helpdesk.lookup(query) }));
  dispatcher.handle('setOutOfService', async ({ on }) => ({ on: await helpdesk.setOutOfService(on) }));
  dispatcher.handle('startAssistedApplication', async ({ staffId, reason, password }) => {
    const operator = operators.require();
    return accounts.startAssistedApplication(sessions, { ...operator, password }, staffId, reason, {
      directory: config.helpdesk.staffDirectory,
      eligibility: config.eligibility,
      urls: config.directory.urls,
      failbackMs: config.directory.failbackSeconds * 1000,
    });
  });
  dispatcher.handle('expectAssistedApplication', async ({ reason, password }) => {
    const operator = operators.require();
    const creator = await accounts.operatorConnection({ dn: operator.dn, password }, { urls: config.directory.urls, failbackMs: config.directory.failbackSeconds * 1000 });
    // The applicant signs in through AIS as usual; the next handoff here within 10 minutes is assisted.
    aisSignIn.expectAssisted({
      operator: operator.uid,
      reason,
      until: clock.now() + 10 * 60_000,
      attach: (session) => attachCreator(session, creator),
      discard: () => void creator.close(),
    });
    await audit.record({ action: 'operator', result: 'ok', operator: operator.uid, detail: `assisted application through AIS (${reason})` });
    return { waiting: true as const };
  });
  dispatcher.handle('startAssistedReset', async ({ staffId, reason }) => accounts.startAssistedReset(sessions, staffId, operators.require().uid, reason));
  dispatcher.handle('helpdeskConfirmContact', async ({ staffId, code }) => contacts.confirmByHelpdesk(operators.require().uid, staffId, code));

  const missing = dispatcher.missingHandlers();
  if (missing.length > 0) throw new Error(`contract methods without a handler: ${missing.join(', ')}`);
  return { dispatcher, directoryHealth, sessions, aisSignIn, accounts, namer, policies, contacts, close: () => connection.close() };
}
