// Composition root for Electron: the only file that imports the electron module at runtime.
import * as electron from 'electron';
import { readFileSync } from 'node:fs';
import { hostname, networkInterfaces } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { egressAddresses } from '../services/ais/egress-addresses';
import { usedTokensFile } from '../services/ais/ais-settings';
import { UsedTokenJournal } from '../services/ais/used-token-journal';
import { createAuditTrail } from '../services/audit/audit-trail';
import { systemClock } from '../services/clock';
import { ConfigError, loadConfigFile, resolveConfigPath } from '../services/config';
import { createLdapConnector } from '../services/directory/ldap-connector';
import { createKioskBackend } from '../services/kiosk-backend';
import { BUNDLED_BREACHED_FILTER } from '../services/password/password-settings';
import { SilentReceiptPrinter } from './receipt-printer';
import { createJsonLogger } from '../services/logger';
import { AisView } from './ais-view';
import { cupsPrinterProbe } from '../ops/cups-printer';
import { launch } from './launch';
import { outOfServiceReference } from './out-of-service';
import { defaultShellPaths, startOutOfService, startShell } from './shell';

const { app } = electron;
const paths = defaultShellPaths(dirname(fileURLToPath(import.meta.url)));
const readTextFile = (path: string) => readFileSync(path, 'utf8');
/** Built beside main's bundle by `npm run build` (electron.vite.config.ts). */
const bundledBreachedFilter = join(dirname(fileURLToPath(import.meta.url)), BUNDLED_BREACHED_FILTER);

/** Before a configuration is read, lines go to stderr at the default level. */
const startupLogger = () => createJsonLogger((line) => process.stderr.write(`${line}\n`), systemClock);

/** A counter build started with a debugging or unknown switch: out of service, nothing loaded. */
function refuseToServe(refused: string[]): void {
  const logger = startupLogger();
  const reference = outOfServiceReference('SWITCH');
  logger.error('refused command-line switches: out of service', { reference, refused });
  startOutOfService(electron, reference, logger);
}

function start(): void {
  const configPath = resolveConfigPath(process.argv, process.env, process.platform);
  let config;
  try {
    config = loadConfigFile(configPath, { readFile: readTextFile, env: process.env });
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    const logger = startupLogger();
    const reference = outOfServiceReference('CONFIG');
    logger.error('invalid configuration: out of service', { reference, configPath, problems: error.problems });
    startOutOfService(electron, reference, logger);
    return;
  }
  const logger = createJsonLogger((line) => process.stdout.write(`${line}\n`), systemClock, config.log.level);
  const audit = createAuditTrail(config.audit, {
    clock: systemClock,
    logger,
    kioskId: config.kioskId,
    hostname: hostname(),
    readTextFile,
  });
  let window: electron.BrowserWindow | null = null;
  const backend = createKioskBackend({
    config,
    appVersion: app.getVersion(),
    clock: systemClock,
    logger,
    connectLdap: createLdapConnector(config.directory),
    makeAisLauncher: (signIn) =>
      new AisView(electron, () => window, {
        settings: config.ais,
        signIn,
        egress: () => egressAddresses(config.ais.egressAddresses, networkInterfaces),
        logger,
      }),
    auditWriter: audit.writer,
    usedTokens: new UsedTokenJournal(usedTokensFile(config), systemClock.now()),
    sweepEveryMs: 5 * 60_000,
    fleetBeacon: true,
    readTextFile,
    bundledPoliciesDir: join(paths.rendererDir, 'policies'),
    bundledBreachedFilter,
    configPath,
    receiptPrinter: new SilentReceiptPrinter(() => window?.webContents ?? null, config.result.printer),
  });
  window = startShell(electron, backend, logger, paths, {
    certificates: {
      fingerprint: config.ais.clientCertificateFingerprint,
      origins: [config.ais.loginUrl, ...config.ais.extraOrigins],
    },
  });
}

launch(electron, {
  argv: process.argv,
  defaultApp: process.defaultApp === true,
  operatorHost: {
    env: process.env,
    platform: process.platform,
    readTextFile,
    bundledPoliciesDir: join(paths.rendererDir, 'policies'),
    bundledBreachedFilter,
    printerExists: cupsPrinterProbe(),
  },
  stdout: process.stdout,
  stderr: process.stderr,
  now: () => Date.now(),
  startKiosk: start,
  refuseToServe,
});
