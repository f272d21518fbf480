// The audit files as the forwarder's queue: where forwarding stopped (the state file beside the
// trail), the lines after it read back from the daily files, and how far behind forwarding is.
// The forwarder, the doctor and the helpdesk's health view all read it from here, so a restart, a
// gap and the view agree on what is still to send.
import { readFile } from 'node:fs/promises';
import type { AuditFiles } from './audit-chain';

export interface Forwarded {
  seq: number;
  hash: string;
}

export interface ChainedLine {
  seq: number;
  hash: string;
  /** The record's own time, ISO; null when it has none. */
  time: string | null;
  line: string;
}

export function parseChained(line: string): ChainedLine | null {
  try {
    const record = JSON.parse(line) as { seq?: unknown; hash?: unknown; time?: unknown };
    return typeof record.seq === 'number' && typeof record.hash === 'string'
      ? { seq: record.seq, hash: record.hash, time: typeof record.time === 'string' ? record.time : null, line }
      : null;
  } catch {
    return null;
  }
}

export async function loadForwarded(stateFile: string): Promise<Forwarded> {
  try {
    const state = JSON.parse(await readFile(stateFile, 'utf8')) as Forwarded;
    return typeof state.seq === 'number' ? state : { seq: 0, hash: '' };
  } catch {
    return { seq: 0, hash: '' };
  }
}

/**
 * Every whole line after `after`, in order, from the daily files, reading back only as far as
 * needed. A line still being written (no line feed yet) is not taken: it comes with the next read.
 */
export async function readBacklog(files: AuditFiles, after: number): Promise<ChainedLine[]> {
  const paths = await files.list();
  const chunks: ChainedLine[][] = [];
  for (let i = paths.length - 1; i >= 0; i -= 1) {
    const rows = (await readFile(paths[i]!, 'utf8').catch(() => '')).split('\n');
    rows.pop(); // whatever follows the last line feed is unfinished (or nothing)
    const lines = rows.map(parseChained).filter((l): l is ChainedLine => l !== null);
    chunks.unshift(lines.filter((l) => l.seq > after));
    if ((lines[0]?.seq ?? Infinity) <= after + 1) break;
  }
  return chunks.flat();
}

export interface ForwardingLag {
  /** Lines in the trail not yet forwarded. */
  lines: number;
  /** The time of the oldest of them; null when none wait. */
  since: string | null;
}

/** How far forwarding is behind the trail, from the files alone (the doctor runs without the kiosk). */
export async function forwardingLag(files: AuditFiles): Promise<ForwardingLag> {
  const waiting = await readBacklog(files, (await loadForwarded(files.forwardedFile)).seq);
  return { lines: waiting.length, since: waiting[0]?.time ?? null };
}

/**
 * The doctor's line for forwarding: lines that waited longer than a write timeout and a retry
 * have met a receiver that is not taking them.
 */
export function forwardingCheck(
  lag: ForwardingLag,
  nowMs: number,
  patienceMs: number,
): { status: 'OK' | 'FAIL'; name: string; detail: string } {
  const name = 'audit forwarding';
  if (lag.lines === 0) return { status: 'OK', name, detail: 'every line forwarded' };
  const waitedMs = lag.since ? nowMs - Date.parse(lag.since) : Infinity;
  if (waitedMs <= patienceMs) return { status: 'OK', name, detail: `${lag.lines} line(s) on their way` };
  return {
    status: 'FAIL',
    name,
    detail: `forwarding behind by ${lag.lines} line(s) since ${lag.since ?? 'an unknown time'}; they wait in the audit files`,
  };
}
