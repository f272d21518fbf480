// The `mx-kiosk` command in a checkout: the developer tools, and the operator commands that the
// installed app also answers (electron/ops/). `serve` is the browser host's composition root.
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { hostname } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { createAuditTrail } from '../../electron/services/audit/audit-trail';
import { systemClock } from '../../electron/services/clock';
import { ConfigError, loadConfigFile, resolveConfigPath, type KioskConfig } from '../../electron/services/config';
import { createLdapConnector } from '../../electron/services/directory/ldap-connector';
import { KioskError } from '../../electron/services/kiosk-error';
import { createKioskBackend } from '../../electron/services/kiosk-backend';
import { usedTokensFile } from '../../electron/services/ais/ais-settings';
import { UsedTokenJournal } from '../../electron/services/ais/used-token-journal';
import { createJsonLogger } from '../../electron/services/logger';
import { startDemoProfile } from '../demo/demo-profile';
import { AisSecondWindow, SECOND_WINDOW_PATH } from '../host/ais-second-window';
import { PORTAL_PATH, startBrowserHost } from '../host/browser-host';
import type { CliIo } from '../../electron/ops/operator-command';
import { AIS_USAGE, runAisCommand } from './ais-commands';
import { NAMES_USAGE, runNamesCommand } from './names-command';
import {
  AUDIT_USAGE,
  BREACHED_USAGE,
  DOCTOR_USAGE,
  PRINT_CONFIG_USAGE,
  auditSubcommand,
  breachedSubcommand,
  doctorSubcommand,
  printConfigSubcommand,
} from './operator-commands';
import { BUILT_BREACHED_FILTER, PROJECT_ROOT } from './source-paths';

const USAGE = `usage: mx-kiosk <command> [options]

commands:
  serve [--demo | --config FILE] [--port N] [--ais-second-window]
      Serve the kiosk to a browser on 127.0.0.1 (development and tests; never on a counter).
      --demo starts a throwaway slapd and the AIS simulator, and prints one JSON line once ready.
      --ais-second-window keeps the kiosk page loaded during sign-in, as Electron does: open the
      ready line's aisWindow URL in a second window once the kiosk shows "signing in".
  electron-demo --electron BINARY
      Start the demo profile and run the kiosk in that Electron binary (used by npm start).
${DOCTOR_USAGE}${PRINT_CONFIG_USAGE}${AIS_USAGE}${NAMES_USAGE}${AUDIT_USAGE}${BREACHED_USAGE}`;

function fail(message: string, exitCode = 2): never {
  process.stderr.write(`${message}\n`);
  process.exit(exitCode);
}

function appVersion(): string {
  return (JSON.parse(readFileSync(join(PROJECT_ROOT, 'package.json'), 'utf8')) as { version: string }).version;
}

