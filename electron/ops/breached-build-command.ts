// The breached-build command: turns Pwned Passwords' SHA-1 list (or a plain list of passwords)
// into the kiosk's filter file, streaming, with progress on stderr (lines read, rate, time left)
// and the filter's false-positive rate and size at the end. Installed as `mx-kiosk --breached-build`.
import {
  buildBreachedFilter,
  fingerprintBytesFor,
  type BuildProgress,
} from '../services/password/breached-filter-builder';
import { parseOptions, requireOptions, UsageError, type CliIo } from './operator-command';

/** How often a progress line is printed. */
const PROGRESS_EVERY_MS = 2000;

const count = (n: number) => Math.round(n).toLocaleString('en-US');

function duration(seconds: number): string {
  if (!Number.isFinite(seconds)) return 'unknown';
  if (seconds < 90) return `${Math.ceil(seconds)} s`;
  if (seconds < 5400) return `${Math.round(seconds / 60)} min`;
  return `${(seconds / 3600).toFixed(1)} h`;
}

/** One progress line: the reading phase by lines and bytes, the shard phase by buckets. */
export function progressLine(progress: BuildProgress, elapsedMs: number): string {
  const seconds = Math.max(elapsedMs / 1000, 1e-3);
  if (progress.phase === 'shards')
    return `building shards: ${progress.bucket}/${progress.buckets} buckets, ${count(progress.keys)} keys`;
  const share = progress.totalBytes > 0 ? progress.bytes / progress.totalBytes : 0;
  const left = share > 0 ? (seconds * (1 - share)) / share : Infinity;
  return `read ${count(progress.lines)} lines (${(share * 100).toFixed(1)}%), ${count(progress.lines / seconds)} lines/s, about ${duration(left)} left`;
}

/** Options: --from FILE --out FILE [--top N] [--false-positive RATE] [--format auto|pwned|plain] [--temp-dir DIR]. */
export async function runBreachedBuildCommand(argv: string[], io: CliIo): Promise<number> {
  const values = parseOptions(argv, {
    from: { type: 'string' },
    out: { type: 'string' },
    top: { type: 'string' },
    'false-positive': { type: 'string' },
    format: { type: 'string' },
    'temp-dir': { type: 'string' },
  });
  requireOptions(values, ['from', 'out']);
  const top = values.top === undefined ? undefined : Number(values.top);
  if (top !== undefined && !(Number.isInteger(top) && top >= 1))
    throw new UsageError('--top must be a whole number of at least 1');
  const rate = values['false-positive'] === undefined ? 1e-4 : Number(values['false-positive']);
  try {
    fingerprintBytesFor(rate);
  } catch (error) {
    throw new UsageError(`--false-positive: ${(error as Error).message}`);
  }
  const format = values.format ?? 'auto';
  if (format !== 'auto' && format !== 'pwned' && format !== 'plain')
    throw new UsageError('--format must be auto, pwned or plain');
  const started = io.now();
  let printed = started;
  const summary = await buildBreachedFilter({
    from: values.from!,
    out: values.out!,
    top,
    falsePositiveRate: rate,
    format,
    tempDir: values['temp-dir'],
    onProgress: (progress) => {
      const now = io.now();
      if (now - printed < PROGRESS_EVERY_MS) return;
      printed = now;
      io.err(progressLine(progress, now - started));
    },
  }).catch((error: NodeJS.ErrnoException) => {
    io.err(
      `mx-kiosk breached build: ${error.code === 'ENOENT' ? `no such file: ${error.path ?? values.from}` : error.message}`,
    );
    return null;
  });
  if (!summary) return 1;
  const seconds = Math.max((io.now() - started) / 1000, 1e-3);
  io.out(
    `built from ${count(summary.lines)} lines (${summary.format} list${summary.skipped > 0 ? `, ${count(summary.skipped)} skipped` : ''}) in ${duration(seconds)}, ${count(summary.lines / seconds)} lines/s`,
  );
  io.out(
    `wrote ${values.out}: ${count(summary.keys)} keys in ${summary.shards} shard(s), ${count(summary.fileBytes)} bytes, ${summary.bitsPerKey.toFixed(2)} bits per key`,
  );
  io.out(
    `false-positive rate: ${summary.falsePositiveRate.toExponential(2)} (about 1 in ${count(1 / summary.falsePositiveRate)}; asked for at most ${rate}): a password that was never in the list is refused that often`,
  );
  return 0;
}
