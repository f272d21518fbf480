// The hash-chained audit trail: every kind of tampering is found and the first bad line named.
import { appendFile, mkdir, mkdtemp, readFile, readdir, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { auditFiles, chainedAuditWriter, verifyAuditChain } from '../../../../../electron/services/audit/audit-chain';
import { AuditLog } from '../../../../../electron/services/audit/audit-log';

const DAY = 86_400_000;
let dir: string;
let base: string;

/** Writes `perDay` lines on each of `days` days, through the real AuditLog and chained writer. */
async function writeTrail(days: number, perDay: number) {
  const clock = {
    t: Date.UTC(2026, 10, 20, 8),
    now() {
      return this.t;
    },
  };
  const audit = new AuditLog(chainedAuditWriter(base, clock), clock, 'counter-1');
  for (let d = 0; d < days; d += 1) {
    for (let i = 0; i < perDay; i += 1)
      await audit.record({ action: 'create', result: 'ok', staffId: `z${d}${i}`, account: `user${d}${i}` });
    clock.t += DAY;
  }
  return auditFiles(base);
}

async function verifyAll() {
  const files = auditFiles(base);
  return verifyAuditChain(await files.list(), files.headFile);
}

async function rewrite(file: string, change: (lines: string[]) => string[]) {
  const lines = (await readFile(file, 'utf8')).trimEnd().split('\n');
  await writeFile(file, `${change(lines).join('\n')}\n`);
}

beforeEach(async () => {
  dir = await mkdtemp(join(tmpdir(), 'mx-audit-'));
  base = join(dir, 'audit.jsonl');
});

describe('hash-chained audit', () => {
  it('rotates daily and keeps one chain across the files', async () => {
    const files = await writeTrail(3, 4);
    expect((await readdir(dir)).sort()).toEqual([
      'audit-2026-11-20.jsonl',
      'audit-2026-11-21.jsonl',
      'audit-2026-11-22.jsonl',
      'audit.head',
    ]);
    expect(await verifyAll()).toEqual({ ok: true, lines: 12 });
    const second = (await readFile((await files.list())[1]!, 'utf8')).split('\n')[0]!;
    expect(JSON.parse(second)).toMatchObject({ seq: 5, staffId: 'z10' });
  });

  it('finds an edited line', async () => {
    const files = await writeTrail(2, 3);
    await rewrite((await files.list())[0]!, (l) =>
      l.map((line, i) => (i === 1 ? line.replace('"result":"ok"', '"result":"refused"') : line)),
    );
    expect(await verifyAll()).toMatchObject({ ok: false, line: 2, reason: expect.stringContaining('edited') });
  });

  it('finds a deleted line', async () => {
    const files = await writeTrail(1, 5);
    await rewrite((await files.list())[0]!, (l) => l.filter((_, i) => i !== 2));
    expect(await verifyAll()).toMatchObject({ ok: false, line: 3, reason: expect.stringContaining('deleted') });
  });

  it('finds reordered lines', async () => {
    const files = await writeTrail(1, 5);
    await rewrite((await files.list())[0]!, (l) => [l[0]!, l[2]!, l[1]!, l[3]!, l[4]!]);
    expect(await verifyAll()).toMatchObject({ ok: false, line: 2 });
  });

  it('finds lines cut off the end, through the head', async () => {
    const files = await writeTrail(2, 3);
    await rewrite((await files.list())[1]!, (l) => l.slice(0, 1));
    expect(await verifyAll()).toMatchObject({ ok: false, line: 2, reason: expect.stringContaining('cut off') });
  });

  it('finds a whole day removed from the middle', async () => {
    const files = await writeTrail(3, 2);
    const [first, , third] = await files.list();
    expect(await verifyAuditChain([first!, third!])).toMatchObject({ ok: false, file: third, line: 1 });
  });

  it('continues the chain when the kiosk restarts', async () => {
    await writeTrail(1, 2);
    const clock = { now: () => Date.UTC(2026, 10, 20, 12) };
    await new AuditLog(chainedAuditWriter(base, clock), clock, 'counter-1').record({ action: 'reset', result: 'ok' });
    expect(await verifyAll()).toEqual({ ok: true, lines: 3 });
  });

  it('finds a head that names a line the trail does not have', async () => {
    const files = await writeTrail(1, 3);
    await writeFile(files.headFile, JSON.stringify({ seq: 2, hash: 'f'.repeat(64) }));
    expect(await verifyAll()).toMatchObject({ ok: false, reason: expect.stringContaining('head records line 2') });
  });
});

describe('hash-chained audit under write faults', () => {
  const seqs = async (file: string) =>
    (await readFile(file, 'utf8'))
      .trimEnd()
      .split('\n')
      .map((l) => (JSON.parse(l) as { seq: number }).seq);

  it('a head file that cannot be rewritten: the line still counts, and the next never repeats its number', async () => {
    const clock = { now: () => Date.UTC(2026, 10, 20, 8) };
    const audit = new AuditLog(chainedAuditWriter(base, clock), clock, 'counter-1');
    const files = auditFiles(base);
    await audit.record({ action: 'create', result: 'ok', staffId: 'z1' });
    // The head's path turns into something that cannot be written (as a full disk would refuse it).
    await rm(files.headFile);
    await mkdir(files.headFile);
    await audit.record({ action: 'create', result: 'ok', staffId: 'z2' });
    await audit.record({ action: 'create', result: 'ok', staffId: 'z3' });
    await rm(files.headFile, { recursive: true });
    await audit.record({ action: 'create', result: 'ok', staffId: 'z4' });
    expect(await seqs(files.dailyFile(clock.now()))).toEqual([1, 2, 3, 4]);
    expect(await verifyAll()).toEqual({ ok: true, lines: 4 });
  });

  it('a restart after a line whose head was not rewritten continues after that line', async () => {
    const files = await writeTrail(1, 2);
    const lagging = await readFile(files.headFile, 'utf8');
    const day = (await files.list())[0]!;
    const restarted = { now: () => Date.UTC(2026, 10, 20, 12) };
    await new AuditLog(chainedAuditWriter(base, restarted), restarted, 'counter-1').record({
      action: 'reset',
      result: 'ok',
    });
    await writeFile(files.headFile, lagging); // as if the head's rewrite had failed after line 3
    expect(await verifyAll()).toEqual({ ok: true, lines: 3 });
    await new AuditLog(chainedAuditWriter(base, restarted), restarted, 'counter-1').record({
      action: 'reset',
      result: 'ok',
    });
    expect(await seqs(day)).toEqual([1, 2, 3, 4]);
    expect(await verifyAll()).toEqual({ ok: true, lines: 4 });
  });

  it('a line torn by a crash is cut off, and the chain goes on from the last whole line', async () => {
    const files = await writeTrail(1, 2);
    const day = (await files.list())[0]!;
    await appendFile(day, '{"time":"2026-11-20T09:00:00.000Z","kioskId":"coun');
    const restarted = { now: () => Date.UTC(2026, 10, 20, 12) };
    await new AuditLog(chainedAuditWriter(base, restarted), restarted, 'counter-1').record({
      action: 'reset',
      result: 'ok',
    });
    expect(await seqs(day)).toEqual([1, 2, 3]);
    expect(await verifyAll()).toEqual({ ok: true, lines: 3 });
  });

  it('an append that fails is reported, and the next line takes its number', async () => {
    const day = {
      t: Date.UTC(2026, 10, 20, 8),
      now() {
        return this.t;
      },
    };
    const audit = new AuditLog(chainedAuditWriter(base, day), day, 'counter-1');
    const files = auditFiles(base);
    await audit.record({ action: 'create', result: 'ok', staffId: 'z1' });
    // Past midnight the writer appends to a new file, whose path here cannot take an append.
    day.t += DAY;
    await mkdir(files.dailyFile(day.t));
    await expect(audit.record({ action: 'create', result: 'ok', staffId: 'z2' })).rejects.toThrow(/EISDIR/);
    await rm(files.dailyFile(day.t), { recursive: true });
    await audit.record({ action: 'create', result: 'ok', staffId: 'z2' });
    expect(await seqs(files.dailyFile(day.t))).toEqual([2]);
    expect(await verifyAll()).toEqual({ ok: true, lines: 2 });
  });

  it('a restart after several lines whose head was not rewritten continues after the last of them', async () => {
    const clock = { now: () => Date.UTC(2026, 10, 20, 8) };
    const files = auditFiles(base);
    const audit = new AuditLog(chainedAuditWriter(base, clock), clock, 'counter-1');
    await audit.record({ action: 'create', result: 'ok', staffId: 'z1' });
    const lagging = await readFile(files.headFile, 'utf8');
    await audit.record({ action: 'create', result: 'ok', staffId: 'z2' });
    await audit.record({ action: 'create', result: 'ok', staffId: 'z3' });
    await writeFile(files.headFile, lagging); // as if both later head rewrites had failed
    await new AuditLog(chainedAuditWriter(base, clock), clock, 'counter-1').record({ action: 'reset', result: 'ok' });
    expect(await seqs(files.dailyFile(clock.now()))).toEqual([1, 2, 3, 4]);
    expect(await verifyAll()).toEqual({ ok: true, lines: 4 });
  });

  it('a last line edited into something that is no record does not stop the trail, and verify names it', async () => {
    const files = await writeTrail(1, 2);
    const day = (await files.list())[0]!;
    await appendFile(day, 'garbage written by hand\n');
    const restarted = { now: () => Date.UTC(2026, 10, 20, 12) };
    await new AuditLog(chainedAuditWriter(base, restarted), restarted, 'counter-1').record({
      action: 'reset',
      result: 'ok',
    });
    expect(await verifyAll()).toMatchObject({ ok: false, line: 3, reason: expect.stringContaining('not a JSON line') });
    const last = JSON.parse((await readFile(day, 'utf8')).trimEnd().split('\n').at(-1)!) as { seq: number };
    expect(last.seq).toBe(3);
  });

  it('verify calls a torn last line unfinished, not edited', async () => {
    const files = await writeTrail(1, 2);
    await appendFile((await files.list())[0]!, '{"time":"2026-11-20T09:00');
    expect(await verifyAll()).toMatchObject({
      ok: false,
      line: 3,
      reason: expect.stringContaining('unfinished last line'),
    });
  });

  it('resumes from the day before when the newest daily file holds only a torn line, and cuts that line', async () => {
    const files = await writeTrail(1, 2);
    const nextDay = Date.UTC(2026, 10, 21, 0, 0, 1);
    // Just past midnight, a crash tore the new day's first line: its file holds nothing whole.
    await appendFile(files.dailyFile(nextDay), '{"time":"2026-11-21T00:00:00.500Z","kio');
    // And the head was lost with it: the trail alone says where the chain ends.
    await rm(files.headFile);
    const restarted = { now: () => nextDay + 5000 };
    await new AuditLog(chainedAuditWriter(base, restarted), restarted, 'counter-1').record({
      action: 'reset',
      result: 'ok',
    });
    expect(await seqs(files.dailyFile(nextDay))).toEqual([3]);
    expect(await verifyAll()).toEqual({ ok: true, lines: 3 });
  });

  it("cuts a line torn at the end of yesterday's file before today's first line", async () => {
    const files = await writeTrail(1, 2);
    const day = (await files.list())[0]!;
    await appendFile(day, '{"time":"2026-11-20T23:59:59.900Z","kioskId":"coun');
    const restarted = { now: () => Date.UTC(2026, 10, 21, 8) };
    await new AuditLog(chainedAuditWriter(base, restarted), restarted, 'counter-1').record({
      action: 'reset',
      result: 'ok',
    });
    expect(await seqs(day)).toEqual([1, 2]);
    expect(await seqs(files.dailyFile(restarted.now()))).toEqual([3]);
    expect(await verifyAll()).toEqual({ ok: true, lines: 3 });
  });
});
