// `mx-kiosk doctor [--config F | --demo]`: checks a counter machine's configuration and every
// system it depends on, one line per check, and exits non-zero on any FAIL.
import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { ConfigError, loadConfigFile, resolveConfigPath, type KioskConfig } from '../../electron/services/config';
import { createLdapConnector } from '../../electron/services/directory/ldap-connector';
import { runDoctor } from '../../electron/services/health/kiosk-doctor';
import { startDemoProfile } from '../demo/demo-profile';
import type { CliIo } from './ais-commands';
import { SOURCE_POLICIES_DIR } from './source-paths';

export const DOCTOR_USAGE = `  doctor [--config FILE | --demo]
      Check the configuration, each LDAP server (reachable, bind, uid counter), the AIS key and
      login page, the mail store, the policy files and the audit file; exit 1 on any FAIL.
`;

const readText = (path: string) => readFileSync(path, 'utf8');

export async function runDoctorCommand(argv: string[], io: CliIo, env: Record<string, string | undefined> = process.env): Promise<number> {
  let values: { config?: string; demo?: boolean };
  try {
    values = parseArgs({ args: argv, strict: true, options: { config: { type: 'string' }, demo: { type: 'boolean' } } }).values;
  } catch (error) {
    io.err(`mx-kiosk doctor: ${(error as Error).message}\n\nusage:\n${DOCTOR_USAGE}`);
    return 2;
  }
  const demo = values.demo ? await startDemoProfile() : undefined;
  try {
    let config: KioskConfig;
    if (demo) {
      config = demo.config;
      io.out('OK    config  demo profile');
    } else {
      const path = resolveConfigPath(values.config ? ['--config', values.config] : [], env, process.platform);
      try {
        config = loadConfigFile(path, { readFile: readText, env });
        io.out(`OK    config  ${path}`);
      } catch (error) {
        if (!(error instanceof ConfigError)) throw error;
        for (const problem of error.problems) io.out(`FAIL  config  ${path}: ${problem}`);
        return 1;
      }
    }
    const checks = await runDoctor(config, {
      connectLdap: createLdapConnector({ ...config.directory, connectTimeoutMs: Math.min(config.directory.connectTimeoutMs, 3000) }),
      fetch: globalThis.fetch as never,
      readTextFile: readText,
      bundledPoliciesDir: SOURCE_POLICIES_DIR,
    });
    for (const check of checks) io.out(`${check.status.padEnd(5)} ${check.name}  ${check.detail}`);
    const failed = checks.filter((c) => c.status === 'FAIL').length;
    io.out(failed === 0 ? 'doctor: all checks passed' : `doctor: ${failed} check(s) failed`);
    return failed === 0 ? 0 : 1;
  } finally {
    await demo?.stop();
  }
}

