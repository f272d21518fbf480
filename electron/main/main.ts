// Composition root for Electron: the only file that imports the electron module at runtime.
import * as electron from 'electron';
import { readFileSync } from 'node:fs';
import { networkInterfaces } from 'node:os';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { egressAddresses } from '../services/ais/egress-addresses';
import { usedTokensFile } from '../services/ais/ais-settings';
import { UsedTokenJournal } from '../services/ais/used-token-journal';
import { chainedAuditWriter } from '../services/audit/audit-chain';
import { systemClock } from '../services/clock';
import { ConfigError, loadConfigFile, resolveConfigPath } from '../services/config';
import { createLdapConnector } from '../services/directory/ldap-connector';
import { createKioskBackend } from '../services/kiosk-backend';
import { SilentReceiptPrinter } from './receipt-printer';
import { createJsonLogger } from '../services/logger';
import { AisView } from './ais-view';
import { launch } from './launch';
import { defaultShellPaths, startOutOfService, startShell } from './shell';

const { app } = electron;
const paths = defaultShellPaths(dirname(fileURLToPath(import.meta.url)));
const readTextFile = (path: string) => readFileSync(path, 'utf8');

function start(): void {
  const configPath = resolveConfigPath(process.argv, process.env, process.platform);
  let config;
  try {
    config = loadConfigFile(configPath, { readFile: readTextFile, env: process.env });
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    const logger = createJsonLogger((line) => process.stderr.write(`${line}\n`), systemClock);
    logger.error('invalid configuration: out of service', { configPath, problems: error.problems });
    startOutOfService(electron, { title: `Invalid configuration (${configPath})`, lines: error.problems }, logger);
    return;
  }
  const logger = createJsonLogger((line) => process.stdout.write(`${line}\n`), systemClock, config.log.level);
  let window: electron.BrowserWindow | null = null;
  const backend = createKioskBackend({
    config,
    appVersion: app.getVersion(),
    clock: systemClock,
    logger,
    connectLdap: createLdapConnector(config.directory),
    makeAisLauncher: (signIn) =>
      new AisView(electron, () => window, config.ais, signIn, () => egressAddresses(config.ais.egressAddresses, networkInterfaces), logger),
    auditWriter: chainedAuditWriter(config.audit.file, systemClock),
    usedTokens: new UsedTokenJournal(usedTokensFile(config), systemClock.now()),
    sweepEveryMs: 5 * 60_000,
    readTextFile,
    bundledPoliciesDir: join(paths.rendererDir, 'policies'),
    configPath,
    receiptPrinter: new SilentReceiptPrinter(() => window?.webContents ?? null, config.result.printer),
  });
  window = startShell(electron, backend, logger, paths);
}

launch(electron, {
  argv: process.argv,
  defaultApp: process.defaultApp === true,
  operatorHost: { env: process.env, platform: process.platform, readTextFile, bundledPoliciesDir: join(paths.rendererDir, 'policies') },
  stdout: process.stdout,
  stderr: process.stderr,
  now: () => Date.now(),
  startKiosk: start,
});
