// The print-config command: what a counter really runs. The configuration after every default,
// as YAML, with each secret shown only as where it comes from ({ file: … } or { env: … }).
// Installed as `mx-kiosk --print-config`.
import { stringify } from 'yaml';
import { ConfigError, effectiveConfig, readConfigData, resolveConfig, resolveConfigPath } from '../services/config';
import { parseOptions, type CliIo, type OperatorHost } from './operator-command';

/** Options: `[--config FILE]`. Exit 0 with the YAML; 1 when the file is unusable (problems on stderr). */
export function runPrintConfigCommand(argv: string[], io: CliIo, host: OperatorHost): number {
  const values = parseOptions(argv, { config: { type: 'string' } });
  const path = resolveConfigPath(values.config ? ['--config', values.config] : [], host.env, host.platform);
  try {
    const raw = readConfigData(path, { readFile: host.readTextFile });
    const effective = stringify(effectiveConfig(raw)).trimEnd();
    io.out(`# ${path}, with every default filled in; secrets are shown only as their source`);
    io.out(effective);
    // Every secret and file the kiosk reads at start-up must be there too, as the kiosk would find it.
    resolveConfig(raw, { readFile: host.readTextFile, env: host.env });
    return 0;
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    for (const problem of error.problems) io.err(`FAIL  config  ${path}: ${problem}`);
    return 1;
  }
}
