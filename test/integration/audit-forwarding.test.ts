// The audit trail forwarded to a real syslog receiver (Debian's rsyslogd on loopback): lines
// arrive in order, as RFC 5424 messages whose MSG is the chained line itself; while the receiver
// is down they wait in the audit files, across a kiosk restart, and arrive once it is back,
// each exactly once, so the central copy verifies as a chain.
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { auditFiles, verifyAuditChain } from '../../electron/services/audit/audit-chain';
import { AuditSettings } from '../../electron/services/audit/audit-settings';
import { createAuditTrail, type AuditTrail } from '../../electron/services/audit/audit-trail';
import { systemClock } from '../../electron/services/clock';
import { silentLogger } from '../../electron/services/logger';
import { startRsyslog, type RunningRsyslog } from '../support/throwaway-rsyslog';
import { until } from '../support/until';

let receiver: RunningRsyslog;
beforeAll(async () => {
  receiver = await startRsyslog();
});
afterAll(async () => {
  await receiver?.stop();
});

function trailIn(dir: string): AuditTrail {
  const settings = AuditSettings.parse({
    file: join(dir, 'audit.jsonl'),
    syslog: { host: '127.0.0.1', port: receiver.port, retrySeconds: 1 },
  });
  return createAuditTrail(settings, {
    clock: systemClock,
    logger: silentLogger,
    kioskId: 'counter-9',
    hostname: 'counter-9.example',
    readTextFile: () => '',
  });
}

const line = (n: number) =>
  JSON.stringify({
    time: new Date().toISOString(),
    kiosk: 'counter-9',
    action: 'test',
    result: 'ok',
    n,
    note: '中文 "quoted" ]',
  });

describe('audit forwarding to rsyslog', () => {
  it('delivers every line once and in order, through a receiver outage and a kiosk restart', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'mx-audit-fwd-'));
    const before = (await receiver.received()).length;
    const received = async () => (await receiver.received()).slice(before);

    // Receiver up: lines 1–5 arrive as they are written.
    let trail = trailIn(dir);
    for (let n = 1; n <= 5; n += 1) await trail.writer(line(n));
    await until('lines 1–5', received, (lines) => lines.length >= 5);

    // Receiver down: lines 6–8 wait in the audit files.
    await receiver.stop();
    for (let n = 6; n <= 8; n += 1) await trail.writer(line(n));
    await new Promise((resolve) => setTimeout(resolve, 300));
    expect(trail.forwarder!.progress()).toEqual({ forwardedSeq: 5, waiting: 3 });

    // The kiosk restarts while the receiver is still down, and writes 9–10.
    await trail.close();
    trail = trailIn(dir);
    for (let n = 9; n <= 10; n += 1) await trail.writer(line(n));

    // Receiver back: 6–10 arrive after 1–5, none twice.
    await receiver.start();
    const lines = await until('lines 1–10', received, (got) => got.length >= 10);
    await new Promise((resolve) => setTimeout(resolve, 1500)); // a duplicate would arrive by now
    const all = await received();
    await trail.close();

    expect(all.map((l) => (JSON.parse(l) as { n: number }).n)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
    // Byte for byte what the counter's own file holds, so the central copy verifies as a chain.
    const local = (
      await Promise.all((await auditFiles(join(dir, 'audit.jsonl')).list()).map((f) => readFile(f, 'utf8')))
    )
      .join('')
      .trimEnd()
      .split('\n');
    expect(all).toEqual(local);
    const central = join(dir, 'central.jsonl');
    await writeFile(central, `${lines.slice(0, 10).join('\n')}\n`);
    expect(await verifyAuditChain([central])).toEqual({ ok: true, lines: 10 });
    expect(JSON.parse(await readFile(auditFiles(join(dir, 'audit.jsonl')).forwardedFile, 'utf8'))).toMatchObject({
      seq: 10,
    });
  });

  it('forwards nothing when syslog is not configured', () => {
    const trail = createAuditTrail(AuditSettings.parse({ file: join(tmpdir(), 'unused', 'audit.jsonl') }), {
      clock: systemClock,
      logger: silentLogger,
      kioskId: 'k',
      hostname: 'h',
      readTextFile: () => '',
    });
    expect(trail.forwarder).toBeNull();
  });
});
