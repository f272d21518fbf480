// Builds a breached-password filter file from a list, with bounded memory: keys are spilled to
// 256 temporary bucket files by their first byte, then each bucket is sorted, de-duplicated and
// cut into binary fuse shards written in key order. Memory follows one bucket (8 bytes a key, a
// 256th of the list) and one shard; the temporary files need 8 bytes a key on disk.
import { closeSync, mkdtempSync, openSync, readFileSync, renameSync, rmSync, statSync, writeSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { crc32 } from 'node:zlib';
import { HEADER_BYTES, SHARD_ENTRY_BYTES } from './breached-filter-format';
import { readBreachedList, type ListFormat } from './breached-list-reader';
import { buildFuseShard } from './fuse-shard';
import { TopCounts } from './top-counts';

/** Keys per shard at most: a shard's construction needs about 40 bytes a key. */
export const SHARD_KEYS = 1 << 20;
const BUCKETS = 256;
const BUCKET_BUFFER = 64 * 1024;

export interface BuildOptions {
  from: string;
  out: string;
  /** Keep the N most frequent entries (by count where the list has counts, else the first N lines). */
  top?: number;
  /** The false-positive rate asked for; the fingerprint width is the smallest that meets it. */
  falsePositiveRate: number;
  format?: ListFormat | 'auto';
  /** Where the bucket files go (the system's temporary folder by default). */
  tempDir?: string;
  onProgress?(progress: BuildProgress): void;
}

export type BuildProgress =
  | { phase: 'read'; lines: number; bytes: number; totalBytes: number }
  | { phase: 'shards'; bucket: number; buckets: number; keys: number };

export interface BuildSummary {
  format: ListFormat;
  lines: number;
  skipped: number;
  keys: number;
  shards: number;
  fingerprintBytes: number;
  /** The filter's own false-positive rate, 2^-(8 × fingerprintBytes). */
  falsePositiveRate: number;
  fileBytes: number;
  bitsPerKey: number;
}

/** The narrowest fingerprint (1 to 4 bytes) whose false-positive rate is at most the one asked. */
export function fingerprintBytesFor(rate: number): number {
  if (!(rate > 0 && rate < 1)) throw new RangeError('the false-positive rate must be between 0 and 1');
  for (let bytes = 1; bytes <= 4; bytes += 1) if (2 ** (-8 * bytes) <= rate) return bytes;
  throw new RangeError(`a false-positive rate below ${2 ** -32} is not supported`);
}

/** Buffered writes of 8-byte keys (lo, hi little-endian, so a BigUint64Array sorts them) to 256 files. */
class BucketSpill {
  readonly fds: number[] = [];
  private readonly buffers: Buffer[] = [];
  private readonly fill = new Uint32Array(BUCKETS);
  constructor(readonly dir: string) {
    for (let b = 0; b < BUCKETS; b += 1) {
      this.fds.push(openSync(join(dir, `bucket-${b}`), 'w'));
      this.buffers.push(Buffer.allocUnsafe(BUCKET_BUFFER));
    }
  }
  /** Keys written, duplicates included. */
  spilled = 0;
  add(hi: number, lo: number): void {
    this.spilled += 1;
    const b = hi >>> 24;
    const buffer = this.buffers[b]!;
    let at = this.fill[b]!;
    buffer.writeUInt32LE(lo, at);
    buffer.writeUInt32LE(hi, at + 4);
    at += 8;
    if (at === BUCKET_BUFFER) {
      writeSync(this.fds[b]!, buffer, 0, at);
      at = 0;
    }
    this.fill[b] = at;
  }
  finish(): void {
    for (let b = 0; b < BUCKETS; b += 1) {
      if (this.fill[b]! > 0) writeSync(this.fds[b]!, this.buffers[b]!, 0, this.fill[b]!);
      closeSync(this.fds[b]!);
    }
  }
  /** The bucket's distinct keys, sorted, as [lo, hi] pairs. */
  sortedKeys(b: number): Uint32Array {
    const raw = readFileSync(join(this.dir, `bucket-${b}`));
    rmSync(join(this.dir, `bucket-${b}`));
    const keys = new BigUint64Array(raw.buffer, raw.byteOffset, raw.length / 8).sort();
    let distinct = 0;
    for (let i = 0; i < keys.length; i += 1) if (i === 0 || keys[i] !== keys[distinct - 1]) keys[distinct++] = keys[i]!;
    return new Uint32Array(keys.buffer, keys.byteOffset, distinct * 2);
  }
}

export interface FilterOutput {
  out: string;
  falsePositiveRate: number;
  tempDir?: string;
  onProgress?(progress: BuildProgress): void;
}

export type FilterWritten = Pick<
  BuildSummary,
  'keys' | 'shards' | 'fileBytes' | 'fingerprintBytes' | 'falsePositiveRate' | 'bitsPerKey'
>;

/**
 * Writes a filter of the keys that feed hands to add (a list's, or the benchmark's generated
 * ones), through the bucket spill. The file appears whole (renamed from .partial) or not at all.
 */
export async function writeFilterFromKeys(
  options: FilterOutput,
  feed: (add: (hi: number, lo: number) => void) => Promise<void>,
): Promise<FilterWritten> {
  const width = fingerprintBytesFor(options.falsePositiveRate);
  const dir = mkdtempSync(join(options.tempDir ?? tmpdir(), 'mx-breached-'));
  const partial = `${options.out}.partial`;
  try {
    const spill = new BucketSpill(dir);
    await feed((hi, lo) => spill.add(hi, lo));
    spill.finish();
    const written = writeShards(spill, partial, width, options);
    renameSync(partial, options.out);
    return {
      ...written,
      fingerprintBytes: width,
      falsePositiveRate: 2 ** (-8 * width),
      bitsPerKey: written.keys > 0 ? (written.fileBytes * 8) / written.keys : 0,
    };
  } finally {
    rmSync(dir, { recursive: true, force: true });
    rmSync(partial, { force: true });
  }
}

export async function buildBreachedFilter(options: BuildOptions): Promise<BuildSummary> {
  fingerprintBytesFor(options.falsePositiveRate);
  const totalBytes = statSync(options.from).size;
  let read: Awaited<ReturnType<typeof readBreachedList>> | undefined;
  const written = await writeFilterFromKeys(options, async (add) => {
    const top = options.top !== undefined ? new TopCounts(options.top) : null;
    let taken = 0;
    read = await readBreachedList(
      options.from,
      options.format ?? 'auto',
      (hi, lo, count) => {
        if (!top) return add(hi, lo);
        // Without counts, a list is taken to be in order of frequency: its first N lines.
        if (count < 0) {
          if (taken >= top.capacity) return false;
          taken += 1;
          return add(hi, lo);
        }
        top.offer(count, hi, lo);
      },
      (p) => options.onProgress?.({ phase: 'read', lines: p.lines, bytes: p.bytes, totalBytes }),
    );
    top?.forEach(add);
  });
  return { format: read!.format, lines: read!.lines, skipped: read!.skipped, ...written };
}

/** Shards cut from the keys in order, across buckets, all of about the same size (at most SHARD_KEYS). */
function writeShards(
  spill: BucketSpill,
  path: string,
  width: number,
  options: FilterOutput,
): { keys: number; shards: number; fileBytes: number } {
  const fd = openSync(path, 'w');
  try {
    const entries: Buffer[] = [];
    let offset = HEADER_BYTES;
    let bodyCrc = 0;
    let keys = 0;
    let seed = 0x5eed0001;
    const target = Math.ceil(spill.spilled / Math.max(1, Math.ceil(spill.spilled / SHARD_KEYS)));
    const hi = new Uint32Array(target);
    const lo = new Uint32Array(target);
    let n = 0;
    const flush = () => {
      if (n === 0) return;
      seed = (Math.imul(seed, 0x9e3779b1) + 1) >>> 0;
      const shard = buildFuseShard({ hi, lo, n }, width, seed);
      writeSync(fd, shard.fingerprints, 0, shard.fingerprints.length, offset);
      bodyCrc = crc32(shard.fingerprints, bodyCrc);
      const entry = Buffer.alloc(SHARD_ENTRY_BYTES);
      // The first shard starts at key 0, so every key has a shard to ask.
      entry.writeUInt32LE(entries.length === 0 ? 0 : hi[0]!, 0);
      entry.writeUInt32LE(entries.length === 0 ? 0 : lo[0]!, 4);
      entry.writeUInt32LE(shard.seed, 8);
      entry.writeUInt32LE(shard.segmentLength, 12);
      entry.writeUInt32LE(shard.segmentCountLength, 16);
      entry.writeUInt32LE(shard.arrayLength, 20);
      entry.writeDoubleLE(offset, 24);
      entries.push(entry);
      offset += shard.fingerprints.length;
      keys += n;
      n = 0;
    };
    for (let b = 0; b < BUCKETS; b += 1) {
      const pairs = spill.sortedKeys(b);
      for (let i = 0; i < pairs.length; i += 2) {
        lo[n] = pairs[i]!;
        hi[n] = pairs[i + 1]!;
        n += 1;
        if (n === target) flush();
      }
      options.onProgress?.({ phase: 'shards', bucket: b + 1, buckets: BUCKETS, keys: keys + n });
    }
    flush();
    const table = Buffer.concat(entries);
    writeSync(fd, table, 0, table.length, offset);
    const fileBytes = offset + table.length;
    const header = Buffer.alloc(HEADER_BYTES);
    header.write('MXBREACH', 0, 'latin1');
    header.writeUInt32LE(1, 8);
    header.writeUInt32LE(width, 12);
    header.writeUInt32LE(entries.length, 16);
    header.writeUInt32LE(crc32(table), 20);
    header.writeDoubleLE(keys, 24);
    header.writeDoubleLE(options.falsePositiveRate, 32);
    header.writeDoubleLE(offset, 40);
    header.writeDoubleLE(fileBytes, 48);
    header.writeUInt32LE(bodyCrc, 56);
    header.writeUInt32LE(crc32(header.subarray(0, 60)), 60);
    writeSync(fd, header, 0, HEADER_BYTES, 0);
    return { keys, shards: entries.length, fileBytes };
  } finally {
    closeSync(fd);
  }
}
