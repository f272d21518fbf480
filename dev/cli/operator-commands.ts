// `mx-kiosk doctor` and `mx-kiosk audit verify` in a checkout: this spelling and its usage text
// around the same commands the installed app answers as `--doctor` and `--audit-verify`.
import { runAuditVerifyCommand } from '../../electron/ops/audit-verify-command';
import { runBreachedBuildCommand } from '../../electron/ops/breached-build-command';
import { runDoctorCommand } from '../../electron/ops/doctor-command';
import { runPrintConfigCommand } from '../../electron/ops/print-config-command';
import { UsageError, type CliIo, type OperatorHost } from '../../electron/ops/operator-command';
import { CHECKOUT_HOST } from './checkout-host';

export const DOCTOR_USAGE = `  doctor [--config FILE | --demo] [--fleet [--audit PATH]...]
      Check the configuration, each LDAP server (reachable, bind, role, uid counters), the AIS key
      and login page, the mail store, the policy files and the audit file; exit 1 on any FAIL.
      --fleet reconciles the audit trail (and each --audit PATH, other kiosks' trails) with the
      directory: lost accounts, duplicates, claims without accounts, entries without a password.
`;

export const PRINT_CONFIG_USAGE = `  print-config [--config FILE]
      Print the configuration as the kiosk runs it: every default filled in, each secret only as
      its source ({ file: … } or { env: … }); exit 1 if it cannot be used.
`;

export const AUDIT_USAGE = `  audit verify PATH...
      Verify the audit trail's hash chain (daily files, or the configured audit.file for all of
      them and the head); print OK and the line count, or the first bad line; exit 1 if bad.
`;

export const BREACHED_USAGE = `  breached build --from LIST --out FILTER [--top N] [--false-positive RATE] [--format auto|pwned|plain] [--temp-dir DIR]
      Build the breached-password filter from Pwned Passwords' SHA-1 list (HASH:COUNT lines,
      sorted by hash or by count) or a plain list of passwords, one a line. --top N keeps the N
      most frequent (by count, or the first N lines of a plain list). Default rate 0.0001.
`;

async function withUsage(io: CliIo, name: string, usage: string, run: () => Promise<number>): Promise<number> {
  try {
    return await run();
  } catch (error) {
    if (!(error instanceof UsageError)) throw error;
    io.err(`mx-kiosk ${name}: ${error.message}\n\nusage:\n${usage}`);
    return 2;
  }
}

export function doctorSubcommand(argv: string[], io: CliIo, host: OperatorHost = CHECKOUT_HOST): Promise<number> {
  return withUsage(io, 'doctor', DOCTOR_USAGE, () => runDoctorCommand(argv, io, host));
}

export function printConfigSubcommand(argv: string[], io: CliIo, host: OperatorHost = CHECKOUT_HOST): Promise<number> {
  return withUsage(io, 'print-config', PRINT_CONFIG_USAGE, async () => runPrintConfigCommand(argv, io, host));
}

export function auditSubcommand(argv: string[], io: CliIo): Promise<number> {
  const [sub, ...paths] = argv;
  return withUsage(io, 'audit', AUDIT_USAGE, async () => {
    if (sub !== 'verify') throw new UsageError(`unknown audit command: ${sub ?? '(none)'}`);
    return runAuditVerifyCommand(paths, io);
  });
}

export function breachedSubcommand(argv: string[], io: CliIo): Promise<number> {
  const [sub, ...rest] = argv;
  return withUsage(io, 'breached', BREACHED_USAGE, async () => {
    if (sub !== 'build') throw new UsageError(`unknown breached command: ${sub ?? '(none)'}`);
    return runBreachedBuildCommand(rest, io);
  });
}
