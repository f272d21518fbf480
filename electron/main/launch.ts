// What the main process does first: answer an operator command and exit, before the single-
// instance lock and any window, or start the kiosk. Tests call it with a fake electron module.
import type * as ElectronModule from 'electron';
import { runAisVerifyCommand } from '../ops/ais-verify-command';
import { runAuditVerifyCommand } from '../ops/audit-verify-command';
import { runBreachedBuildCommand } from '../ops/breached-build-command';
import { runDoctorCommand } from '../ops/doctor-command';
import { runPrintConfigCommand } from '../ops/print-config-command';
import { UsageError, type CliIo, type OperatorHost } from '../ops/operator-command';
import { OPERATOR_USAGE, parseLaunch, refusedSwitches, type OperatorFlag } from './command-line';
import { registerAppScheme } from './shell';

export type LaunchElectron = Pick<typeof ElectronModule, 'app' | 'protocol'>;

/** process.stdout and process.stderr, or a test's stand-ins. */
export interface TextSink {
  write(text: string, done?: (error?: Error | null) => void): boolean;
}

export interface LaunchOptions {
  argv: readonly string[];
  /** process.defaultApp: true when started as `electron APP …` rather than as the packaged binary. */
  defaultApp: boolean;
  operatorHost: OperatorHost;
  stdout: TextSink;
  stderr: TextSink;
  now(): number;
  /** Runs once the app is ready, only in kiosk mode and only in the first instance. */
  startKiosk(): void;
  /**
   * Runs instead of startKiosk when a counter build was started with switches it refuses: the
   * kiosk shows out of service and loads no configuration or secret.
   */
  refuseToServe(refused: string[]): void;
}

const COMMANDS: Record<OperatorFlag, (args: string[], io: CliIo, host: OperatorHost) => number | Promise<number>> = {
  '--doctor': runDoctorCommand,
  '--audit-verify': (paths, io) => runAuditVerifyCommand(paths, io),
  '--ais-verify': runAisVerifyCommand,
  '--print-config': runPrintConfigCommand,
  '--breached-build': (args, io) => runBreachedBuildCommand(args, io),
};

// Each stream finishes its writes in order, so an empty write's callback means all earlier lines are out.
const drained = (sink: TextSink) => new Promise<void>((resolve) => sink.write('', () => resolve()));

async function answerOperatorCommand(
  app: LaunchElectron['app'],
  flag: OperatorFlag,
  args: string[],
  options: LaunchOptions,
): Promise<number> {
  const io: CliIo = {
    out: (line) => options.stdout.write(`${line}\n`),
    err: (line) => options.stderr.write(`${line}\n`),
    now: options.now,
  };
  let code: number;
  try {
    code = await COMMANDS[flag](args, io, options.operatorHost);
  } catch (error) {
    if (error instanceof UsageError) {
      io.err(`mx-kiosk ${flag}: ${error.message}\n\n${OPERATOR_USAGE}`);
      code = 2;
    } else {
      io.err(`mx-kiosk: ${error instanceof Error ? error.message : String(error)}`);
      code = 1;
    }
  }
  await Promise.all([drained(options.stdout), drained(options.stderr)]);
  app.exit(code);
  return code;
}

/**
 * @returns the operator command's exit code once it has exited, or 'kiosk'. An operator
 *   command never takes the single-instance lock, so it also runs beside a live kiosk.
 */
export function launch(electron: LaunchElectron, options: LaunchOptions): Promise<number> | 'kiosk' {
  const { app } = electron;
  const chosen = parseLaunch(options.argv, options.defaultApp);
  // DevTools are off in a packaged build; its debugging switches are refused here too.
  const refused = app.isPackaged ? refusedSwitches(options.argv, options.defaultApp) : [];
  // Chromium starts its debugging server only after this script ran (that is why appending the
  // switch here works in development); removing it now keeps the port closed, too.
  for (const name of refused) app.commandLine.removeSwitch(name.replace(/^-+/, ''));
  if (chosen.mode === 'operator' && refused.length > 0) {
    options.stderr.write(`mx-kiosk: refused in a counter build: ${refused.join(' ')}\n`);
    app.exit(2);
    return Promise.resolve(2);
  }
  if (chosen.mode === 'operator') {
    // Operator commands draw nothing, and an operator on SSH has no display: Chromium's headless
    // platform lets the app start without one. Electron has already resolved a platform into
    // this switch, and appendSwitch keeps an existing value, so it is removed first.
    if (options.operatorHost.platform === 'linux') {
      app.commandLine.removeSwitch('ozone-platform');
      app.commandLine.appendSwitch('ozone-platform', 'headless');
    }
    return answerOperatorCommand(app, chosen.flag, chosen.args, options);
  }
  // Privileged schemes must be registered before 'ready'.
  registerAppScheme(electron);
  if (!app.requestSingleInstanceLock()) {
    app.quit();
  } else {
    void app.whenReady().then(() => (refused.length > 0 ? options.refuseToServe(refused) : options.startKiosk()));
  }
  return 'kiosk';
}
