// The ais-verify command: tells the helpdesk why an AIS handoff failed, with the codec and the
// verifier the kiosk itself uses. Installed as `mx-kiosk --ais-verify`; the developers' `ais mint`
// names its key through the same options.
import { AisHandoffVerifier, type VerifierSettings } from '../services/ais/handoff-verifier';
import { createAesGcmCodec, parseAisKey } from '../services/ais/token-codec';
import { ConfigError, ConfigSchema, loadConfigFile, resolveConfigPath } from '../services/config';
import { KioskError } from '../services/kiosk-error';
import {
  parseOptions,
  requireOptions,
  UsageError,
  wholeSeconds,
  type CliIo,
  type OperatorHost,
} from './operator-command';

interface KeyAndSettings {
  key: Buffer;
  settings: VerifierSettings;
}

interface UnusableConfig {
  configPath: string;
  problems: string[];
}

/** Said to anyone who gives the key itself: it would stay in `ps` and the shell's history. */
export const KEY_ON_COMMAND_LINE =
  'the AIS key is never taken on the command line (ps and shell history keep it): put it in a file readable only by you and give --key-file PATH, or use the configuration';

/** The key from a file holding its 64 hex characters (surrounding whitespace ignored). */
function keyHexFromFile(path: string, host: Pick<OperatorHost, 'readTextFile'>): string {
  try {
    return host.readTextFile(path).trim();
  } catch (error) {
    throw new UsageError(
      `cannot read --key-file ${path}: ${(error as NodeJS.ErrnoException).code ?? (error as Error).message}`,
    );
  }
}

function parsedKey(hex: string): Buffer {
  try {
    return parseAisKey(hex);
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
}

/** The options that name an AIS key; `key` is declared only so that a key typed on the command line is refused. */
export const AIS_KEY_OPTIONS = {
  key: { type: 'string' },
  'key-file': { type: 'string' },
  demo: { type: 'boolean' },
} as const;

/**
 * The key named by --key-file or --demo, or undefined when neither is given. A key typed on the
 * command line is refused, and so is more than one way of naming it (`others` are the caller's own
 * ways, such as --config, and whether each was given).
 */
export function namedAisKey(
  values: { key?: string; 'key-file'?: string; demo?: boolean },
  host: OperatorHost,
  others: Record<string, boolean> = {},
): Buffer | undefined {
  if (values.key !== undefined) throw new UsageError(KEY_ON_COMMAND_LINE);
  const ways = { '--key-file': values['key-file'] !== undefined, '--demo': values.demo === true, ...others };
  if (Object.values(ways).filter(Boolean).length > 1) {
    const flags = Object.keys(ways);
    throw new UsageError(`give one of ${flags.slice(0, -1).join(', ')} or ${flags.at(-1)}`);
  }
  if (values.demo && !host.demo)
    throw new UsageError('--demo needs a checkout of the project: the demo key is not installed');
  const hex = values.demo
    ? host.demo!.aisKeyHex
    : values['key-file'] !== undefined
      ? keyHexFromFile(values['key-file'], host)
      : undefined;
  return hex === undefined ? undefined : parsedKey(hex);
}

/**
 * A key from a file is checked with the kiosk's default window and eligibility; without one, the
 * configuration's key and settings are used, so the answer is the one this counter machine would give.
 */
function keyAndSettings(
  values: { key?: string; 'key-file'?: string; demo?: boolean; config?: string },
  host: OperatorHost,
): KeyAndSettings | UnusableConfig {
  const key = namedAisKey(values, host, { '--config': values.config !== undefined });
  if (key) {
    const ais = ConfigSchema.shape.ais.shape;
    return {
      key,
      settings: {
        validitySeconds: ais.validitySeconds.parse(undefined),
        futureSkewSeconds: ais.futureSkewSeconds.parse(undefined),
        eligibility: ConfigSchema.shape.eligibility.parse(undefined),
      },
    };
  }
  const path = resolveConfigPath(values.config ? ['--config', values.config] : [], host.env, host.platform);
  try {
    const config = loadConfigFile(path, { readFile: host.readTextFile, env: host.env });
    return {
      key: parseAisKey(config.ais.key.reveal()),
      settings: {
        validitySeconds: config.ais.validitySeconds,
        futureSkewSeconds: config.ais.futureSkewSeconds,
        eligibility: config.eligibility,
      },
    };
  } catch (error) {
    if (!(error instanceof ConfigError)) throw error;
    return { configPath: path, problems: error.problems };
  }
}

/** Options: `--data HEX --ip ADDR [--key-file PATH | --demo | --config FILE] [--now UNIX]`. */
export function runAisVerifyCommand(argv: string[], io: CliIo, host: OperatorHost): number {
  const values = parseOptions(argv, {
    ...AIS_KEY_OPTIONS,
    config: { type: 'string' },
    data: { type: 'string' },
    ip: { type: 'string' },
    now: { type: 'string' },
  });
  requireOptions(values, ['data', 'ip']);
  const nowSeconds = wholeSeconds(values.now, '--now');
  const chosen = keyAndSettings(values, host);
  if ('problems' in chosen) {
    for (const problem of chosen.problems) io.err(`FAIL  config  ${chosen.configPath}: ${problem}`);
    return 2;
  }
  const clock = { now: () => (nowSeconds === undefined ? io.now() : nowSeconds * 1000) };
  const verifier = new AisHandoffVerifier(createAesGcmCodec(chosen.key), clock, chosen.settings);
  try {
    io.out(JSON.stringify(verifier.verify(values.data, [values.ip!]), null, 2));
    return 0;
  } catch (error) {
    if (!(error instanceof KioskError)) throw error;
    io.out(error.code);
    if (error.detail) io.err(error.detail);
    return 1;
  }
}
