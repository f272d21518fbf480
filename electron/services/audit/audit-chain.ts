// The audit trail as a hash chain: every line carries its sequence number, the hash of the line
// before it and its own hash. Files rotate daily (audit-YYYY-MM-DD.jsonl, UTC) and the chain runs
// on across them. A head file beside them holds the last sequence number and hash, so that cutting
// lines off the end is detected too. `mx-kiosk audit verify` checks all of it.
import { createHash } from 'node:crypto';
import { appendFile, mkdir, readFile, readdir, writeFile } from 'node:fs/promises';
import { basename, dirname, extname, join } from 'node:path';
import type { Clock } from '../clock';
import type { AuditWriter } from './audit-log';

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
  const pattern = new RegExp(`^${stem.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}-\\d{4}-\\d{2}-\\d{2}${ext.replace('.', '\\.')}$`);
  return {
    dailyFile: (timeMs) => join(dir, `${stem}-${new Date(timeMs).toISOString().slice(0, 10)}${ext}`),
    headFile: join(dir, `${stem}.head`),
    forwardedFile: join(dir, `${stem}.forwarded`),
    list: async () => (await readdir(dir).catch(() => [] as string[])).filter((f) => pattern.test(f)).sort().map((f) => join(dir, f)),
  };
}

/**
 * An AuditWriter that chains each line to the one before, across daily files. afterWrite gets
 * each chained line once it is in its file (the syslog forwarder takes it from there).
 */
export function chainedAuditWriter(basePath: string, clock: Clock, afterWrite: (chainedLine: string) => void = () => undefined): AuditWriter {
  const files = auditFiles(basePath);
  let head: Promise<Head> | undefined;
  const loadHead = async (): Promise<Head> => {
    try {
      return JSON.parse(await readFile(files.headFile, 'utf8')) as Head;
    } catch {
      // No head yet: continue from the last line of the newest file, or start a new chain.
      const last = (await files.list()).at(-1);
      const line = last ? (await readFile(last, 'utf8')).trimEnd().split('\n').at(-1) : undefined;
      if (!line) return { seq: 0, hash: GENESIS };
      const record = JSON.parse(line) as { seq: number; hash: string };
      return { seq: record.seq, hash: record.hash };
    }
  };
  return async (line) => {
    head ??= mkdir(dirname(basePath), { recursive: true, mode: 0o750 }).then(loadHead);
    const previous = await head;
    const record: Record<string, unknown> = { ...(JSON.parse(line) as object), seq: previous.seq + 1, prev: previous.hash };
    record.hash = hashRecord(record);
    const chained = JSON.stringify(record);
    await appendFile(files.dailyFile(clock.now()), `${chained}\n`, { flag: 'a', mode: 0o640 });
    const next = { seq: record.seq as number, hash: record.hash as string };
    await writeFile(files.headFile, JSON.stringify(next), { mode: 0o640 });
    head = Promise.resolve(next);
    afterWrite(chained);
  };
}

export type ChainVerdict = { ok: true; lines: number } | { ok: false; file: string; line: number; reason: string };

/** Checks files in order (oldest first) as one chain, and the head file if given. */
export async function verifyAuditChain(paths: readonly string[], headFile?: string): Promise<ChainVerdict> {
  let expected: Head = { seq: 0, hash: GENESIS };
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
        return bad('not a JSON line (edited or cut)');
      }
      // The first file may start mid-chain (older files archived); later ones must continue it.
      if (index === 0 && i === 0 && expected.seq === 0 && record.seq !== 1) expected = { seq: (record.seq as number) - 1, hash: record.prev as string };
      if (record.hash !== hashRecord(record)) return bad('its content does not match its hash (edited)');
      if (record.seq !== expected.seq + 1) return bad(`sequence ${String(record.seq)} where ${expected.seq + 1} was due (deleted, reordered or duplicated)`);
      if (record.prev !== expected.hash) return bad('it does not follow the line before it (deleted, reordered or inserted)');
      expected = { seq: record.seq as number, hash: record.hash as string };
      lines += 1;
    }
    rowsInLast = rows.length;
  }
  if (headFile) {
    let head: Head | undefined;
    try {
      head = JSON.parse(await readFile(headFile, 'utf8')) as Head;
    } catch {
      head = undefined;
    }
    if (head && (head.seq !== expected.seq || head.hash !== expected.hash)) {
      return { ok: false, file: paths.at(-1) ?? headFile, line: rowsInLast + 1, reason: `the trail ends at ${expected.seq} but the head records ${head.seq} (lines cut off the end)` };
    }
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
  for (const file of await auditFiles(path).list()) lines.push(...(await readFile(file, 'utf8')).split('\n').filter(Boolean));
  return lines;
}
