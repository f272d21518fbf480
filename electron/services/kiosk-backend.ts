// The composition root shared by both shells (electron/main and the browser host): it builds each
// service with only what it uses and lets each domain register its own handlers. No logic lives
// here; a reader looking for what a channel does follows the domain's *-handlers.ts file.
import { REFUSED_OUT_OF_SERVICE } from '../../shared/contract/channels';
import { layoutFromConfig } from './account-store/account-layout';
import { createAccountServices } from './accounts/account-services';
import { registerAccountHandlers } from './accounts/account-handlers';
import type { FetchLike } from './ais/ais-health';
import { registerAisHandlers } from './ais/ais-handlers';
import { AisSignIn } from './ais/ais-sign-in';
import { AisHandoffVerifier } from './ais/handoff-verifier';
import { createAesGcmCodec, parseAisKey } from './ais/token-codec';
import { AuditLog } from './audit/audit-log';
import { todayCountsFromAuditFile } from './audit/today-counts';
import { KeyedLock } from './concurrency/keyed-lock';
import { registerContactHandlers } from './contact/contact-handlers';
import { ContactConfirmation } from './contact/contact-confirmation';
import { createSmtpMailer, noMailer } from './contact/smtp-mailer';
import { openDirectoryAccess } from './directory/directory-access';
import { Dispatcher } from './dispatcher';
import { registerStatusHandlers } from './health/status-handlers';
import { FleetBeacon } from './health/fleet-beacon';
import { KioskStatus } from './health/kiosk-status';
import { AssistedStarts } from './helpdesk/assisted-starts';
import { registerHelpdeskHandlers } from './helpdesk/helpdesk-handlers';
import { HelpdeskConsole } from './helpdesk/helpdesk-console';
import { OperatorSignIn } from './helpdesk/operator-sign-in';
import { mailboxProvisionerFor } from './mailbox/mailbox-from-config';
import { AccountNamer } from './naming/account-namer';
import { namingWords } from './naming/reserved-words';
import { CheckedBreachedFilter } from './password/breached-filter-check';
import { registerPasswordHandlers } from './password/password-handlers';
import { breachedFilterPath } from './password/password-settings';
import { createWorkerStrengthRater } from './password/strength-rater';
import { Lifecycle } from './lifecycle';
import { Consents } from './policies/consents';
import { registerPolicyHandlers } from './policies/policy-handlers';
import { PolicyLibrary } from './policies/policy-library';
import { registerReceiptHandlers } from './receipt/receipt-handlers';
import { pagePrintsItself } from './receipt/receipt-printer';
import { rendererSettings } from './config';
import { KioskSessions, type SessionEndReason } from './session/kiosk-session';
import { registerSessionHandlers } from './session/session-handlers';

export { namingWords };
export type { KioskBackend, KioskBackendDeps } from './kiosk-backend-types';
import type { KioskBackend, KioskBackendDeps } from './kiosk-backend-types';

