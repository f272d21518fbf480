// What syncing the audit trail and the used-token journal costs a person at the counter, on one
// real slapd: a whole creation (sign-in with its used-token line, both consents, the names, the
// creation) and then a reset of that account, each timed on a kiosk whose trail and journal are
// synced (the shipped writers) and on one whose writers only hand the bytes to the OS, sides
// alternated A B A B in one run. Both write to the same disk, in fresh folders. A second,
// alternated pair times the writes alone: one creation's audit lines and used-token line, without
// the directory, whose own time hides a few milliseconds on a busy machine.
// Run: npx tsx bench/durability.bench.ts [--samples 100]
import { createHash } from 'node:crypto';
import { mkdtemp, rm } from 'node:fs/promises';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { startSlapd } from '../dev/slapd/throwaway-slapd';
import { UsedTokenJournal } from '../electron/services/ais/used-token-journal';
import { chainedAuditWriter } from '../electron/services/audit/audit-chain';
import type { AuditWriter } from '../electron/services/audit/audit-log';
import { systemClock } from '../electron/services/clock';
import { backendOn, signIn, STRONG_PASSWORD } from '../test/support/kiosk-people';
import { ms, percentile, timed } from './bench-support';

const { values } = parseArgs({ options: { samples: { type: 'string', default: '100' } } });
const RUNS = Number(values.samples);
if (!Number.isInteger(RUNS) || RUNS < 1)
  throw new Error(`--samples must be a positive whole number, not ${values.samples}`);
const WARM_UP = 3;
const SECOND_PASSWORD = 'Qz4!mWp8#Lr2vKx6';
const slapd = await startSlapd();
const dir = await mkdtemp(join(tmpdir(), 'mx-kiosk-bench-durability-'));

function side(name: 'synced' | 'unsynced') {
  const sync = name === 'synced';
  const counted = { lines: 0 };
  const writer = chainedAuditWriter(join(dir, name, 'audit.jsonl'), systemClock, undefined, { sync });
  const auditWriter: AuditWriter = async (line) => {
    counted.lines += 1;
    await writer(line);
  };
  const backend = backendOn(slapd, {
    auditWriter,
    usedTokens: new UsedTokenJournal(join(dir, name, 'used-tokens'), Date.now(), { sync }),
  });
  return {
    name,
    backend,
    counted,
    creation: [] as number[],
    reset: [] as number[],
    linesPerCreation: 0,
    linesPerReset: 0,
  };
}

const sides = [side('synced'), side('unsynced')];
let loads = 0;
try {
  for (let i = 0; i < RUNS + WARM_UP; i += 1) {
    for (const [k, s] of sides.entries()) {
      const who = {
        id: `z9${k}${String(i).padStart(4, '0')}`,
        name_en: `DURABLE,USER-${String.fromCharCode(97 + (i % 26))}${String.fromCharCode(97 + (Math.floor(i / 26) % 26))}${'ab'[k]}`,
      };
      let account = '';
      const before = s.counted.lines;
      const creation = await timed(async () => {
        const session = await signIn(s.backend, who);
        const [name] = await s.backend.creation.candidates(session);
        account = name!;
        await s.backend.creation.create(
          session,
          { account, password: STRONG_PASSWORD, confirm: STRONG_PASSWORD },
          '127.0.0.1',
        );
      });
      const afterCreation = s.counted.lines;
      const reset = await timed(async () => {
        const session = await signIn(s.backend, who, 'reset');
        await s.backend.reset.resetPassword(session, { password: SECOND_PASSWORD, confirm: SECOND_PASSWORD });
      });
      if (i < WARM_UP) continue;
      s.creation.push(creation);
      s.reset.push(reset);
      s.linesPerCreation = afterCreation - before;
      s.linesPerReset = s.counted.lines - afterCreation;
    }
    loads += loadavg()[0]!;
  }
  // The writes alone, the same count as one creation makes, many more samples (they are cheap).
  const WRITES = RUNS * 10;
  const alone = sides.map((s) => ({
    s,
    audit: chainedAuditWriter(join(dir, `${s.name}-alone`, 'audit.jsonl'), systemClock, undefined, {
      sync: s.name === 'synced',
    }),
    journal: new UsedTokenJournal(join(dir, `${s.name}-alone`, 'used-tokens'), Date.now(), {
      sync: s.name === 'synced',
    }),
    times: [] as number[],
  }));
  for (let i = 0; i < WRITES; i += 1) {
    for (const a of alone) {
      const took = await timed(async () => {
        a.journal.add(createHash('sha256').update(`${a.s.name}${i}`).digest('hex'), Date.now() + 120_000);
        for (let n = 0; n < a.s.linesPerCreation; n += 1)
          await a.audit(
            JSON.stringify({ time: new Date().toISOString(), kioskId: 'bench', action: 'create', result: 'ok', n }),
          );
      });
      a.times.push(took);
    }
  }
  const [synced, unsynced] = sides;
  console.log(
    `samples per side: ${RUNS} (after ${WARM_UP} warm-up), alternated; load average (1 min) ${(loads / (RUNS + WARM_UP)).toFixed(2)}`,
  );
  console.log(
    `audit lines per creation ${synced!.linesPerCreation} (+1 used-token line), per reset ${synced!.linesPerReset} (+1 used-token line)`,
  );
  console.log('| | synced p50 | synced p95 | unsynced p50 | unsynced p95 | ratio p50 | ratio p95 |');
  console.log('|---|---|---|---|---|---|---|');
  for (const what of ['creation', 'reset'] as const) {
    const [a50, a95, b50, b95] = [
      percentile(synced![what], 50),
      percentile(synced![what], 95),
      percentile(unsynced![what], 50),
      percentile(unsynced![what], 95),
    ];
    console.log(
      `| ${what} (ms) | ${ms(a50)} | ${ms(a95)} | ${ms(b50)} | ${ms(b95)} | ${(a50 / b50).toFixed(2)} | ${(a95 / b95).toFixed(2)} |`,
    );
  }
  const [a, b] = alone.map((x) => x.times);
  const row = [percentile(a!, 50), percentile(a!, 95), percentile(b!, 50), percentile(b!, 95)];
  console.log(
    `| one creation's writes alone, ${WRITES} samples (ms) | ${row.map((v) => v.toFixed(2)).join(' | ')} | ${(row[0]! / row[2]!).toFixed(2)} | ${(row[1]! / row[3]!).toFixed(2)} |`,
  );
} finally {
  await Promise.all(sides.map((s) => s.backend.close()));
  await slapd.stop();
  await rm(dir, { recursive: true, force: true });
}
