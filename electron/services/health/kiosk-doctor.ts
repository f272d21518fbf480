// The kiosk's self-check, for `mx-kiosk doctor` and the helpdesk's health view: one line per
// check, OK or FAIL with the reason (or SKIP where the configuration uses no such part).
import { firstLine } from '../kiosk-error';
import { access, constants } from 'node:fs/promises';
import { connect as tcpConnect } from 'node:net';
import { networkInterfaces, type NetworkInterfaceInfo } from 'node:os';
import { dirname } from 'node:path';
import { probeAis, type FetchLike } from '../ais/ais-health';
import { verifySmtp } from '../contact/smtp-mailer';
import type { ResolvedAisSettings } from '../ais/ais-settings';
import type { AuditSettings } from '../audit/audit-settings';
import { forwardingCheck, forwardingLag } from '../audit/audit-backlog';
import { auditFiles } from '../audit/audit-chain';
import type { ResolvedSmtpSettings } from '../contact/contact-settings';
import type { ResolvedDirectorySettings } from '../directory/directory-settings';
import type { MailboxSettings } from '../mailbox/mailbox-settings';
import type { PolicySettings } from '../policies/policy-settings';
import type { LdapConnector } from '../directory/ldap-connector';
import { PolicyLibrary } from '../policies/policy-library';
import { POLICY_ORDER } from '../policies/consents';
import { redactUrlCredentials } from '../logger';
import {
  aisClockCheck,
  certificateCheck,
  directoryClockCheck,
  egressCheck,
  tlsTargets,
  type CounterCheck,
} from './counter-checks';
import { directoryChecks } from './directory-checks';
import { allDirectoryServers } from '../directory/directory-settings';
import { breachedFilterCheck } from '../password/breached-filter-check';
import { breachedFilterPath, type PasswordSettings } from '../password/password-settings';

/** One line of the doctor: OK, WARN (works, but act soon), FAIL (breaks counters) or SKIP (not checked here). */
export type DoctorCheck = CounterCheck;

/** The parts of the configuration the doctor checks (the whole KioskConfig fits). */
export interface DoctorConfig {
  /** Names this kiosk's heartbeat entry, whose write right the layout check asks about. */
  kioskId?: string;
  directory: ResolvedDirectorySettings;
  ais: Pick<ResolvedAisSettings, 'key' | 'loginUrl' | 'egressAddresses'>;
  mailbox: MailboxSettings;
  smtp?: ResolvedSmtpSettings;
  policies: PolicySettings;
  audit: AuditSettings;
  /** The receipt printer, if one is configured (result.printer). */
  result?: { printer?: string };
  /** The breached-password filter, if another than the shipped one is configured. */
  password?: PasswordSettings;
}

/** Whether the print system knows a printer by this name, and what it said. */
export type PrinterProbe = (name: string) => Promise<{ found: boolean; detail: string }>;

export interface DoctorDeps {
  connectLdap: LdapConnector;
  fetch: FetchLike;
  readTextFile: (path: string) => string;
  bundledPoliciesDir: string;
  /** The breached-password filter shipped with this build, if any. */
  bundledBreachedFilter?: string;
  /** The clock compared with AIS's and the directory's; the system's by default. */
  clock?: { now(): number };
  /** Asks the print system about the receipt printer; only the installed app has one to ask. */
  printerExists?: PrinterProbe;
  /** This machine's network interfaces, for the egress check; os.networkInterfaces by default. */
  interfaces?: () => NodeJS.Dict<NetworkInterfaceInfo[]>;
}

export function tcpReachable(host: string, port: number, timeoutMs: number): Promise<string | null> {
  return new Promise((resolve) => {
    const socket = tcpConnect({ host, port });
    const done = (problem: string | null) => {
      socket.destroy();
      resolve(problem);
    };
    socket.setTimeout(timeoutMs, () => done(`no answer in ${timeoutMs} ms`));
    socket.once('connect', () => done(null));
    socket.once('error', (error) => done(error.message));
  });
}

const message = firstLine;

