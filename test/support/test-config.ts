// Builds kiosk configurations and backends for tests through the real schema, so every test
// config is one an operator could have written.
import { readFileSync } from 'node:fs';
import type { FetchLike } from '../../electron/services/ais/ais-health';
import type { AisLauncher, AisSignIn } from '../../electron/services/ais/ais-sign-in';
import type { UsedTokens } from '../../electron/services/ais/used-token-journal';
import type { AuditWriter } from '../../electron/services/audit/audit-log';
import { SOURCE_POLICIES_DIR } from '../../dev/cli/source-paths';
import type { Clock } from '../../electron/services/clock';
import { systemClock } from '../../electron/services/clock';
import { resolveConfig, type KioskConfig, type KioskConfigFile } from '../../electron/services/config';
import { createLdapConnector, type LdapConnector } from '../../electron/services/directory/ldap-connector';
import type { MailboxProvisioner } from '../../electron/services/mailbox/mailbox-provisioner';
import type { ReceiptPrinter } from '../../electron/services/receipt/receipt-printer';
import { createKioskBackend } from '../../electron/services/kiosk-backend';
import { silentLogger, type Logger } from '../../electron/services/logger';
import { createWorkerStrengthRater, type StrengthRater } from '../../electron/services/password/strength-rater';

export const TEST_AIS_KEY_HEX = '0f1e2d3c4b5a69788796a5b4c3d2e1f0' + '00112233445566778899aabbccddeeff';
export const TEST_SECRETS = { TEST_LDAP_PASSWORD: 'test-ldap-secret', TEST_AIS_KEY: TEST_AIS_KEY_HEX };

type Overrides = { [K in keyof KioskConfigFile]?: Partial<KioskConfigFile[K]> };

export function testConfigFile(overrides: Overrides = {}): KioskConfigFile {
  const base: KioskConfigFile = {
    kioskId: 'test-counter',
    directory: {
      urls: ['ldaps://127.0.0.1:1'],
      bindDn: 'cn=kiosk,ou=services,dc=mx,dc=nthu,dc=edu,dc=tw',
      bindPassword: { env: 'TEST_LDAP_PASSWORD' },
      baseDn: 'dc=mx,dc=nthu,dc=edu,dc=tw',
    },
    // Port 9 refuses at once on loopback: the AIS reachability probe answers offline without waiting.
    ais: { key: { env: 'TEST_AIS_KEY' }, loginUrl: 'http://127.0.0.1:9/login', egressAddresses: ['192.0.2.10'] },
  };
  const merged: Record<string, unknown> = { ...base };
  for (const [key, value] of Object.entries(overrides)) {
    const current = (base as Record<string, unknown>)[key];
    merged[key] =
      typeof value === 'object' && value !== null && !Array.isArray(value)
        ? { ...(current as object), ...value }
        : value;
  }
  return merged as KioskConfigFile;
}

export function testConfig(overrides: Overrides = {}, env: Record<string, string> = {}): KioskConfig {
  return resolveConfig(testConfigFile(overrides), {
    readFile: (p) => readFileSync(p, 'utf8'),
    env: { ...TEST_SECRETS, ...env },
  });
}

/** One strength worker for every backend a test process builds (twenty counters need not mean twenty workers). */
const sharedRater = createWorkerStrengthRater();
export const testRater: StrengthRater = {
  score: (password, inputs) => sharedRater.score(password, inputs),
  breached: (password) => sharedRater.breached(password),
  close: async () => undefined,
};

/** Mail to a loopback test peer (the mail sink, or a proxy before it): plain SMTP, which only loopback allows. */
export const loopbackSmtp = (port: number) =>
  ({
    host: '127.0.0.1',
    port,
    security: 'none',
    allowPlain: true,
    from: 'kiosk <noreply@mx.nthu.edu.tw>',
  }) as const;

export const noAisLauncher: AisLauncher = { launch: async () => ({ kind: 'cancelled' }), cancel: () => false };

export interface TestBackendOptions {
  /** Start the fleet heartbeat and switch checks, as the shells do. */
  fleetBeacon?: boolean;
  clock?: Clock;
  logger?: Logger;
  launcher?: AisLauncher;
  /** For a launcher that needs the sign-in service (Electron's AIS view); wins over launcher. */
  makeAisLauncher?: (signIn: AisSignIn) => AisLauncher;
  connectLdap?: LdapConnector;
  mailbox?: MailboxProvisioner;
  fetch?: FetchLike;
  usedTokens?: UsedTokens;
  /** Where audit lines go; by default they are kept in memory as auditLines. */
  auditWriter?: AuditWriter;
  receiptPrinter?: ReceiptPrinter;
  /**
   * The password worker; by default the one every test backend shares, unless the configuration
   * names a breached-password filter (then the backend makes its own, as a kiosk does).
   */
  rater?: StrengthRater;
  /** Run the sweeper and the mailbox finisher every this many ms, as the shells do (off by default). */
  sweepEveryMs?: number;
}

/** A backend whose audit lines are kept in memory, as parsed records, for assertions. */
export function testBackend(config: KioskConfig, options: TestBackendOptions = {}) {
  const auditLines: Array<Record<string, unknown>> = [];
  const backend = createKioskBackend({
    config,
    appVersion: 'test',
    clock: options.clock ?? systemClock,
    logger: options.logger ?? silentLogger,
    connectLdap: options.connectLdap ?? createLdapConnector(config.directory),
    makeAisLauncher: options.makeAisLauncher ?? (() => options.launcher ?? noAisLauncher),
    auditWriter:
      options.auditWriter ??
      (async (line) => {
        auditLines.push(JSON.parse(line) as Record<string, unknown>);
      }),
    readTextFile: (path) => readFileSync(path, 'utf8'),
    mailbox: options.mailbox,
    rater: options.rater ?? (config.password.breachedFilter ? undefined : testRater),
    usedTokens: options.usedTokens,
    receiptPrinter: options.receiptPrinter,
    bundledPoliciesDir: SOURCE_POLICIES_DIR,
    fetch: options.fetch,
    configPath: 'test-config',
    fleetBeacon: options.fleetBeacon,
    sweepEveryMs: options.sweepEveryMs,
  });
  return Object.assign(backend, { auditLines });
}
