// The doctor command: checks a counter machine's configuration and every system it depends on,
// one line per check, and exits non-zero on any FAIL. Installed as `mx-kiosk --doctor`. With
// --json it prints the same checks as one JSON document, for monitoring.
import { loadConfigFile, ConfigError, resolveConfigPath, type KioskConfig } from '../services/config';
import { readAuditTrail } from '../services/audit/audit-chain';
import { systemClock } from '../services/clock';
import { createLdapConnector } from '../services/directory/ldap-connector';
import { fleetLines } from '../services/health/fleet-lines';
import { runDoctor, type DoctorCheck } from '../services/health/kiosk-doctor';
import { silentLogger } from '../services/logger';
import { parseOptions, UsageError, type CliIo, type OperatorHost } from './operator-command';

/** Prints the checks (as lines, or as JSON at the end) and returns the exit code. */
function report(io: CliIo, json: boolean, checks: DoctorCheck[]): number {
  const failed = checks.filter((c) => c.status === 'FAIL').length;
  const warned = checks.filter((c) => c.status === 'WARN').length;
  if (json) {
    io.out(JSON.stringify({ ok: failed === 0, failed, warned, checks }, null, 2));
  } else {
    for (const check of checks) io.out(`${check.status.padEnd(5)} ${check.name}  ${check.detail}`);
    io.out(
      failed === 0
        ? `doctor: all checks passed${warned > 0 ? ` (${warned} warning(s))` : ''}`
        : `doctor: ${failed} check(s) failed`,
    );
  }
  return failed === 0 ? 0 : 1;
}

/**
 * Options: `--config FILE`, or `--demo` where the host has the demo systems; `--json` for
 * monitoring. `--fleet` adds the fleet check: the configured audit trail, and every `--audit PATH`
 * (other kiosks' trails), reconciled with the directory (docs/directory.md, "Fleet").
 */
export async function runDoctorCommand(argv: string[], io: CliIo, host: OperatorHost): Promise<number> {
  const values = parseOptions(argv, {
    config: { type: 'string' },
    demo: { type: 'boolean' },
    json: { type: 'boolean' },
    fleet: { type: 'boolean' },
    audit: { type: 'string', multiple: true },
  });
  const json = values.json === true;
  if (values.audit && !values.fleet) throw new UsageError('--audit belongs to --fleet');
  if (values.demo && values.config !== undefined) throw new UsageError('give --config or --demo, not both');
  if (values.demo && !host.demo)
    throw new UsageError('--demo needs a checkout of the project: the demo systems are not installed');
  const demo = values.demo ? await host.demo!.start() : undefined;
  try {
    let config: KioskConfig;
    let source: DoctorCheck;
    if (demo) {
      config = demo.config;
      source = { status: 'OK', name: 'config', detail: 'demo profile' };
    } else {
      const path = resolveConfigPath(values.config ? ['--config', values.config] : [], host.env, host.platform);
      try {
        config = loadConfigFile(path, { readFile: host.readTextFile, env: host.env });
        source = { status: 'OK', name: 'config', detail: path };
      } catch (error) {
        if (!(error instanceof ConfigError)) throw error;
        return report(
          io,
          json,
          error.problems.map((problem) => ({ status: 'FAIL', name: 'config', detail: `${path}: ${problem}` })),
        );
      }
    }
    const connectLdap = createLdapConnector({
      ...config.directory,
      connectTimeoutMs: Math.min(config.directory.connectTimeoutMs, 3000),
    });
    const checks = await runDoctor(config, {
      connectLdap,
      fetch: globalThis.fetch as never,
      readTextFile: host.readTextFile,
      bundledPoliciesDir: host.bundledPoliciesDir,
      bundledBreachedFilter: host.bundledBreachedFilter,
      printerExists: host.printerExists,
    });
    if (values.fleet) {
      const trails = await Promise.all(
        [config.audit.file, ...(values.audit ?? [])].map((path) => readAuditTrail(path)),
      );
      checks.push(
        ...(await fleetLines(config.directory, trails.flat(), {
          connect: connectLdap,
          clock: systemClock,
          logger: silentLogger,
        })),
      );
    }
    return report(io, json, [source, ...checks]);
  } finally {
    await demo?.stop();
  }
}
