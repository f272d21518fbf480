// The used-token journal: a token counts as used once its line is on disk, a restart reads the
// file back, and expired lines are pruned at start-up.
import { appendFileSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { UsedTokenJournal } from '../../../../../electron/services/ais/used-token-journal';

const dirs: string[] = [];
const fresh = () => {
  const dir = mkdtempSync(join(tmpdir(), 'mx-journal-'));
  dirs.push(dir);
  return join(dir, 'nested', 'used-tokens');
};
afterEach(() => {
  for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
});
const digest = (n: number) => n.toString(16).padStart(64, '0');

describe('UsedTokenJournal', () => {
  it('remembers a token across a restart until it expires, and prunes the rest at start-up', () => {
    const path = fresh();
    const first = new UsedTokenJournal(path, 1000);
    first.add(digest(1), 5000);
    first.add(digest(2), 2000);
    expect(first.has(digest(1))).toBe(true);

    const restarted = new UsedTokenJournal(path, 3000);
    expect(restarted.has(digest(1))).toBe(true);
    expect(restarted.has(digest(2))).toBe(false);
    expect(readFileSync(path, 'utf8')).toBe(`${digest(1)} 5000\n`);
    restarted.forgetExpired(6000);
    expect(restarted.has(digest(1))).toBe(false);
  });

  it('ignores lines it cannot read instead of trusting them', () => {
    const path = fresh();
    const journal = new UsedTokenJournal(path, 0);
    journal.add(digest(3), 9000);
    appendFileSync(path, 'garbage line\nzz 1\n');
    const again = new UsedTokenJournal(path, 0);
    expect(again.has(digest(3))).toBe(true);
    expect(again.has('garbage')).toBe(false);
  });
});

describe('UsedTokenJournal after a torn line', () => {
  it('cuts a line torn by a failed append before the next token, so that token is still refused after a restart', () => {
    const path = fresh();
    const journal = new UsedTokenJournal(path, 0);
    journal.add(digest(4), 9000);
    // An append that failed part-way (a full disk) left the start of a line without its end.
    appendFileSync(path, digest(5).slice(0, 20));
    journal.add(digest(6), 9000);
    const restarted = new UsedTokenJournal(path, 0);
    expect(restarted.has(digest(4))).toBe(true);
    expect(restarted.has(digest(6))).toBe(true);
    expect(readFileSync(path, 'utf8')).toBe(`${digest(4)} 9000\n${digest(6)} 9000\n`);
  });

  it('drops a line torn by a crash when it reads the file back', () => {
    const path = fresh();
    new UsedTokenJournal(path, 0).add(digest(7), 9000);
    appendFileSync(path, `${digest(8)} 90`);
    const restarted = new UsedTokenJournal(path, 0);
    expect(restarted.has(digest(7))).toBe(true);
    expect(restarted.has(digest(8))).toBe(false);
    expect(readFileSync(path, 'utf8')).toBe(`${digest(7)} 9000\n`);
    restarted.add(digest(9), 9000);
    expect(new UsedTokenJournal(path, 0).has(digest(9))).toBe(true);
  });
});
