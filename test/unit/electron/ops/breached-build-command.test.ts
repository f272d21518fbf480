// The breached-build operator command: its progress lines (lines read, rate, time left), its
// summary with the false-positive rate, its usage errors, and the doctor's line for what it wrote.
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { progressLine, runBreachedBuildCommand } from '../../../../electron/ops/breached-build-command';
import { UsageError } from '../../../../electron/ops/operator-command';
import { breachedFilterCheck } from '../../../../electron/services/password/breached-filter-check';
import { captured } from './operator-host';

const dir = mkdtempSync(join(tmpdir(), 'breached-cmd-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('mx-kiosk breached build', () => {
  it('builds from a Pwned Passwords list, printing progress on stderr and the rate it gives', async () => {
    const list = join(dir, 'pwned.txt');
    writeFileSync(
      list,
      Array.from({ length: 5000 }, (_, i) => `${randomBytes(20).toString('hex').toUpperCase()}:${5000 - i}`).join('\n'),
    );
    const { io, out, err } = captured();
    let t = 0;
    // Every reading of the clock is 3 s later: each progress report is due.
    io.now = () => (t += 3000);
    const out1 = join(dir, 'top.mxbf');
    expect(
      await runBreachedBuildCommand(['--from', list, '--out', out1, '--top', '1000', '--false-positive', '0.001'], io),
    ).toBe(0);
    expect(err.some((line) => /^read [\d,]+ lines \(100\.0%\), [\d,]+ lines\/s, about 0 s left$/.test(line))).toBe(
      true,
    );
    expect(err.some((line) => line.startsWith('building shards: '))).toBe(true);
    expect(out[0]).toMatch(/^built from 5,000 lines \(pwned list\) in \d+ (s|min), [\d,]+ lines\/s$/);
    expect(out[1]).toMatch(
      new RegExp(`^wrote ${out1}: 1,000 keys in 1 shard\\(s\\), [\\d,]+ bytes, [\\d.]+ bits per key$`),
    );
    expect(out[2]).toBe(
      'false-positive rate: 1.53e-5 (about 1 in 65,536; asked for at most 0.001): a password that was never in the list is refused that often',
    );
    expect(await breachedFilterCheck(out1)).toEqual({
      status: 'OK',
      name: 'breached-password filter',
      detail: `${out1}: 1,000 breached passwords, false positives about 1 in 65,536`,
    });
  });

  it('estimates the time left from the share of the file read', () => {
    expect(progressLine({ phase: 'read', lines: 2_000_000, bytes: 25, totalBytes: 100 }, 10_000)).toBe(
      'read 2,000,000 lines (25.0%), 200,000 lines/s, about 30 s left',
    );
    expect(progressLine({ phase: 'read', lines: 90_000_000, bytes: 10, totalBytes: 100 }, 600_000)).toBe(
      'read 90,000,000 lines (10.0%), 150,000 lines/s, about 1.5 h left',
    );
  });

  it('refuses a bad command line, and says so when the list is missing', async () => {
    const { io, err } = captured();
    await expect(runBreachedBuildCommand(['--from', 'x'], io)).rejects.toThrow(UsageError);
    await expect(runBreachedBuildCommand(['--from', 'x', '--out', 'y', '--top', '0'], io)).rejects.toThrow(
      '--top must be a whole number of at least 1',
    );
    await expect(runBreachedBuildCommand(['--from', 'x', '--out', 'y', '--false-positive', '2'], io)).rejects.toThrow(
      '--false-positive',
    );
    expect(
      await runBreachedBuildCommand(['--from', join(dir, 'absent.txt'), '--out', join(dir, 'none.mxbf')], io),
    ).toBe(1);
    expect(err).toEqual([`mx-kiosk breached build: no such file: ${join(dir, 'absent.txt')}`]);
  });

  it('gives the doctor a FAIL line saying the kiosk is on zxcvbn alone, and SKIP without any filter', async () => {
    expect(await breachedFilterCheck(join(dir, 'absent.mxbf'))).toEqual({
      status: 'FAIL',
      name: 'breached-password filter',
      detail: `${join(dir, 'absent.mxbf')}: missing (no such file); new passwords are checked by zxcvbn alone`,
    });
    expect((await breachedFilterCheck(null)).status).toBe('SKIP');
  });
});
