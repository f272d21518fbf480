// The doctor command: checks a counter machine's configuration and every system it depends on,
// one line per check, and exits non-zero on any FAIL. Installed as `mx-kiosk --doctor`.
import { loadConfigFile, ConfigError, resolveConfigPath, type KioskConfig } from '../services/config';
import { readAuditTrail } from '../services/audit/audit-chain';
import { systemClock } from '../services/clock';
import { createLdapConnector } from '../services/directory/ldap-connector';
import { fleetLines } from '../services/health/fleet-lines';
import { runDoctor } from '../services/health/kiosk-doctor';
import { silentLogger } from '../services/logger';
import { parseOptions, UsageError, type CliIo, type OperatorHost } from './operator-command';

/**
 * Options: `--config FILE`, or `--demo` where the host has the demo systems. `--fleet` adds the
 * fleet check: the configured audit trail, and every `--audit PATH` (other kiosks' trails),
 * reconciled with the directory (docs/directory.md, "Fleet").
 */
export async function runDoctorCommand(argv: string[], io: CliIo, host: OperatorHost): Promise<number> {
  const values = parseOptions(argv, { config: { type: 'string' }, demo: { type: 'boolean' }, fleet: { type: 'boolean' }, audit: { type: 'string', multiple: true } });
  if (values.audit && !values.fleet) throw new UsageError('--audit belongs to --fleet');
  if (values.demo && values.config !== undefined) throw new UsageError('give --config or --demo, not both');
  if (values.demo && !host.demo) throw new UsageError('--demo needs a checkout of the project: the demo systems are not installed');
  const demo = values.demo ? await host.demo!.start() : undefined;
  try {
    let config: KioskConfig;
    if (demo) {
      config = demo.config;
      io.out('OK    config  demo profile');
    } else {
      const path = resolveConfigPath(values.config ? ['--config', values.config] : [], host.env, host.platform);
      try {
        config = loadConfigFile(path, { readFile: host.readTextFile, env: host.env });
        io.out(`OK    config  ${path}`);
      } catch (error) {
        if (!(error instanceof ConfigError)) throw error;
        for (const problem of error.problems) io.out(`FAIL  config  ${path}: ${problem}`);
        return 1;
      }
    }
    const connectLdap = createLdapConnector({ ...config.directory, connectTimeoutMs: Math.min(config.directory.connectTimeoutMs, 3000) });
    const checks = await runDoctor(config, { connectLdap, fetch: globalThis.fetch as never, readTextFile: host.readTextFile, bundledPoliciesDir: host.bundledPoliciesDir });
    if (values.fleet) {
      const trails = await Promise.all([config.audit.file, ...(values.audit ?? [])].map((path) => readAuditTrail(path)));
      checks.push(...(await fleetLines(config.directory, connectLdap, trails.flat(), systemClock, silentLogger)));
    }
    for (const check of checks) io.out(`${check.status.padEnd(5)} ${check.name}  ${check.detail}`);
    const failed = checks.filter((c) => c.status === 'FAIL').length;
    io.out(failed === 0 ? 'doctor: all checks passed' : `doctor: ${failed} check(s) failed`);
    return failed === 0 ? 0 : 1;
  } finally {
    await demo?.stop();
  }
}
