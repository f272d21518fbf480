// The kiosk's self-check, for `mx-kiosk doctor` and the helpdesk's health view: one line per
// check, OK or FAIL with the reason (or SKIP where the configuration uses no such part).
import { access, constants } from 'node:fs/promises';
import { connect as tcpConnect } from 'node:net';
import { dirname } from 'node:path';
import { probeAis, type FetchLike } from '../ais/ais-health';
import { verifySmtp } from '../contact/smtp-mailer';
import type { ResolvedAisSettings } from '../ais/ais-settings';
import type { AuditSettings } from '../audit/audit-settings';
import type { ResolvedSmtpSettings } from '../contact/contact-settings';
import type { ResolvedDirectorySettings } from '../directory/directory-settings';
import type { MailboxSettings } from '../mailbox/mailbox-settings';
import type { PolicySettings } from '../policies/policy-settings';
import type { LdapConnector } from '../directory/ldap-connector';
import { PolicyLibrary } from '../policies/policy-library';
import { POLICY_ORDER } from '../policies/consents';
import { directoryChecks } from './directory-checks';

export interface DoctorCheck {
  status: 'OK' | 'FAIL' | 'SKIP';
  name: string;
  detail: string;
}

/** The parts of the configuration the doctor checks (the whole KioskConfig fits). */
export interface DoctorConfig {
  directory: ResolvedDirectorySettings;
  ais: Pick<ResolvedAisSettings, 'key' | 'loginUrl'>;
  mailbox: MailboxSettings;
  smtp?: ResolvedSmtpSettings;
  policies: PolicySettings;
  audit: AuditSettings;
}

export interface DoctorDeps {
  connectLdap: LdapConnector;
  fetch: FetchLike;
  readTextFile: (path: string) => string;
  bundledPoliciesDir: string;
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

const message = (error: unknown) => (error as Error).message.split('\n')[0]!;

export async function runDoctor(config: DoctorConfig, deps: DoctorDeps): Promise<DoctorCheck[]> {
  const checks: DoctorCheck[] = [];
  const add = (status: DoctorCheck['status'], name: string, detail: string) => checks.push({ status, name, detail });
  const { directory } = config;

  checks.push(...(await directoryChecks(directory, deps.connectLdap)));

  // The key was validated when the configuration loaded; only its presence is reported, never it.
  add('OK', 'ais key', `loaded (${config.ais.key.reveal().length / 2} bytes)`);
  const ais = await probeAis(config.ais.loginUrl, deps.fetch);
  add(ais === 'online' ? 'OK' : 'FAIL', 'ais login page', `${config.ais.loginUrl} ${ais === 'online' ? 'answers' : 'does not answer'}`);

  const { mailbox } = config;
  if (mailbox.mode === 'none' || !mailbox.campus) {
    add('SKIP', 'mail store', 'mailbox.mode is none: the mail server makes mailboxes on first delivery');
  } else {
    const { host, timeoutMs } = mailbox.campus;
    for (const [service, port] of [['mkhomedir', mailbox.campus.mkhomedirPort], ['setquota', mailbox.campus.setquotaPort], ['getquota', mailbox.campus.getquotaPort]] as const) {
      const problem = await tcpReachable(host, port, timeoutMs);
      add(problem ? 'FAIL' : 'OK', `mail store ${service}`, problem ? `${host}:${port}: ${problem}` : `${host}:${port} accepts connections`);
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

  const library = new PolicyLibrary([...(config.policies.folder ? [config.policies.folder] : []), deps.bundledPoliciesDir], deps.readTextFile);
  for (const id of POLICY_ORDER) {
    for (const language of ['zh-TW', 'en'] as const) {
      try {
        const doc = library.get(id, language);
        add('OK', `policy ${id}.${language}`, `${doc.version}${doc.summary ? ' (bundled summary)' : ' (official text)'}`);
      } catch (error) {
        add('FAIL', `policy ${id}.${language}`, (error as { detail?: string }).detail ?? message(error));
      }
    }
  }

  try {
    await access(dirname(config.audit.file), constants.W_OK).catch(async () => access(dirname(dirname(config.audit.file)), constants.W_OK));
    add('OK', 'audit file', `${config.audit.file} can be written`);
  } catch {
    add('FAIL', 'audit file', `cannot write ${config.audit.file}`);
  }
  return checks;
}
