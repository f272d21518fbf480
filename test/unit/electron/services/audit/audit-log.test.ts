// The audit trail: one JSON line per event, in order, appended, and never a password.
import { describe, expect, it } from 'vitest';
import { AuditLog } from '../../../../../electron/services/audit/audit-log';

const clock = { now: () => Date.UTC(2026, 10, 22, 8, 0, 0) };

describe('AuditLog', () => {
  it('writes time, kiosk id, staff ID, account, action, result and code as one JSON line', async () => {
    const lines: string[] = [];
    const audit = new AuditLog(async (l) => void lines.push(l), clock, 'counter-1');
    await audit.record({ action: 'create', result: 'ok', staffId: 'z10003', account: 'mzlin2' });
    expect(JSON.parse(lines[0]!)).toEqual({
      time: '2026-11-22T08:00:00.000Z',
      kioskId: 'counter-1',
      action: 'create',
      result: 'ok',
      staffId: 'z10003',
      account: 'mzlin2',
    });
  });

  it('keeps call order even when writes take different times', async () => {
    const lines: string[] = [];
    const audit = new AuditLog(
      async (l) => {
        await new Promise((r) => setTimeout(r, l.includes('"first"') ? 30 : 1));
        lines.push(l);
      },
      clock,
      'k',
    );
    await Promise.all([
      audit.record({ action: 'create', result: 'ok', detail: 'first' }),
      audit.record({ action: 'reset', result: 'ok', detail: 'second' }),
    ]);
    expect(lines.map((l) => JSON.parse(l).detail)).toEqual(['first', 'second']);
  });

  it('redacts a password that reaches it by mistake', async () => {
    const lines: string[] = [];
    const audit = new AuditLog(async (l) => void lines.push(l), clock, 'k');
    await audit.record({
      action: 'create',
      result: 'failed',
      ...({ password: 'Vb7#qLm2!xTr9wKz' } as object),
    } as never);
    expect(lines[0]).not.toContain('Vb7#qLm2');
  });

  it('reports a failed write to the caller and keeps writing later lines', async () => {
    let fail = true;
    const lines: string[] = [];
    const audit = new AuditLog(
      async (l) => {
        if (fail) {
          fail = false;
          throw new Error('disk full');
        }
        lines.push(l);
      },
      clock,
      'k',
    );
    await expect(audit.record({ action: 'create', result: 'ok' })).rejects.toThrow('disk full');
    await audit.record({ action: 'reset', result: 'ok' });
    expect(lines).toHaveLength(1);
  });
});
