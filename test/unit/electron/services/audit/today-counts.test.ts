// Today's counts: seeded from today's audit file, counted on, and emptied when the UTC day turns.
import { describe, expect, it } from 'vitest';
import { TodayCounts, todayCountsFromAuditFile } from '../../../../../electron/services/audit/today-counts';

const at = (iso: string) => ({ now: () => Date.parse(iso) });
const line = (time: string, action: string, result: string) => JSON.stringify({ time, action, result, seq: 1 });

describe('TodayCounts', () => {
  it('counts only today’s lines from a file, and skips a torn last line', () => {
    let now = Date.parse('2026-12-02T23:59:00Z');
    const counts = new TodayCounts({ now: () => now });
    counts.seed(
      [
        line('2026-12-01T23:00:00Z', 'create', 'ok'),
        line('2026-12-02T01:00:00Z', 'create', 'ok'),
        line('2026-12-02T02:00:00Z', 'create', 'ok'),
        line('2026-12-02T03:00:00Z', 'reset', 'refused'),
        '{"time":"2026-12-02T04:0',
      ].join('\n'),
    );
    counts.count('reset', 'ok');
    expect(counts.list()).toEqual([
      { action: 'create', result: 'ok', count: 2 },
      { action: 'reset', result: 'refused', count: 1 },
      { action: 'reset', result: 'ok', count: 1 },
    ]);
    now = Date.parse('2026-12-03T00:00:01Z');
    expect(counts.list()).toEqual([]);
  });

  it('reads today’s daily file beside the configured audit file, and starts at zero without one', () => {
    const read: string[] = [];
    const counts = todayCountsFromAuditFile('/var/log/mx-kiosk/audit.jsonl', at('2026-12-02T10:00:00Z'), (path) => {
      read.push(path);
      return line('2026-12-02T09:00:00Z', 'operator', 'ok');
    });
    expect(read).toEqual(['/var/log/mx-kiosk/audit-2026-12-02.jsonl']);
    expect(counts.list()).toEqual([{ action: 'operator', result: 'ok', count: 1 }]);
    const none = todayCountsFromAuditFile('/nowhere/audit.jsonl', at('2026-12-02T10:00:00Z'), () => {
      throw new Error('ENOENT');
    });
    expect(none.list()).toEqual([]);
  });
});
