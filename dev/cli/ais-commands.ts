// `mx-kiosk ais mint|verify`: lets AIS developers produce a token in the documented format and
// lets the helpdesk see why a handoff failed, with the same codec and verifier the kiosk uses.
import { parseArgs } from 'node:util';
import { AisHandoffVerifier } from '../../electron/services/ais/handoff-verifier';
import { serializeHandoffFields } from '../../electron/services/ais/handoff-payload';
import { createAesGcmCodec, parseAisKey } from '../../electron/services/ais/token-codec';
import { KioskError } from '../../electron/services/kiosk-error';
import { ConfigSchema } from '../../electron/services/config';
import { DEMO_AIS_KEY_HEX } from '../demo/demo-profile';

export const AIS_USAGE = `  ais mint [--key HEX | --demo] --id ID --name NAME --name-en NAME --ip ADDR
           [--language C|zh|en] [--condition COND] [--timestamp UNIX | --age SECONDS]
      Print a sealed handoff token (lowercase hex).
  ais verify [--key HEX | --demo] --data HEX --ip ADDR [--now UNIX]
      Print the token's decoded fields as JSON (exit 0), or its error code (exit 1).
`;

export interface CliIo {
  out(line: string): void;
  err(line: string): void;
  now(): number;
}

class UsageError extends Error {}

function keyFrom(values: { key?: string; demo?: boolean }): Buffer {
  if (values.demo && values.key) throw new UsageError('give --key or --demo, not both');
  const hex = values.demo ? DEMO_AIS_KEY_HEX : values.key;
  if (!hex) throw new UsageError('--key HEX (64 hex characters) or --demo is required');
  try {
    return parseAisKey(hex);
  } catch (error) {
    throw new UsageError((error as Error).message);
  }
}

function required(values: Record<string, unknown>, names: string[]): void {
  const missing = names.filter((n) => typeof values[n] !== 'string' || values[n] === '');
  if (missing.length > 0) throw new UsageError(`missing ${missing.map((n) => `--${n}`).join(', ')}`);
}

function wholeSeconds(text: string | undefined, flag: string): number | undefined {
  if (text === undefined) return undefined;
  if (!/^-?[0-9]+$/.test(text)) throw new UsageError(`${flag} must be a whole number of seconds`);
  return Number(text);
}

function mint(argv: string[], io: CliIo): number {
  const { values } = parseArgs({
    args: argv,
    strict: true,
    options: {
      key: { type: 'string' }, demo: { type: 'boolean' }, id: { type: 'string' }, name: { type: 'string' },
      'name-en': { type: 'string' }, ip: { type: 'string' }, language: { type: 'string' }, condition: { type: 'string' },
      timestamp: { type: 'string' }, age: { type: 'string' },
    },
  });
  required(values, ['id', 'name', 'name-en', 'ip']);
  if (values.timestamp !== undefined && values.age !== undefined) throw new UsageError('give --timestamp or --age, not both');
  const now = Math.floor(io.now() / 1000);
  const timestamp = wholeSeconds(values.timestamp, '--timestamp') ?? now - (wholeSeconds(values.age, '--age') ?? 0);
  const payload = serializeHandoffFields({
    charset: 'utf-8',
    name: values.name,
    name_en: values['name-en'],
    id: values.id,
    ip: values.ip,
    timestamp: String(timestamp),
    language: values.language ?? 'C',
    condition: values.condition ?? '一般',
  });
  io.out(createAesGcmCodec(keyFrom(values)).seal(payload));
  return 0;
}

function verify(argv: string[], io: CliIo): number {
  const { values } = parseArgs({
    args: argv,
    strict: true,
    options: { key: { type: 'string' }, demo: { type: 'boolean' }, data: { type: 'string' }, ip: { type: 'string' }, now: { type: 'string' } },
  });
  required(values, ['data', 'ip']);
  const nowSeconds = wholeSeconds(values.now, '--now');
  const clock = { now: () => (nowSeconds === undefined ? io.now() : nowSeconds * 1000) };
  // The kiosk's own defaults, so the answer matches what a counter machine would say.
  const defaults = ConfigSchema.shape.eligibility.parse(undefined);
  const verifier = new AisHandoffVerifier(createAesGcmCodec(keyFrom(values)), clock, {
    validitySeconds: 120,
    futureSkewSeconds: 30,
    eligibility: defaults,
  });
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

export function runAisCommand(argv: string[], io: CliIo): number {
  const [sub, ...rest] = argv;
  try {
    if (sub === 'mint') return mint(rest, io);
    if (sub === 'verify') return verify(rest, io);
    throw new UsageError(`unknown ais command: ${sub ?? '(none)'}`);
  } catch (error) {
    if (error instanceof UsageError || (error as { code?: string }).code?.startsWith('ERR_PARSE_ARGS')) {
      io.err(`mx-kiosk ais: ${(error as Error).message}\n\nusage:\n${AIS_USAGE}`);
      return 2;
    }
    throw error;
  }
}