async function serve(argv: string[]): Promise<void> {
  const { values } = parseArgs({
    args: argv,
    options: {
      demo: { type: 'boolean' },
      config: { type: 'string' },
      port: { type: 'string' },
      'ais-second-window': { type: 'boolean' },
    },
    strict: true,
  });
  const port = values.port === undefined ? 0 : Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) fail(`--port must be 0-65535, got ${values.port}`);
  const rendererDir = join(PROJECT_ROOT, 'out', 'renderer');
  if (!existsSync(join(rendererDir, 'index.html'))) fail('The renderer is not built yet: run `npm run build` first.');

  const cleanups: Array<() => Promise<void>> = [];
  let config: KioskConfig;
  let configPath = 'demo profile';
  let demo: Awaited<ReturnType<typeof startDemoProfile>> | undefined;
  if (values.demo) {
    demo = await startDemoProfile();
    cleanups.push(demo.stop);
    config = demo.config;
  } else {
    const path = resolveConfigPath(argv, process.env, process.platform);
    configPath = path;
    try {
      config = loadConfigFile(path, { readFile: (p) => readFileSync(p, 'utf8'), env: process.env });
    } catch (error) {
      if (error instanceof ConfigError)
        fail(`設定檔無效 / Invalid configuration (${path}):\n- ${error.problems.join('\n- ')}`);
      throw error;
    }
  }

  // Logs go to stderr; stdout carries only the ready line, so callers can parse it.
  const logger = createJsonLogger((line) => process.stderr.write(`${line}\n`), systemClock, config.log.level);
  const aisLoginUrl = config.ais.loginUrl;
  let secondWindow: AisSecondWindow | undefined;
  const audit = createAuditTrail(config.audit, {
    clock: systemClock,
    logger,
    kioskId: config.kioskId,
    hostname: hostname(),
    readTextFile: (p) => readFileSync(p, 'utf8'),
  });
  cleanups.push(audit.close);
  const backend = createKioskBackend({
    config,
    appVersion: appVersion(),
    clock: systemClock,
    logger,
    connectLdap: createLdapConnector(config.directory),
    // By default the whole page goes to AIS and comes back through the portal route.
    makeAisLauncher: (signIn) =>
      values['ais-second-window']
        ? (secondWindow = new AisSecondWindow(signIn, aisLoginUrl))
        : { launch: async () => ({ kind: 'redirect', url: aisLoginUrl }), cancel: () => false },
    auditWriter: audit.writer,
    usedTokens: new UsedTokenJournal(usedTokensFile(config), systemClock.now()),
    sweepEveryMs: 5 * 60_000,
    fleetBeacon: true,
    readTextFile: (path) => readFileSync(path, 'utf8'),
    bundledPoliciesDir: join(rendererDir, 'policies'),
    bundledBreachedFilter: BUILT_BREACHED_FILTER,
    configPath,
  });
  cleanups.push(backend.close);
  const host = await startBrowserHost({
    rendererDir,
    dispatcher: backend.dispatcher,
    logger,
    port,
    secondWindow,
    completeHandoff: (data, clientIp) => {
      try {
        backend.aisSignIn.completeHandoff(data, [clientIp]);
        return null;
      } catch (error) {
        return error instanceof KioskError ? error.code : 'INTERNAL';
      }
    },
  });
  cleanups.unshift(host.close);
  demo?.ais.setPortalUrl(`${host.origin}${PORTAL_PATH}`);

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    logger.info('stopping', { signal });
    backend.sessions.end('finish');
    for (const cleanup of cleanups)
      await cleanup().catch((error: unknown) => logger.error('cleanup failed', { error }));
    process.exit(0);
  };
  process.on('SIGINT', () => void stop('SIGINT'));
  process.on('SIGTERM', () => void stop('SIGTERM'));

  const ready = {
    url: host.launchUrl,
    ais: demo ? demo.ais.url : null,
    aisWindow: secondWindow ? `${host.origin}${SECOND_WINDOW_PATH}` : null,
    // Confirmation mails of the demo land here, one .eml file each.
    mailOutbox: demo ? demo.mailSink.outbox : null,
    ldap: demo
      ? {
          url: demo.slapd.ldapUrl,
          ldapsUrl: demo.slapd.ldapsUrl,
          caFile: demo.slapd.caFile,
          bindDn: demo.slapd.adminDn,
          password: demo.slapd.adminPassword,
        }
      : null,
  };
  process.stdout.write(`${JSON.stringify(ready)}\n`);
}

async function electronDemo(argv: string[]): Promise<void> {
  const { values } = parseArgs({ args: argv, options: { electron: { type: 'string' } }, strict: true });
  if (!values.electron || !existsSync(values.electron)) fail('--electron must name an Electron binary that exists.');
  if (!existsSync(join(PROJECT_ROOT, 'out', 'main', 'main.js')))
    fail('The app is not built yet: run `npm run build` first.');
  const demo = await startDemoProfile();
  // The Electron AIS view stops at the configured portal URL before any request leaves.
  demo.ais.setPortalUrl(demo.config.ais.portalUrl);
  const { path, env } = await demo.writeConfigFile();
  const child = spawn(values.electron, [PROJECT_ROOT, '--config', path], {
    stdio: 'inherit',
    env: { ...process.env, ...env },
  });
  const forward = (signal: NodeJS.Signals) => child.kill(signal);
  process.on('SIGINT', forward);
  process.on('SIGTERM', forward);
  const code = await new Promise<number>((resolve) => child.once('exit', (c) => resolve(c ?? 1)));
  await demo.stop();
  process.exit(code);
}

const stdio: CliIo = {
  out: (line) => process.stdout.write(`${line}\n`),
  err: (line) => process.stderr.write(`${line}\n`),
  now: () => Date.now(),
};

// One-shot commands end when their work is done, even if a library keeps a pooled connection
// (fetch's keep-alive) open. Writes to a pipe or terminal are synchronous on Linux, so no output is lost.
const COMMANDS: Record<string, (argv: string[]) => Promise<void>> = {
  serve,
  'electron-demo': electronDemo,
  ais: async (argv) => process.exit(runAisCommand(argv, stdio)),
  names: async (argv) => process.exit(await runNamesCommand(argv, stdio)),
  doctor: async (argv) => process.exit(await doctorSubcommand(argv, stdio)),
  'print-config': async (argv) => process.exit(await printConfigSubcommand(argv, stdio)),
  audit: async (argv) => process.exit(await auditSubcommand(argv, stdio)),
  breached: async (argv) => process.exit(await breachedSubcommand(argv, stdio)),
};

export async function main(argv: string[]): Promise<void> {
  const [command, ...rest] = argv;
  if (!command || command === '--help' || command === '-h') {
    process.stdout.write(USAGE);
    return;
  }
  const run = COMMANDS[command];
  if (!run) fail(`unknown command: ${command}\n\n${USAGE}`);
  await run(rest);
}
