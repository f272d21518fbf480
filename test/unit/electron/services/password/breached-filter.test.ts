// The breached-password filter: every key built in is found, the measured false-positive rate on a
// million keys that were not built in stays within the rate asked for, and a truncated, corrupt or
// foreign file is named as such. Lookups here run the same source the password worker evaluates.
import { createHash, randomBytes } from 'node:crypto';
import * as fs from 'node:fs';
import { mkdtempSync, readFileSync, rmSync, truncateSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { crc32 } from 'node:zlib';
import { afterAll, describe, expect, it, vi } from 'vitest';
import {
  buildBreachedFilter,
  fingerprintBytesFor,
} from '../../../../../electron/services/password/breached-filter-builder';
import {
  CheckedBreachedFilter,
  checkFilterFile,
  checkFilterFrame,
} from '../../../../../electron/services/password/breached-filter-check';
import {
  filterHas,
  openFilterLookup,
  passwordKey,
} from '../../../../../electron/services/password/breached-filter-format';
import { createWorkerStrengthRater } from '../../../../../electron/services/password/strength-rater';

const dir = mkdtempSync(join(tmpdir(), 'breached-test-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** n random SHA-1 lines in the Pwned Passwords format, with counts. */
function pwnedList(path: string, n: number): string[] {
  const hashes: string[] = [];
  const lines: string[] = [];
  for (let i = 0; i < n; i += 1) {
    const hash = randomBytes(20).toString('hex').toUpperCase();
    hashes.push(hash);
    lines.push(`${hash}:${1 + (i % 5000)}`);
  }
  writeFileSync(path, `${lines.join('\r\n')}\r\n`);
  return hashes;
}

/** The same reads from the file's bytes in memory: a million lookups in seconds instead of a minute of syscalls. */
function inMemory(bytes: Buffer) {
  return {
    openSync: () => 1,
    fstatSync: () => ({ size: bytes.length }),
    readSync: (_fd: number, into: Uint8Array, at: number, length: number, position: number) =>
      bytes.copy(into, at, position, position + length),
    closeSync: () => undefined,
  };
}

const keyOf = (hash: string): [number, number] => [parseInt(hash.slice(0, 8), 16), parseInt(hash.slice(8, 16), 16)];

describe('breached-password filter', () => {
  const list = join(dir, 'pwned.txt');
  const hashes = pwnedList(list, 300_000);

  it('finds every key it was built from, and keeps false positives within the rate asked for', async () => {
    for (const rate of [0.01, 1e-4]) {
      const out = join(dir, `filter-${rate}.bin`);
      const summary = await buildBreachedFilter({ from: list, out, falsePositiveRate: rate });
      expect(summary).toMatchObject({
        format: 'pwned',
        lines: 300_000,
        keys: 300_000,
        fingerprintBytes: fingerprintBytesFor(rate),
      });
      expect(summary.falsePositiveRate).toBeLessThanOrEqual(rate);
      const onDisk = openFilterLookup(fs, crc32, out);
      expect(hashes.slice(0, 20_000).filter((h) => !filterHas(onDisk, ...keyOf(h)))).toEqual([]);
      fs.closeSync(onDisk.fd);
      const lookup = openFilterLookup(inMemory(readFileSync(out)), crc32, out);
      {
        const missed = hashes.filter((h) => !filterHas(lookup, ...keyOf(h)));
        expect(missed).toEqual([]);
        let positives = 0;
        const random = new Uint32Array(randomBytes(8 * 1_000_000).buffer);
        for (let i = 0; i < 1_000_000; i += 1)
          if (filterHas(lookup, random[2 * i]!, random[2 * i + 1]!)) positives += 1;
        expect(positives / 1_000_000).toBeLessThanOrEqual(rate);
        // And not suspiciously low: the fingerprints do the work, within 4 standard deviations.
        const expected = 1_000_000 * summary.falsePositiveRate;
        expect(Math.abs(positives - expected)).toBeLessThanOrEqual(4 * Math.sqrt(expected) + 2);
      }
    }
  }, 120_000);

  it('builds from a plain list the same keys as from its hashes, and --top keeps the most frequent', async () => {
    const plain = join(dir, 'plain.txt');
    const passwords = Array.from({ length: 2000 }, (_, i) => `plain-list-${i}-${randomBytes(4).toString('hex')}`);
    writeFileSync(plain, `${passwords.join('\n')}\n`);
    const out = join(dir, 'plain.bin');
    const summary = await buildBreachedFilter({ from: plain, out, falsePositiveRate: 1e-6, top: 1000 });
    expect(summary).toMatchObject({ format: 'plain', keys: 1000 });
    const lookup = openFilterLookup(fs, crc32, out);
    const sha = (p: string) => keyOf(createHash('sha1').update(p).digest('hex'));
    expect(passwords.slice(0, 1000).filter((p) => !filterHas(lookup, ...sha(p)))).toEqual([]);
    expect(passwords.slice(1000).filter((p) => filterHas(lookup, ...sha(p)))).toEqual([]);
    expect(passwordKey(await import('node:crypto'), passwords[0]!)).toEqual(sha(passwords[0]!));
    fs.closeSync(lookup.fd);

    // Counts decide with --top on a hash list in any order: the 3 largest of 6.
    const counted = join(dir, 'counted.txt');
    const six = Array.from({ length: 6 }, () => randomBytes(20).toString('hex').toUpperCase());
    writeFileSync(counted, six.map((h, i) => `${h}:${[5, 900, 7, 800, 1, 700][i]}`).join('\n'));
    await buildBreachedFilter({ from: counted, out, falsePositiveRate: 2 ** -32, top: 3 });
    const top = openFilterLookup(fs, crc32, out);
    expect(six.map((h) => filterHas(top, ...keyOf(h)))).toEqual([false, true, false, true, false, true]);
    fs.closeSync(top.fd);
  }, 60_000);

  it('names a truncated, corrupt, foreign or missing file', async () => {
    const good = join(dir, 'good.bin');
    await buildBreachedFilter({ from: list, out: good, falsePositiveRate: 1e-4 });
    const bytes = readFileSync(good);
    const variant = (name: string, data: Uint8Array) => {
      const path = join(dir, name);
      writeFileSync(path, data);
      return path;
    };
    expect((await checkFilterFile(good)).ok).toBe(true);
    const truncated = variant('truncated.bin', bytes);
    truncateSync(truncated, bytes.length - 1000);
    expect(checkFilterFrame(truncated)).toMatchObject({ ok: false, problem: expect.stringMatching(/^truncated/) });
    const flipped = Buffer.from(bytes);
    flipped.writeUInt8(flipped.readUInt8(5000) ^ 0x10, 5000);
    const corrupt = variant('corrupt.bin', flipped);
    expect(checkFilterFrame(corrupt).ok).toBe(true); // the frame holds; only the full check reads the fingerprints
    expect(await checkFilterFile(corrupt)).toMatchObject({
      ok: false,
      problem: expect.stringMatching(/checksum does not match/),
    });
    const header = Buffer.from(bytes);
    header.writeUInt8(header.readUInt8(30) ^ 0x01, 30);
    expect(checkFilterFrame(variant('header.bin', header))).toMatchObject({
      ok: false,
      problem: expect.stringMatching(/header checksum/),
    });
    const table = Buffer.from(bytes);
    table.writeUInt8(table.readUInt8(table.length - 3) ^ 0x01, table.length - 3);
    expect(checkFilterFrame(variant('table.bin', table))).toMatchObject({
      ok: false,
      problem: expect.stringMatching(/table checksum/),
    });
    expect(checkFilterFrame(list)).toMatchObject({
      ok: false,
      problem: expect.stringMatching(/not a breached-password filter/),
    });
    expect(checkFilterFrame(join(dir, 'absent.bin'))).toMatchObject({ ok: false, problem: 'missing (no such file)' });

    // At start-up a corrupt body is used only until the full check finds it, then dropped with one error line.
    const errors: string[] = [];
    const logger = {
      debug: () => undefined,
      info: () => undefined,
      warn: () => undefined,
      error: (_: string, fields?: Record<string, unknown>) => void errors.push(String(fields?.detail)),
    };
    const started = new CheckedBreachedFilter(corrupt, logger);
    expect(started.current()).toBe(corrupt);
    await vi.waitFor(() => expect(started.current()).toBeNull());
    expect(errors).toEqual([
      `${corrupt}: fingerprint checksum does not match (corrupt file); new passwords are checked by zxcvbn alone`,
    ]);
    expect(new CheckedBreachedFilter(good, logger).current()).toBe(good);
  }, 60_000);

  it('answers in the password worker, from the same lookup source', async () => {
    const plain = join(dir, 'worker.txt');
    writeFileSync(plain, 'Correct-Horse-Battery-9\nanother one\n');
    const out = join(dir, 'worker.bin');
    await buildBreachedFilter({ from: plain, out, falsePositiveRate: 2 ** -32 });
    let path: string | null = out;
    const rater = createWorkerStrengthRater({ filter: { current: () => path } });
    try {
      expect(await rater.breached('Correct-Horse-Battery-9')).toBe(true);
      expect(await rater.breached('Correct-Horse-Battery-8')).toBe(false);
      path = null; // an unusable filter: zxcvbn alone
      expect(await rater.breached('Correct-Horse-Battery-9')).toBe(false);
      expect(await rater.score('Correct-Horse-Battery-9', [])).toBeGreaterThanOrEqual(3);
    } finally {
      await rater.close();
    }
  }, 60_000);
});
