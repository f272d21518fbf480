// The tokens already used, kept so that a token is accepted once, even across a restart of the
// kiosk: a token still inside its two minutes is refused again with DECRYPT(-3). In memory for
// tests and tools; for a kiosk, a small append-only file, synced to disk before the token counts.
import { appendFileSync, closeSync, fsyncSync, mkdirSync, openSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
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

/** Lines "<sha256 hex> <until ms>"; rewritten without the expired ones at every start. */
export class UsedTokenJournal extends InMemoryUsedTokens {
  constructor(
    private readonly path: string,
    nowMs: number,
  ) {
    super();
    mkdirSync(dirname(path), { recursive: true, mode: 0o700 });
    let text = '';
    try {
      text = readFileSync(path, 'utf8');
    } catch {
      // No file yet: nothing was used.
    }
    for (const line of text.split('\n')) {
      const match = LINE.exec(line.trim());
      if (match && Number(match[2]) >= nowMs) this.used.set(match[1]!, Number(match[2]));
    }
    // Pruned at start-up: the file holds at most the tokens of the last few minutes.
    const fresh = `${path}.new`;
    writeFileSync(fresh, [...this.used].map(([d, u]) => `${d} ${u}\n`).join(''), { mode: 0o600 });
    renameSync(fresh, path);
  }

  override add(digest: string, untilMs: number): void {
    super.add(digest, untilMs);
    appendFileSync(this.path, `${digest} ${untilMs}\n`, { mode: 0o600 });
    // The token counts as used only once that is on disk: a crash right after must not forget it.
    const fd = openSync(this.path, 'r');
    try {
      fsyncSync(fd);
    } finally {
      closeSync(fd);
    }
  }
}