export function createKioskBackend(deps: KioskBackendDeps): KioskBackend {
  const { config, clock, logger } = deps;
  const dispatcher = new Dispatcher(logger);
  const locks = new KeyedLock();
  const fetch = deps.fetch ?? (globalThis.fetch as unknown as FetchLike);
  const lifecycle = new Lifecycle(logger);
  // A filter that is missing or damaged is logged here and left out: the kiosk goes on with zxcvbn.
  const filterPath = breachedFilterPath(config.password, deps.bundledBreachedFilter);
  const rater = lifecycle.own(
    'strength worker',
    deps.rater ??
      createWorkerStrengthRater({ filter: filterPath ? new CheckedBreachedFilter(filterPath, logger) : undefined }),
    (r) => r.close(),
  );

  const layout = layoutFromConfig(config.directory);
  const directory = openDirectoryAccess(
    config.directory,
    { probeDn: layout.writeProbeDn, hashProbeParentDn: layout.peopleDn },
    { connect: deps.connectLdap, clock, logger, lifecycle },
  );
  const { connection, writes, health: directoryHealth, readUrls: urls } = directory;
  const status = new KioskStatus({
    directoryHealth,
    writes,
    aisLoginUrl: config.ais.loginUrl,
    fetch,
    appVersion: deps.appVersion,
    kioskId: config.kioskId,
    logger,
  });
  const sessions = new KioskSessions(clock, config.session, (reason) => logger.info('session ended', { reason }));
  // Work a session started: its end waits for it (the operator's connection), and so does close().
  const track = <T>(session: Parameters<KioskSessions['track']>[0], work: Promise<T>) =>
    lifecycle.track(sessions.track(session, work));
  const verifier = new AisHandoffVerifier(
    deps.aisCodec ?? createAesGcmCodec(parseAisKey(config.ais.key.reveal())),
    clock,
    {
      validitySeconds: config.ais.validitySeconds,
      futureSkewSeconds: config.ais.futureSkewSeconds,
      eligibility: config.eligibility,
    },
    deps.usedTokens,
  );
  const aisSignIn = new AisSignIn(verifier, sessions, logger, {
    clock,
    refuseNewSessions: () => status.refuseWhileOutOfService(),
  });
  const launcher = deps.makeAisLauncher(aisSignIn);
  // Every end of a person's time at the counter (idle, cancel, a crash, out of service, shutdown)
  // also closes a sign-in page still open for them: Electron's AIS view holds their AIS cookies.
  const wipe = (reason: SessionEndReason): boolean => {
    launcher.cancel();
    return sessions.end(reason);
  };

  // The helpdesk's "today" counts: seeded from today's audit file, then counted as lines are recorded.
  const todayCounts = todayCountsFromAuditFile(config.audit.file, clock, deps.readTextFile);
  const audit = new AuditLog(deps.auditWriter, clock, config.kioskId, {
    logger,
    onRecord: (event) => todayCounts.count(event.action, event.result),
  });
  const policies = new PolicyLibrary(
    [...(config.policies.folder ? [config.policies.folder] : []), deps.bundledPoliciesDir],
    deps.readTextFile,
  );
  const consents = new Consents(policies, audit);
  const { reads, namer, standing, creation, reset, sweeper, mailboxes, housekeeping } = createAccountServices({
    kioskId: config.kioskId,
    mailDomain: config.mailDomain,
    layout,
    connection,
    writes,
    connect: deps.connectLdap,
    mailbox: deps.mailbox ?? mailboxProvisionerFor(config.mailbox),
    mailboxMode: config.mailbox.mode,
    effectiveInMinutes: config.mailbox.effectiveInMinutes,
    rater,
    audit,
    locks,
    clock,
    logger,
    lifecycle,
    onLayout: (problem) => status.setLayoutProblem(problem),
    requireConsent: (session) => consents.requireAll(session),
    track,
    makeNamer: (accountReads) => new AccountNamer(accountReads, namingWords(config.naming, deps.readTextFile)),
  });
  const contacts = new ContactConfirmation({
    writes,
    directory: reads,
    mailer: deps.mailer ?? (config.smtp ? createSmtpMailer(config.smtp) : noMailer),
    audit,
    clock,
    settings: config.contact,
    mailDomain: config.mailDomain,
    lock: locks,
  });
  const operators = new OperatorSignIn({
    connection,
    connect: deps.connectLdap,
    urls,
    baseDn: config.directory.baseDn,
    settings: config.helpdesk,
    audit,
    clock,
  });
  const fleet = new FleetBeacon({
    connection,
    writes,
    kiosksDn: layout.kiosksDn,
    kioskId: config.kioskId,
    appVersion: deps.appVersion,
    status,
    counts: todayCounts,
    clock,
    logger,
    onOutOfService: () => wipe('out-of-service'),
  });
  const helpdesk = new HelpdeskConsole({
    operators,
    connection,
    writes,
    layout,
    config,
    configPath: deps.configPath,
    appVersion: deps.appVersion,
    doctor: {
      connectLdap: deps.connectLdap,
      fetch,
      readTextFile: deps.readTextFile,
      bundledPoliciesDir: deps.bundledPoliciesDir,
      bundledBreachedFilter: deps.bundledBreachedFilter,
    },
    audit,
    counts: todayCounts,
    clock,
    fleet,
  });
  const assisted = new AssistedStarts({
    operators,
    sessions,
    ais: aisSignIn,
    standing,
    reads,
    connection,
    operatorWrites: directory.operatorWrites,
    baseDn: config.directory.baseDn,
    settings: config.helpdesk,
    eligibility: config.eligibility,
    audit,
    clock,
  });

  const receiptPrinter = deps.receiptPrinter ?? pagePrintsItself;
  registerStatusHandlers(dispatcher, { status, settings: rendererSettings(config, receiptPrinter.mode) });
  registerPolicyHandlers(dispatcher, { policies, consents, sessions });
  // A switch set elsewhere (cn=fleet, or this kiosk's entry) is read before each sign-in.
  registerAisHandlers(dispatcher, {
    signIn: aisSignIn,
    launcher,
    refuseNewSessions: () => status.refuseWhileOutOfService(),
    beforeBegin: async () => void (await fleet.refresh()),
  });
  registerSessionHandlers(dispatcher, {
    sessions,
    end: wipe,
    onReject: (session) => consents.rejected(session),
    nameUsable: (nameEn) => namer.offline(nameEn).length > 0,
  });
  registerAccountHandlers(dispatcher, { sessions, creation, reset, mailDomain: config.mailDomain });
  registerContactHandlers(dispatcher, { sessions, contacts });
  registerHelpdeskHandlers(dispatcher, { operators, console: helpdesk, assisted, contacts });
  registerReceiptHandlers(dispatcher, { printer: receiptPrinter, requireSession: () => sessions.require() });
  registerPasswordHandlers(dispatcher, { rater, requireSession: () => sessions.require() });
  dispatcher.guard(REFUSED_OUT_OF_SERVICE, () => status.refuseWhileOutOfService());

  if (deps.fleetBeacon) lifecycle.own('fleet beacon', fleet.start(config.fleet), (stop) => stop());
  if (deps.sweepEveryMs) lifecycle.own('housekeeping rounds', housekeeping.start(deps.sweepEveryMs), (stop) => stop());
  // Disposed first: the person's session (and any AIS page of theirs) ends before the connections close.
  lifecycle.own('the session', wipe, (end) => end('shutdown'));

  const missing = dispatcher.missingHandlers();
  if (missing.length > 0) throw new Error(`contract methods without a handler: ${missing.join(', ')}`);
  return {
    dispatcher,
    directoryHealth,
    sessions,
    aisSignIn,
    reads,
    creation,
    reset,
    sweeper,
    mailboxes,
    housekeeping,
    namer,
    policies,
    contacts,
    status,
    fleet,
    wipe,
    close: () => lifecycle.close(),
  };
}
