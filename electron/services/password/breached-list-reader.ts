// Reads a breached-password list as a stream of keys: Pwned Passwords' SHA-1 lines (`HASH:COUNT`,
// sorted by hash or by count) or a plain list of passwords, one a line. The bytes are parsed in
// place, chunk by chunk, so a 40 GB list costs a chunk of memory, not its size.
import { createHash } from 'node:crypto';
import { createReadStream } from 'node:fs';

export type ListFormat = 'pwned' | 'plain';

/** One entry: the key's halves, and its count (-1 where the list has none). */
export type KeySink = (hi: number, lo: number, count: number) => boolean | void;

const HEX = new Int8Array(256).fill(-1);
for (let i = 0; i < 10; i += 1) HEX[48 + i] = i;
for (let i = 0; i < 6; i += 1) {
  HEX[65 + i] = 10 + i;
  HEX[97 + i] = 10 + i;
}

/** 40 hex digits, then nothing, or `:` and digits (a carriage return is allowed at the end). */
function hexKey(line: Uint8Array, out: Float64Array): boolean {
  let end = line.length;
  if (end > 0 && line[end - 1] === 13) end -= 1;
  if (end < 40 || (end > 40 && line[40] !== 58)) return false;
  let hi = 0;
  let lo = 0;
  for (let i = 0; i < 40; i += 1) {
    const d = HEX[line[i]!]!;
    if (d < 0) return false;
    if (i < 8) hi = hi * 16 + d;
    else if (i < 16) lo = lo * 16 + d;
  }
  let count = -1;
  if (end > 41) {
    count = 0;
    for (let i = 41; i < end; i += 1) {
      const d = line[i]! - 48;
      if (d < 0 || d > 9) return false;
      count = count * 10 + d;
    }
  }
  out[0] = hi;
  out[1] = lo;
  out[2] = count;
  return true;
}

/** The format of a list, from its first non-empty line. */
export function detectFormat(firstLine: Uint8Array): ListFormat {
  return hexKey(firstLine, new Float64Array(3)) ? 'pwned' : 'plain';
}

export interface ReadProgress {
  lines: number;
  bytes: number;
}

/**
 * Calls sink for every entry; a sink returning false stops the read (--top on a list without
 * counts). Lines that are not entries of the format (blank, or a malformed hash) are counted.
 */
export async function readBreachedList(
  path: string,
  format: ListFormat | 'auto',
  sink: KeySink,
  onProgress?: (p: ReadProgress) => void,
): Promise<{ format: ListFormat; lines: number; skipped: number }> {
  let chosen: ListFormat | null = format === 'auto' ? null : format;
  const parsed = new Float64Array(3);
  let carry: Buffer | null = null;
  let lines = 0;
  let skipped = 0;
  let bytes = 0;
  let stopped = false;
  const take = (line: Buffer): void => {
    lines += 1;
    const text = line.length > 0 && line[line.length - 1] === 13 ? line.subarray(0, line.length - 1) : line;
    if (text.length === 0) return void (skipped += 1);
    chosen ??= detectFormat(text);
    if (chosen === 'pwned') {
      if (!hexKey(text, parsed)) return void (skipped += 1);
      if (sink(parsed[0]!, parsed[1]!, parsed[2]!) === false) stopped = true;
      return;
    }
    const digest = createHash('sha1').update(text).digest();
    if (sink(digest.readUInt32BE(0), digest.readUInt32BE(4), -1) === false) stopped = true;
  };
  const stream = createReadStream(path, { highWaterMark: 1 << 20 });
  for await (const chunk of stream as AsyncIterable<Buffer>) {
    bytes += chunk.length;
    let start = 0;
    let data = chunk;
    if (carry) {
      data = Buffer.concat([carry, chunk]);
      carry = null;
    }
    for (let nl = data.indexOf(10, start); nl >= 0 && !stopped; nl = data.indexOf(10, start)) {
      take(data.subarray(start, nl));
      start = nl + 1;
    }
    if (stopped) break;
    if (start < data.length) carry = Buffer.from(data.subarray(start));
    onProgress?.({ lines, bytes });
  }
  stream.destroy();
  if (carry && !stopped) take(carry);
  onProgress?.({ lines, bytes });
  return { format: chosen ?? 'plain', lines, skipped };
}
