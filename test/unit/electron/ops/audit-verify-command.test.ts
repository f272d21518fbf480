// The audit-verify operator command: its lines and exit codes, over a trail the real writer made.
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { beforeEach, describe, expect, it } from 'vitest';
import { runAuditVerifyCommand } from '../../../../electron/ops/audit-verify-command';
import { UsageError } from '../../../../electron/ops/operator-command';
import { auditFiles, chainedAuditWriter } from '../../../../electron/services/audit/audit-chain';
import { AuditLog } from '../../../../electron/services/audit/audit-log';
import { captured } from './operator-host';

const DAY = 86_400_000;
let base: string;

beforeEach(async () => {
  base = join(await mkdtemp(join(tmpdir(), 'mx-audit-verify-')), 'audit.jsonl');
});

/** Two lines on each of two days, through the real AuditLog and chained writer. */
async function writeTwoDays() {
  const clock = {
    t: Date.UTC(2026, 10, 20, 8),
    now() {
      return this.t;
    },
  };
  const audit = new AuditLog(chainedAuditWriter(base, clock), clock, 'counter-1');
  for (let d = 0; d < 2; d += 1) {
    for (let i = 0; i < 2; i += 1)
      await audit.record({ action: 'create', result: 'ok', staffId: `z${d}${i}`, account: `user${d}${i}` });
    clock.t += DAY;
  }
  return auditFiles(base).list();
}

describe('audit verify', () => {
  it('prints OK with the line count for the configured audit.file, and exits 0', async () => {
    await writeTwoDays();
    const { io, out } = captured();
    expect(await runAuditVerifyCommand([base], io)).toBe(0);
    expect(out).toEqual(['OK  4 lines in 2 file(s), chain intact']);
  });

  it('prints BAD with the first edited line, and exits 1', async () => {
    const [first] = await writeTwoDays();
    const lines = (await readFile(first!, 'utf8')).trimEnd().split('\n');
    await writeFile(first!, `${[lines[0]!.replace('z00', 'z99'), lines[1]!].join('\n')}\n`);
    const { io, out } = captured();
    expect(await runAuditVerifyCommand([first!], io)).toBe(1);
    expect(out).toEqual([`BAD  ${first}:1  its content does not match its hash (edited)`]);
  });

  it('exits 2 for a file that does not exist', async () => {
    const missing = join(dirname(base), 'audit-2026-01-01.jsonl');
    const { io, err } = captured();
    expect(await runAuditVerifyCommand([missing], io)).toBe(2);
    expect(err).toEqual([`no such file: ${missing}`]);
  });

  it('refuses to run without a PATH', async () => {
    await expect(runAuditVerifyCommand([], captured().io)).rejects.toBeInstanceOf(UsageError);
  });
});
