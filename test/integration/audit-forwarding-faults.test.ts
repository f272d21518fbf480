// Audit forwarding to Debian's rsyslogd when things go wrong: an append that failed after the
// whole record reached the file (a real EFBIG from a file-size limit set on this process) leaves
// no gap in the central copy; a receiver that stops reading (SIGSTOP) is reported behind, by the
// forwarder and by the doctor's check from the files, while memory holds at most the window, and
// the central copy catches up in order and without duplicates once it reads again; and the same
// forwarding works over TLS through rsyslog's own GnuTLS driver.
import { execFileSync } from 'node:child_process';
import { mkdtemp, readFile, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { forwardingCheck, forwardingLag } from '../../electron/services/audit/audit-backlog';
import { auditFiles, verifyAuditChain } from '../../electron/services/audit/audit-chain';
import { AuditSettings } from '../../electron/services/audit/audit-settings';
import { createAuditTrail, type AuditTrail } from '../../electron/services/audit/audit-trail';
import { systemClock } from '../../electron/services/clock';
import { silentLogger } from '../../electron/services/logger';
import { startRsyslog, type RunningRsyslog } from '../support/throwaway-rsyslog';
import { until } from '../support/until';

let plain: RunningRsyslog;
let tls: RunningRsyslog;
beforeAll(async () => {
  [plain, tls] = await Promise.all([startRsyslog(), startRsyslog({ tls: true })]);
});
afterAll(async () => {
  await Promise.all([plain?.stop(), tls?.stop()]);
});

const WRITE_TIMEOUT_MS = 300;
const RETRY_SECONDS = 1;

function trailIn(dir: string, receiver: RunningRsyslog, windowLines = 1000): AuditTrail {
  const syslog = {
    host: '127.0.0.1',
    port: receiver.port,
    retrySeconds: RETRY_SECONDS,
    writeTimeoutMs: WRITE_TIMEOUT_MS,
    windowLines,
    ...(receiver.caFile ? { caFile: receiver.caFile } : {}),
  };
  return createAuditTrail(AuditSettings.parse({ file: join(dir, 'audit.jsonl'), syslog }), {
    clock: systemClock,
    logger: silentLogger,
    kioskId: 'counter-5',
    hostname: 'counter-5.example',
    readTextFile: (path) => execFileSync('cat', [path], { encoding: 'utf8' }),
  });
}

const line = (n: number, pad = 0) =>
  JSON.stringify({
    time: new Date().toISOString(),
    kioskId: 'counter-5',
    action: 'test',
    result: 'ok',
    n,
    note: `中文 ${'x'.repeat(pad)}`,
  });

/** What the receiver got since `before`, and the local trail, as lines. */
async function bothCopies(receiver: RunningRsyslog, before: number, dir: string) {
  const central = (await receiver.received()).slice(before);
  const local = (await Promise.all((await auditFiles(join(dir, 'audit.jsonl')).list()).map((f) => readFile(f, 'utf8'))))
    .join('')
    .trimEnd()
    .split('\n');
  return { central, local };
}

async function verifiesCentrally(dir: string, central: string[]) {
  const file = join(dir, 'central.jsonl');
  await writeFile(file, `${central.join('\n')}\n`);
  return verifyAuditChain([file]);
}

/** RLIMIT_FSIZE on this very process: a write past `bytes` fails with EFBIG, after writing what fits. */
const limitFileSize = (bytes: number | 'unlimited') =>
  execFileSync('prlimit', ['--pid', String(process.pid), `--fsize=${bytes}:unlimited`]);

describe('audit forwarding under faults', () => {
  it('forwards without a gap a line whose append failed after the whole record was in the file', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'mx-audit-efbig-'));
    const before = (await plain.received()).length;
    const trail = trailIn(dir, plain);
    try {
      for (let n = 1; n <= 3; n += 1) await trail.writer(line(n));
      await until(
        'lines 1–3',
        async () => (await bothCopies(plain, before, dir)).central,
        (got) => got.length >= 3,
      );
      const day = (await auditFiles(join(dir, 'audit.jsonl')).list()).at(-1)!;
      // Room for line 4's record exactly: the disk is "full" at its line feed.
      const fourth = line(4);
      const record = JSON.stringify({
        ...(JSON.parse(fourth) as object),
        seq: 4,
        prev: '0'.repeat(64),
        hash: '0'.repeat(64),
      });
      limitFileSize((await stat(day)).size + Buffer.byteLength(record));
      try {
        await expect(trail.writer(fourth)).rejects.toThrow(/EFBIG/);
      } finally {
        limitFileSize('unlimited');
      }
      expect((await readFile(day, 'utf8')).endsWith('}')).toBe(true);
      await trail.writer(line(5));
      const { central } = await until(
        'lines 1–5',
        () => bothCopies(plain, before, dir),
        (got) => got.central.length >= 5,
      );
      const { local } = await bothCopies(plain, before, dir);
      expect(central.map((l) => (JSON.parse(l) as { n: number }).n)).toEqual([1, 2, 3, 4, 5]);
      expect(central).toEqual(local);
      expect(await verifiesCentrally(dir, central)).toEqual({ ok: true, lines: 5 });
    } finally {
      await trail.close();
    }
  });

  it('reports a receiver that stops reading, keeps only the window in memory, and catches up in order without duplicates', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'mx-audit-stall-'));
    const before = (await plain.received()).length;
    const trail = trailIn(dir, plain, 50);
    const files = auditFiles(join(dir, 'audit.jsonl'));
    const total = 450;
    try {
      await trail.writer(line(1));
      await until(
        'line 1',
        async () => (await plain.received()).length - before,
        (n) => n >= 1,
      );
      plain.freeze();
      // About 7 MB: more than the receiver's and this side's socket buffers hold.
      for (let n = 2; n <= total; n += 1) await trail.writer(line(n, 16_000));
      const behind = await until(
        'reported behind',
        async () => trail.forwarder!.status(),
        (s) => s.state === 'behind',
      );
      expect(behind).toMatchObject({ reason: 'not-reading', since: expect.any(String) });
      expect(behind.lines).toBeGreaterThan(0);
      expect(trail.forwarder!.progress().waiting).toBeLessThanOrEqual(50);
      // The doctor and the health view read the same from the files alone.
      const check = await until(
        'the doctor says behind',
        async () => forwardingCheck(await forwardingLag(files), Date.now(), WRITE_TIMEOUT_MS + RETRY_SECONDS * 1000),
        (c) => c.status === 'FAIL',
      );
      expect(check.detail).toMatch(/^forwarding behind by \d+ line\(s\) since \d{4}-\d\d-\d\dT/);

      plain.thaw();
      await until(
        'up to date',
        async () => trail.forwarder!.status(),
        (s) => s.state === 'up-to-date',
        60_000,
      );
      const { central, local } = await until(
        'all lines received',
        () => bothCopies(plain, before, dir),
        (got) => got.central.length >= total,
        30_000,
      );
      await new Promise((resolve) => setTimeout(resolve, 1000)); // a duplicate would arrive by now
      const settled = (await bothCopies(plain, before, dir)).central;
      expect(settled.map((l) => (JSON.parse(l) as { n: number }).n)).toEqual(
        Array.from({ length: total }, (_, i) => i + 1),
      );
      expect(central).toEqual(local);
      expect(await verifiesCentrally(dir, settled)).toEqual({ ok: true, lines: total });
      expect(forwardingCheck(await forwardingLag(files), Date.now(), 0)).toMatchObject({
        status: 'OK',
        detail: 'every line forwarded',
      });
    } finally {
      plain.thaw();
      await trail.close();
    }
  }, 120_000);

  it("forwards over TLS to rsyslog's own GnuTLS driver, through a restart of the receiver", async () => {
    const dir = await mkdtemp(join(tmpdir(), 'mx-audit-gtls-'));
    const before = (await tls.received()).length;
    const trail = trailIn(dir, tls);
    try {
      for (let n = 1; n <= 3; n += 1) await trail.writer(line(n));
      await until(
        'lines 1–3 over TLS',
        async () => (await tls.received()).length - before,
        (n) => n >= 3,
      );
      await tls.stop();
      for (let n = 4; n <= 6; n += 1) await trail.writer(line(n));
      await tls.start();
      const { central, local } = await until(
        'lines 1–6 over TLS',
        () => bothCopies(tls, before, dir),
        (got) => got.central.length >= 6,
      );
      expect(central.map((l) => (JSON.parse(l) as { n: number }).n)).toEqual([1, 2, 3, 4, 5, 6]);
      expect(central).toEqual(local);
      expect(await verifiesCentrally(dir, central)).toEqual({ ok: true, lines: 6 });
    } finally {
      await trail.close();
    }
  });
});
