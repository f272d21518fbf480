// Where the audit trail ends on disk, and how a line is added there for good. The end is read back
// across the daily files (a day whose file holds nothing whole yet, a head written before
// midnight), and a line torn at the end of the file that held the last one is cut before the next
// append. An append is synced before it returns, and a new daily file's name too, so a line the
// kiosk acted on survives a power cut.
import { open, readFile, truncate } from 'node:fs/promises';
import { dirname } from 'node:path';
import type { AuditFiles } from './audit-chain';

/** A record's place in the chain. */
export interface Position {
  seq: number;
  hash: string;
  prev: string;
}

/**
 * The positions of the trail's last lines, oldest first (undefined for a line that is not a
 * record), read back from the newest daily file until one at or before `reach` (the head's
 * sequence number) is among them, or, without a head, until a record is. Each file on the way
 * that ends in an unfinished line has it cut off, or finished when it is a whole record.
 */
export async function trailEnd(
  files: AuditFiles,
  reach: number | null,
  isWholeRecord: (text: string) => boolean,
): Promise<Array<Position | undefined>> {
  const paths = await files.list();
  const chunks: Array<Array<Position | undefined>> = [];
  for (let i = paths.length - 1; i >= 0; i -= 1) {
    const positions = (await mended(paths[i]!, isWholeRecord)).split('\n').filter(Boolean).map(positionOf);
    chunks.unshift(positions);
    const records = positions.filter((p): p is Position => p !== undefined);
    if (records.length > 0 && (reach === null || records[0]!.seq <= reach)) break;
  }
  return chunks.flat();
}

async function mended(path: string, isWholeRecord: (text: string) => boolean): Promise<string> {
  const text = await readFile(path, 'utf8');
  if (text === '' || text.endsWith('\n')) return text;
  const cut = text.lastIndexOf('\n') + 1;
  if (isWholeRecord(text.slice(cut))) {
    await appendSynced(path, '\n');
    return `${text}\n`;
  }
  await truncate(path, Buffer.byteLength(text.slice(0, cut), 'utf8'));
  return text.slice(0, cut);
}

function positionOf(row: string): Position | undefined {
  try {
    const record = JSON.parse(row) as Partial<Position>;
    return typeof record.seq === 'number' && typeof record.hash === 'string' && typeof record.prev === 'string'
      ? { seq: record.seq, hash: record.hash, prev: record.prev }
      : undefined;
  } catch {
    return undefined;
  }
}

/**
 * Appends text and, with sync, waits until it is on disk (fdatasync), and so is the file's name
 * when the append created it. Without sync (only for measuring what syncing costs) it returns
 * once the OS has the bytes.
 */
export async function appendSynced(path: string, text: string, sync = true): Promise<void> {
  const handle = await open(path, 'a', 0o640);
  let created = false;
  try {
    created = (await handle.stat()).size === 0;
    await handle.appendFile(text);
    if (sync) await handle.datasync();
  } finally {
    await handle.close();
  }
  if (sync && created) await syncDirectory(dirname(path));
}

async function syncDirectory(path: string): Promise<void> {
  const handle = await open(path, 'r');
  try {
    await handle.sync();
  } finally {
    await handle.close();
  }
}
