// `mx-kiosk ais mint|verify`: mint lets AIS developers produce a token in the documented format;
// verify is the operator command the installed app also has (electron/ops/ais-verify-command.ts).
import { serializeHandoffFields } from '../../electron/services/ais/handoff-payload';
import { createAesGcmCodec } from '../../electron/services/ais/token-codec';
import { AIS_KEY_OPTIONS, namedAisKey, runAisVerifyCommand } from '../../electron/ops/ais-verify-command';
import type { CliIo, OperatorHost } from '../../electron/ops/operator-command';
import { parseOptions, requireOptions, UsageError, wholeSeconds } from '../../electron/ops/operator-command';
import { CHECKOUT_HOST } from './checkout-host';

export const AIS_USAGE = `  ais mint [--key-file PATH | --demo] --id ID --name NAME --name-en NAME --ip ADDR
           [--language C|zh|en] [--condition COND] [--timestamp UNIX | --age SECONDS]
      Print a sealed handoff token (lowercase hex).
  ais verify [--key-file PATH | --demo | --config FILE] --data HEX --ip ADDR [--now UNIX]
      Print the token's decoded fields as JSON (exit 0), or its error code (exit 1). Without
      --key-file or --demo, the configuration's key and settings are used.
  The key file holds the 64 hex characters; a key is never given on the command line.
`;

function mint(argv: string[], io: CliIo, host: OperatorHost): number {
  const values = parseOptions(argv, {
    ...AIS_KEY_OPTIONS,
    id: { type: 'string' },
    name: { type: 'string' },
    'name-en': { type: 'string' },
    ip: { type: 'string' },
    language: { type: 'string' },
    condition: { type: 'string' },
    timestamp: { type: 'string' },
    age: { type: 'string' },
  });
  requireOptions(values, ['id', 'name', 'name-en', 'ip']);
  if (values.timestamp !== undefined && values.age !== undefined)
    throw new UsageError('give --timestamp or --age, not both');
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
  const key = namedAisKey(values, host);
  if (!key) throw new UsageError('--key-file PATH (a file with the 64 hex characters) or --demo is required');
  io.out(createAesGcmCodec(key).seal(payload));
  return 0;
}

export function runAisCommand(argv: string[], io: CliIo, host: OperatorHost = CHECKOUT_HOST): number {
  const [sub, ...rest] = argv;
  try {
    if (sub === 'mint') return mint(rest, io, host);
    if (sub === 'verify') return runAisVerifyCommand(rest, io, host);
    throw new UsageError(`unknown ais command: ${sub ?? '(none)'}`);
  } catch (error) {
    if (error instanceof UsageError) {
      io.err(`mx-kiosk ais: ${(error as Error).message}\n\nusage:\n${AIS_USAGE}`);
      return 2;
    }
    throw error;
  }
}
