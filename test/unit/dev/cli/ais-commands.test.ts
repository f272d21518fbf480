// `mx-kiosk ais mint|verify` through its function, with captured output and a fixed clock.
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { runAisCommand } from '../../../../dev/cli/ais-commands';

/** A key file as an operator would write one: the hex and a newline. */
function keyFile(hex: string): string {
  const path = join(mkdtempSync(join(tmpdir(), 'mx-ais-key-')), 'ais.key');
  writeFileSync(path, `${hex}\n`, { mode: 0o600 });
  return path;
}
const KEY_AB = keyFile('ab'.repeat(32));
const KEY_CD = keyFile('cd'.repeat(32));
const KEY_SHORT = keyFile('abc');

function run(argv: string[], nowSeconds = 1_800_000_000) {
  const out: string[] = [];
  const err: string[] = [];
  const code = runAisCommand(argv, { out: (l) => out.push(l), err: (l) => err.push(l), now: () => nowSeconds * 1000 });
  return { code, out, err };
}

const person = ['--id', 'Z10003', '--name', '林明志', '--name-en', 'Ming-Zhi Lin', '--ip', '192.0.2.10'];

describe('mx-kiosk ais', () => {
  it('mints a token that verify decodes', () => {
    const minted = run(['mint', '--demo', ...person, '--language', 'en']);
    expect(minted.code).toBe(0);
    expect(minted.out[0]).toMatch(/^01[0-9a-f]+$/);
    const verified = run(['verify', '--demo', '--data', minted.out[0]!, '--ip', '192.0.2.10']);
    expect(verified.code).toBe(0);
    expect(JSON.parse(verified.out[0]!)).toMatchObject({
      id: 'z10003',
      nameEn: 'Ming-Zhi Lin',
      language: 'en',
      condition: '一般',
      role: 'staff',
    });
  });

  it('prints DECRYPT(-2) and exits 1 for a link older than 2 minutes', () => {
    const token = run(['mint', '--demo', ...person, '--age', '121']).out[0]!;
    expect(run(['verify', '--demo', '--data', token, '--ip', '192.0.2.10'])).toMatchObject({
      code: 1,
      out: ['DECRYPT(-2)'],
    });
    expect(
      run(['verify', '--demo', '--data', token, '--ip', '192.0.2.10', '--now', String(1_800_000_000 - 100)]),
    ).toMatchObject({ code: 0 });
  });

  it('prints SESSION(-2) for another address and DECRYPT(-2) for another key', () => {
    const token = run(['mint', '--demo', ...person]).out[0]!;
    expect(run(['verify', '--demo', '--data', token, '--ip', '198.51.100.1']).out).toEqual(['SESSION(-2)']);
    expect(run(['verify', '--key-file', KEY_AB, '--data', token, '--ip', '192.0.2.10']).out).toEqual(['DECRYPT(-2)']);
  });

  it('honours --timestamp', () => {
    const token = run(['mint', '--key-file', KEY_CD, ...person, '--timestamp', '1700000000']).out[0]!;
    expect(
      run(['verify', '--key-file', KEY_CD, '--data', token, '--ip', '192.0.2.10', '--now', '1700000050']).code,
    ).toBe(0);
  });

  it.each([
    [['mint', '--key', 'cd'.repeat(32), ...person]],
    [['verify', '--key', 'cd'.repeat(32), '--data', '01ab', '--ip', '192.0.2.10']],
  ])('never takes the key itself on the command line: %j', (argv) => {
    const result = run(argv);
    expect(result.code).toBe(2);
    expect(result.out).toEqual([]);
    expect(result.err.join('\n')).toContain('--key-file');
  });

  it.each([
    [['mint', ...person]],
    [['mint', '--demo', '--key-file', KEY_AB, ...person]],
    [['mint', '--demo', '--id', 'z1']],
    [['mint', '--key-file', KEY_SHORT, ...person]],
    [['mint', '--key-file', '/nonexistent/ais.key', ...person]],
    [['mint', '--demo', ...person, '--age', 'soon']],
    [['verify', '--demo', '--ip', '1.2.3.4']],
    [['frobnicate']],
    [['mint', '--demo', '--bogus', ...person]],
  ])('exits 2 with usage for %j', (argv) => {
    const result = run(argv);
    expect(result.code).toBe(2);
    expect(result.err.join('\n')).toMatch(/usage:/);
  });
});
