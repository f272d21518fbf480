// Whether a breached-password filter file can be used, and which one the password worker asks: a
// missing, truncated, corrupt or foreign file is named in one clear log line and the kiosk goes on
// with zxcvbn alone. The header and table are checked at once (a few kilobytes); the fingerprints'
// checksum is read in the background, chunk by chunk, never blocking the calling thread for long.
import * as fs from 'node:fs';
import { open } from 'node:fs/promises';
import { crc32 } from 'node:zlib';
import type { Logger } from '../logger';
import { HEADER_BYTES, openFilterLookup, type FilterHeader } from './breached-filter-format';

export type FilterReport =
  | { ok: true; path: string; header: FilterHeader }
  | { ok: false; path: string; problem: string };

const reason = (error: unknown) =>
  (error as NodeJS.ErrnoException).code === 'ENOENT'
    ? 'missing (no such file)'
    : (error as Error).message.split('\n')[0]!;

/** The header, length and table, read at once. */
export function checkFilterFrame(path: string): FilterReport {
  try {
    const lookup = openFilterLookup(fs, crc32, path);
    fs.closeSync(lookup.fd);
    return { ok: true, path, header: lookup.header };
  } catch (error) {
    return { ok: false, path, problem: reason(error) };
  }
}

/** The frame, then every fingerprint against the header's checksum. */
export async function checkFilterFile(path: string): Promise<FilterReport> {
  const frame = checkFilterFrame(path);
  if (!frame.ok) return frame;
  const { header } = frame;
  try {
    const file = await open(path, 'r');
    try {
      const chunk = Buffer.allocUnsafe(1 << 20);
      let crc = 0;
      for (let at = HEADER_BYTES; at < header.tableOffset; ) {
        const { bytesRead } = await file.read(chunk, 0, Math.min(chunk.length, header.tableOffset - at), at);
        if (bytesRead === 0) throw new Error('truncated while reading');
        crc = crc32(chunk.subarray(0, bytesRead), crc);
        at += bytesRead;
      }
      if (crc !== header.bodyCrc) throw new Error('fingerprint checksum does not match (corrupt file)');
    } finally {
      await file.close();
    }
    return frame;
  } catch (error) {
    return { ok: false, path, problem: reason(error) };
  }
}

/** One line for the doctor, the log and the health view. */
export function describeFilter(report: FilterReport): string {
  if (!report.ok) return `${report.path}: ${report.problem}; new passwords are checked by zxcvbn alone`;
  const { keyCount, fingerprintBytes } = report.header;
  return `${report.path}: ${keyCount.toLocaleString('en-US')} breached passwords, false positives about 1 in ${(2 ** (8 * fingerprintBytes)).toLocaleString('en-US')}`;
}

/** The doctor's line (also on the helpdesk's health view): FAIL says the kiosk runs on zxcvbn alone. */
export async function breachedFilterCheck(
  path: string | null,
): Promise<{ status: 'OK' | 'FAIL' | 'SKIP'; name: string; detail: string }> {
  const name = 'breached-password filter';
  if (!path)
    return {
      status: 'SKIP',
      name,
      detail: 'none configured and none shipped with this build: new passwords are checked by zxcvbn alone',
    };
  const report = await checkFilterFile(path);
  return { status: report.ok ? 'OK' : 'FAIL', name, detail: describeFilter(report) };
}

/** The filter the password worker asks, or null while there is none usable. */
export interface BreachedFilterSource {
  current(): string | null;
}

/**
 * The configured filter, checked at start-up: usable at once if its frame holds, dropped (with an
 * error line) if its fingerprints then turn out corrupt.
 */
export class CheckedBreachedFilter implements BreachedFilterSource {
  private usable: string | null = null;

  constructor(path: string, logger: Logger) {
    const frame = checkFilterFrame(path);
    if (!frame.ok) {
      logger.error('breached-password filter unusable', { detail: describeFilter(frame) });
      return;
    }
    this.usable = path;
    void checkFilterFile(path).then((full) => {
      if (full.ok) return logger.info('breached-password filter loaded', { detail: describeFilter(full) });
      this.usable = null;
      logger.error('breached-password filter unusable', { detail: describeFilter(full) });
    });
  }

  current(): string | null {
    return this.usable;
  }
}
