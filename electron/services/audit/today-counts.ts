// Today's counts by action and result, for the helpdesk console. "Today" is the UTC day, the
// same day the audit files are cut by, so the counts are what today's file says: they are read
// from it at start-up (a restart or a crash keeps them) and counted on as lines are recorded.
import type { Clock } from '../clock';
import { auditFiles } from './audit-chain';

export interface ActionCount {
  action: string;
  result: string;
  count: number;
}

const dayOf = (timeMs: number) => new Date(timeMs).toISOString().slice(0, 10);

export class TodayCounts {
  private day = '';
  private byKey = new Map<string, number>();

  constructor(private readonly clock: Clock) {}

  count(action: string, result: string): void {
    this.roll();
    const key = `${action}\u0000${result}`;
    this.byKey.set(key, (this.byKey.get(key) ?? 0) + 1);
  }

  list(): ActionCount[] {
    this.roll();
    return [...this.byKey].map(([key, count]) => {
      const [action, result] = key.split('\u0000');
      return { action: action!, result: result!, count };
    });
  }

  /** Counts the lines of an audit file that belong to today; other days and broken lines are skipped. */
  seed(fileText: string): void {
    this.roll();
    for (const line of fileText.split('\n')) {
      if (!line) continue;
      try {
        const record = JSON.parse(line) as { time?: unknown; action?: unknown; result?: unknown };
        if (
          typeof record.time === 'string' &&
          record.time.startsWith(this.day) &&
          typeof record.action === 'string' &&
          typeof record.result === 'string'
        ) {
          this.count(record.action, record.result);
        }
      } catch {
        // A torn last line after a crash: `audit verify` reports it; the count goes on without it.
      }
    }
  }

  private roll(): void {
    const today = dayOf(this.clock.now());
    if (today !== this.day) {
      this.day = today;
      this.byKey = new Map();
    }
  }
}

/**
 * The counts as today's audit file has them. Read synchronously while the backend is built, before
 * any line can be recorded, so no line is counted twice.
 */
export function todayCountsFromAuditFile(
  auditFile: string,
  clock: Clock,
  readTextFile: (path: string) => string,
): TodayCounts {
  const counts = new TodayCounts(clock);
  let text = '';
  try {
    text = readTextFile(auditFiles(auditFile).dailyFile(clock.now()));
  } catch {
    // No line today yet (or no file at all): the counts start at zero.
  }
  counts.seed(text);
  return counts;
}
