// The audit trail as a hash chain: every line carries its sequence number, the hash of the line
// before it and its own hash. Files rotate daily (audit-YYYY-MM-DD.jsonl, UTC) and the chain runs
// on across them. A head file beside them holds the last sequence number and hash, so that cutting
// lines off the end is detected too. `mx-kiosk audit verify` checks all of it.
import { createHash } from 'node:crypto';
import { mkdir, readFile, readdir, writeFile } from 'node:fs/promises';
import { basename, dirname, extname, join } from 'node:path';
import type { Clock } from '../clock';
import type { AuditWriter } from './audit-log';
import { appendSynced, trailEnd } from './audit-trail-end';

export const GENESIS = '0'.repeat(64);

interface Head {
  seq: number;
  hash: string;
}

const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

/** The hash of a record is taken over its JSON without the hash field, keys in written order. */
export function hashRecord(record: Record<string, unknown>): string {
  const { hash: _hash, ...rest } = record;
  return sha256(JSON.stringify(rest));
}

export interface AuditFiles {
  /** audit.jsonl → audit-2026-11-22.jsonl */
  dailyFile(timeMs: number): string;
  headFile: string;
  /** Where the syslog forwarder remembers the last line it forwarded (audit-forwarder.ts). */
  forwardedFile: string;
  /** The daily files that exist, oldest first. */
  list(): Promise<string[]>;
}

export function auditFiles(basePath: string): AuditFiles {
  const dir = dirname(basePath);
  const ext = extname(basePath) || '.jsonl';
  const stem = basename(basePath, ext);
  const pattern = new RegExp(
    `^${stem.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}-\\d{4}-\\d{2}-\\d{2}${ext.replace('.', '\\.')}$`,
  );
  return {
    dailyFile: (timeMs) => join(dir, `${stem}-${new Date(timeMs).toISOString().slice(0, 10)}${ext}`),
    headFile: join(dir, `${stem}.head`),
    forwardedFile: join(dir, `${stem}.forwarded`),
    list: async () =>
      (await readdir(dir).catch(() => [] as string[]))
        .filter((f) => pattern.test(f))
        .sort()
        .map((f) => join(dir, f)),
  };
}

/**
 * An AuditWriter that chains each line to the one before, across daily files. Each line is on
 * disk (synced) before the write resolves, so before anyone is told the outcome it records.
 * afterWrite gets each chained line once it is in its file (the syslog forwarder takes it from
 * there). `sync: false` exists only to measure what syncing costs (bench/).
 *
 * A write can fail half-way, and the chain must survive it:
 * - the append fails (a full disk, a crash): nothing is promised, and the next write first looks
 *   at the file again. A torn fragment at its end (no newline) was never acknowledged and is cut
 *   off, so the next line starts on a line of its own.
 * - the append succeeds but the head file's rewrite fails: the line is in the trail, so it counts
 *   as written and the next line follows it (never the same sequence number twice); the head
 *   catches up with the next write. After a restart, a trail whose line after the head's follows
 *   the head is such a trail, and the chain goes on from its end; anything else defers to the
 *   head, so lines cut off the end stay evident.
 * - a last line that is not a record at all (edited by hand) does not stop the trail: the chain
 *   goes on from the head, and `audit verify` names the line.
 */
export function chainedAuditWriter(
  basePath: string,
  clock: Clock,
  afterWrite: (chainedLine: string) => void = () => undefined,
  options: { sync?: boolean } = {},
): AuditWriter {
  const files = auditFiles(basePath);
  const sync = options.sync ?? true;
  let head: Promise<Head> | undefined;
  const loadHead = async (): Promise<Head> => {
    let recorded: Head | undefined;
    try {
      recorded = JSON.parse(await readFile(files.headFile, 'utf8')) as Head;
    } catch {
      recorded = undefined;
    }
    const trail = await trailEnd(files, recorded?.seq ?? null, wholeRecord);
    const last = trail.at(-1);
    // No head yet: continue from the trail's last line, or start a new chain.
    if (!recorded) return last ?? { seq: 0, hash: GENESIS };
    const afterHead = trail.find((r) => r?.seq === recorded.seq + 1);
    if (last && afterHead && afterHead.prev === recorded.hash && last.seq > recorded.seq) return last;
    return recorded;
  };
  return async (line) => {
    head ??= mkdir(dirname(basePath), { recursive: true, mode: 0o750 }).then(loadHead);
    const previous = await head.catch((error: unknown) => {
      head = undefined; // read again on the next write
      throw error;
    });
    const record: Record<string, unknown> = {
      ...(JSON.parse(line) as object),
      seq: previous.seq + 1,
      prev: previous.hash,
    };
    record.hash = hashRecord(record);
    const chained = JSON.stringify(record);
    try {
      await appendSynced(files.dailyFile(clock.now()), `${chained}\n`, sync);
    } catch (error) {
      head = undefined; // the file may hold part of the line: look again before the next one
      throw error;
    }
    const next = { seq: record.seq as number, hash: record.hash as string };
    head = Promise.resolve(next);
    afterWrite(chained);
    await writeFile(files.headFile, JSON.stringify(next), { mode: 0o640 }).catch(() => undefined);
  };
}

