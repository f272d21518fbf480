// Reads the main process's arguments: an operator command, answered without a window, or the
// kiosk itself. Pure, so every layout Electron can start us in is tested without Electron.

export const OPERATOR_FLAGS = [
  '--doctor',
  '--audit-verify',
  '--ais-verify',
  '--print-config',
  '--breached-build',
] as const;
export type OperatorFlag = (typeof OPERATOR_FLAGS)[number];

export type Launch = { mode: 'kiosk' } | { mode: 'operator'; flag: OperatorFlag; args: string[] };

export const OPERATOR_USAGE = `usage: mx-kiosk [--config FILE]
      Run the kiosk.
  mx-kiosk --doctor [--config FILE] [--fleet [--audit PATH]...]
      Check the configuration, each LDAP server (reachable, bind, role, uid counters), the AIS key
      and login page, the mail store, the policy files and the audit file; exit 1 on any FAIL.
      --fleet reconciles the audit trail (and each --audit PATH) with the directory.
  mx-kiosk --audit-verify PATH...
      Verify the audit trail's hash chain (daily files, or the configured audit.file for all of
      them and the head); print OK and the line count, or the first bad line; exit 1 if bad.
  mx-kiosk --ais-verify --data HEX --ip ADDR [--config FILE | --key-file PATH] [--now UNIX]
      Print an AIS token's decoded fields as JSON (exit 0), or its error code (exit 1), with the
      configuration's key and settings unless --key-file names a file holding the key. The key
      itself is never taken on the command line.
  mx-kiosk --print-config [--config FILE]
      Print the configuration as this counter runs it: every default filled in, each secret
      only as its source ({ file: … } or { env: … }); exit 1 if it cannot be used.
  mx-kiosk --breached-build --from LIST --out FILTER [--top N] [--false-positive RATE]
      Build the breached-password filter from Pwned Passwords' SHA-1 list (HASH:COUNT lines,
      sorted by hash or by count) or a plain list of passwords; --top N keeps the N most frequent.
Options for Electron itself go before the command flag; everything after it is the command's.
`;

/**
 * The user's arguments. A packaged app is started as `mx-kiosk ARGS`; in development Electron is
 * started as `electron APP ARGS` (process.defaultApp), so the app path comes first.
 */
export function userArguments(argv: readonly string[], defaultApp: boolean): string[] {
  return argv.slice(defaultApp ? 2 : 1);
}

const isOperatorFlag = (arg: string): arg is OperatorFlag => (OPERATOR_FLAGS as readonly string[]).includes(arg);

/**
 * The first operator flag anywhere among the user's arguments chooses the command, and what
 * follows it is the command's. What precedes it is left to Electron and Chromium (for example
 * --no-sandbox), so such a switch can never turn an operator's check into a kiosk window.
 */
export function parseLaunch(argv: readonly string[], defaultApp: boolean): Launch {
  const args = userArguments(argv, defaultApp);
  const at = args.findIndex(isOperatorFlag);
  if (at < 0) return { mode: 'kiosk' };
  return { mode: 'operator', flag: args[at] as OperatorFlag, args: args.slice(at + 1) };
}

/**
 * Chromium and Node switches that open the app to a debugger or change its engine. The fuses
 * turn Node's off; Chromium's are honoured before any of our code runs, so a counter build that
 * sees one refuses to serve (for example `--remote-debugging-port=9222` would let anyone on the
 * machine drive the kiosk page). Chromium also accepts a single dash.
 */
const DEBUGGING_SWITCH =
  /^--?(remote-debugging-[a-z-]+|inspect[a-z-]*|js-flags|remote-allow-origins|enable-logging|v|vmodule|wait-for-debugger[a-z-]*|auto-open-devtools-for-tabs)(=|$)/;

/** The kiosk's own switches; anything else is unknown to a counter build. */
const KIOSK_SWITCHES = new Set(['--config']);

const switchName = (arg: string) => arg.split('=', 1)[0]!;

/**
 * The switches a packaged (counter) build refuses, in the order given: debugging switches
 * anywhere before an operator command, and, for the kiosk itself, every switch it does not know.
 * Chromium stops reading switches at a bare `--`, and so do we.
 */
export function refusedSwitches(argv: readonly string[], defaultApp: boolean): string[] {
  const args = userArguments(argv, defaultApp);
  const end = args.indexOf('--');
  const operatorAt = args.findIndex(isOperatorFlag);
  const considered = args.slice(0, Math.min(...[end, operatorAt, args.length].filter((i) => i >= 0)));
  const refused: string[] = [];
  for (let i = 0; i < considered.length; i += 1) {
    const arg = considered[i]!;
    if (!arg.startsWith('-')) continue;
    if (DEBUGGING_SWITCH.test(arg)) refused.push(switchName(arg));
    else if (operatorAt < 0 && !KIOSK_SWITCHES.has(switchName(arg))) refused.push(switchName(arg));
    // `--config FILE`: the file is the switch's value, not a switch of its own.
    if (arg === '--config') i += 1;
  }
  return refused;
}
