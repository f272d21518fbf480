// The tokens already used, kept so that a token is accepted once, even across a restart of the
// kiosk: a token still inside its two minutes is refused again with DECRYPT(-3). In memory for
// tests and tools; for a kiosk, a small append-only file, synced to disk before the token counts.
// A line torn by a failed append (a full disk) is cut off before the next one, so it can never
// swallow the next token's line; a line torn by a crash is dropped when the file is read back.
import {
  closeSync,
  fstatSync,
  fsyncSync,
  ftruncateSync,
  mkdirSync,
  openSync,
  readFileSync,
  readSync,
  renameSync,
  writeSync,
} from 'node:fs';
import { dirname } from 'node:path';

export interface UsedTokens {
  has(digest: string): boolean;
  /** Records digest until the given time (ms); a durable store has it on disk when this returns. */
  add(digest: string, untilMs: number): void;
  forgetExpired(nowMs: number): void;
}

export class InMemoryUsedTokens implements UsedTokens {
  // Token digest → when it may be forgotten (after that it would be refused as expired anyway).
  protected readonly used = new Map<string, number>();

  has(digest: string): boolean {
    return this.used.has(digest);
  }

  add(digest: string, untilMs: number): void {
    this.used.set(digest, untilMs);
  }

  forgetExpired(nowMs: number): void {
    // Entries are added in expiry order (one lifetime, a forward clock), so the first live one
    // ends the sweep: a large set does not make each verify slower (docs/BENCHMARKS.md).
    for (const [digest, until] of this.used) {
      if (until >= nowMs) break;
      this.used.delete(digest);
    }
  }
}

const LINE = /^([0-9a-f]{64}) ([0-9]{1,16})$/;

/**
 * Lines "<sha256 hex> <until ms>"; rewritten without the expired ones at every start. `sync: false`
 * exists only to measure what syncing costs (bench/).
 */
export class UsedTokenJournal extends InMemoryUsedTokens {
  constructor(
    private readonly path: string,
    nowMs: number,
    private readonly options: { sync?: boolean } = {},
  ) {
    super();
    mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
    let text = '';
    try {
      text = readFileSync(path, 'utf8');
    } catch {
      // No file yet: nothing was used.
    }
    // Only whole lines count: whatever follows the last line feed was torn by a crash before its
    // sync returned, so that token was never counted as used.
    for (const line of text.split('\n').slice(0, -1)) {
      const match = LINE.exec(line.trim());
      if (match && Number(match[2]) >= nowMs) this.used.set(match[1]!, Number(match[2]));
    }
    // Pruned at start-up: the file holds at most the tokens of the last few minutes. The pruned
    // copy is on disk, and so is its name, before it replaces the old one: a power cut leaves one or the other.
    const fresh = `${path}.new`;
    withFile(fresh, 'w', (fd) => {
      writeSync(fd, [...this.used].map(([d, u]) => `${d} ${u}\n`).join(''));
      fsyncSync(fd);
    });
    renameSync(fresh, path);
    withFile(dirname(path), 'r', fsyncSync);
  }

  override add(digest: string, untilMs: number): void {
    withFile(this.path, 'a+', (fd) => {
      cutTornEnd(fd);
      writeSync(fd, `${digest} ${untilMs}\n`);
      // The token counts as used only once that is on disk: a crash right after must not forget it.
      if (this.options.sync ?? true) fsyncSync(fd);
    });
    super.add(digest, untilMs);
  }
}

function withFile(path: string, flags: string, use: (fd: number) => void): void {
  const fd = openSync(path, flags, 0o600);
  try {
    use(fd);
  } finally {
    closeSync(fd);
  }
}

/** A file that does not end in a line feed ends in a torn line: cut it back to the last whole one. */
function cutTornEnd(fd: number): void {
  const { size } = fstatSync(fd);
  if (size === 0) return;
  const last = Buffer.alloc(1);
  readSync(fd, last, 0, 1, size - 1);
  if (last[0] === 0x0a) return;
  const text = Buffer.alloc(size);
  readSync(fd, text, 0, size, 0);
  ftruncateSync(fd, text.lastIndexOf(0x0a) + 1);
}