export async function runDoctor(config: DoctorConfig, deps: DoctorDeps): Promise<DoctorCheck[]> {
  const checks: DoctorCheck[] = [];
  const add = (status: DoctorCheck['status'], name: string, detail: string) => checks.push({ status, name, detail });
  const { directory } = config;
  const clock = deps.clock ?? Date;
  const bindAsKiosk = async (client: Awaited<ReturnType<LdapConnector>>) =>
    client.bind(directory.bindDn, directory.bindPassword.reveal());

  checks.push(...(await directoryChecks(directory, deps.connectLdap, config.kioskId)));

  for (const url of allDirectoryServers(directory))
    checks.push(await directoryClockCheck(url, deps.connectLdap, bindAsKiosk, clock));
  for (const { name, target } of tlsTargets(config)) checks.push(await certificateCheck(name, target, clock));

  // The key was validated when the configuration loaded; only its presence is reported, never it.
  add('OK', 'ais key', `loaded (${config.ais.key.reveal().length / 2} bytes)`);
  const ais = await probeAis(config.ais.loginUrl, deps.fetch);
  add(
    ais === 'online' ? 'OK' : 'FAIL',
    'ais login page',
    `${config.ais.loginUrl} ${ais === 'online' ? 'answers' : 'does not answer'}`,
  );
  checks.push(await aisClockCheck(config.ais.loginUrl, deps.fetch, clock));
  checks.push(egressCheck(config.ais.egressAddresses, deps.interfaces ?? networkInterfaces));

  const { mailbox } = config;
  if (mailbox.mode === 'none' || !mailbox.campus) {
    add('SKIP', 'mail store', 'mailbox.mode is none: the mail server makes mailboxes on first delivery');
  } else {
    const { host, timeoutMs } = mailbox.campus;
    for (const [service, port] of [
      ['mkhomedir', mailbox.campus.mkhomedirPort],
      ['setquota', mailbox.campus.setquotaPort],
      ['getquota', mailbox.campus.getquotaPort],
    ] as const) {
      const problem = await tcpReachable(host, port, timeoutMs);
      add(
        problem ? 'FAIL' : 'OK',
        `mail store ${service}`,
        problem ? `${host}:${port}: ${problem}` : `${host}:${port} accepts connections`,
      );
    }
  }
  if (!config.smtp) {
    add('SKIP', 'smtp', 'no smtp section: contact addresses are added later at the helpdesk');
  } else {
    try {
      await verifySmtp(config.smtp);
      add('OK', 'smtp', `${config.smtp.host}:${config.smtp.port} (${config.smtp.security}) accepts the kiosk`);
    } catch (error) {
      add('FAIL', 'smtp', `${config.smtp.host}:${config.smtp.port}: ${message(error)}`);
    }
  }

  const library = new PolicyLibrary(
    [...(config.policies.folder ? [config.policies.folder] : []), deps.bundledPoliciesDir],
    deps.readTextFile,
  );
  for (const id of POLICY_ORDER) {
    for (const language of ['zh-TW', 'en'] as const) {
      try {
        const doc = library.get(id, language);
        const source = doc.summary
          ? 'bundled summary'
          : config.policies.folder
            ? `official text from ${config.policies.folder}`
            : 'official text';
        add('OK', `policy ${id}.${language}`, `version ${doc.version}, sha256 ${doc.hash.slice(0, 12)} (${source})`);
      } catch (error) {
        add('FAIL', `policy ${id}.${language}`, (error as { detail?: string }).detail ?? message(error));
      }
    }
  }

  checks.push(await breachedFilterCheck(breachedFilterPath(config.password, deps.bundledBreachedFilter)));

  try {
    await access(dirname(config.audit.file), constants.W_OK).catch(async () =>
      access(dirname(dirname(config.audit.file)), constants.W_OK),
    );
    add('OK', 'audit file', `${config.audit.file} can be written`);
  } catch {
    add('FAIL', 'audit file', `cannot write ${config.audit.file}`);
  }
  const { syslog } = config.audit;
  if (!syslog) add('SKIP', 'audit forwarding', 'no audit.syslog: the audit files are the only copy');
  else
    checks.push(
      forwardingCheck(
        await forwardingLag(auditFiles(config.audit.file)),
        clock.now(),
        syslog.writeTimeoutMs + syslog.retrySeconds * 1000,
      ),
    );
  const printer = config.result?.printer;
  if (!printer)
    add('SKIP', 'printer', 'no receipt printer configured (result.printer): the result screen shows the QR code');
  else if (!deps.printerExists)
    add('SKIP', 'printer', `${printer}: not checked here; the installed app (mx-kiosk --doctor) asks the print system`);
  else {
    const { found, detail } = await deps.printerExists(printer);
    add(found ? 'OK' : 'FAIL', 'printer', `${printer}: ${detail}`);
  }
  // A URL's user info never reaches the doctor's lines or the helpdesk's screen, whichever check wrote it.
  return checks.map((c) => ({ ...c, name: redactUrlCredentials(c.name), detail: redactUrlCredentials(c.detail) }));
}