function wholeRecord(text: string): boolean {
  try {
    const record = JSON.parse(text) as Record<string, unknown>;
    return typeof record.hash === 'string' && record.hash === hashRecord(record);
  } catch {
    return false;
  }
}

export type ChainVerdict = { ok: true; lines: number } | { ok: false; file: string; line: number; reason: string };

/** Checks files in order (oldest first) as one chain, and the head file if given. */
export async function verifyAuditChain(paths: readonly string[], headFile?: string): Promise<ChainVerdict> {
  let head: Head | undefined;
  if (headFile) {
    try {
      head = JSON.parse(await readFile(headFile, 'utf8')) as Head;
    } catch {
      head = undefined;
    }
  }
  let expected: Head = { seq: 0, hash: GENESIS };
  // The trail's hash at the head's sequence number, once the walk passes it.
  let atHead = head?.seq === 0 ? GENESIS : undefined;
  let lines = 0;
  let rowsInLast = 0;
  for (const [index, file] of paths.entries()) {
    const text = await readFile(file, 'utf8');
    const rows = text.split('\n');
    if (rows.at(-1) === '') rows.pop();
    for (const [i, row] of rows.entries()) {
      const bad = (reason: string): ChainVerdict => ({ ok: false, file, line: i + 1, reason });
      let record: Record<string, unknown>;
      try {
        record = JSON.parse(row) as Record<string, unknown>;
      } catch {
        const unfinished = index === paths.length - 1 && i === rows.length - 1 && !text.endsWith('\n');
        return bad(
          unfinished
            ? 'an unfinished last line (a write cut short by a crash or a full disk; the kiosk cuts it off before its next line)'
            : 'not a JSON line (edited or cut)',
        );
      }
      // The first file may start mid-chain (older files archived); later ones must continue it.
      if (index === 0 && i === 0 && expected.seq === 0 && record.seq !== 1)
        expected = { seq: (record.seq as number) - 1, hash: record.prev as string };
      if (record.hash !== hashRecord(record)) return bad('its content does not match its hash (edited)');
      if (record.seq !== expected.seq + 1)
        return bad(
          `sequence ${String(record.seq)} where ${expected.seq + 1} was due (deleted, reordered or duplicated)`,
        );
      if (record.prev !== expected.hash)
        return bad('it does not follow the line before it (deleted, reordered or inserted)');
      expected = { seq: record.seq as number, hash: record.hash as string };
      if (head && expected.seq === head.seq) atHead = expected.hash;
      lines += 1;
    }
    rowsInLast = rows.length;
  }
  const end = { file: paths.at(-1) ?? headFile ?? '', line: rowsInLast + 1 };
  if (head && head.seq > expected.seq) {
    return {
      ok: false,
      ...end,
      reason: `the trail ends at ${expected.seq} but the head records ${head.seq} (lines cut off the end)`,
    };
  }
  // A head behind the end is one whose rewrite failed after its line was written (the writer
  // above); it must still name a line of this chain. One older than the first file is not checked.
  if (head && atHead !== undefined && atHead !== head.hash) {
    return {
      ok: false,
      ...end,
      reason: `the head records line ${head.seq} with a hash the trail does not have (lines replaced or cut)`,
    };
  }
  return { ok: true, lines };
}

/**
 * Every line of an audit trail, oldest first: PATH is one daily file, or the configured audit.file
 * (then all its daily files). A path with neither gives no lines.
 */
export async function readAuditTrail(path: string): Promise<string[]> {
  const text = await readFile(path, 'utf8').catch(() => undefined);
  if (text !== undefined) return text.split('\n').filter(Boolean);
  const lines: string[] = [];
  for (const file of await auditFiles(path).list())
    lines.push(...(await readFile(file, 'utf8')).split('\n').filter(Boolean));
  return lines;
}
