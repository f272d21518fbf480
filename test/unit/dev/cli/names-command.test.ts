// `mx-kiosk names`: the rules alone with --offline, and the usage errors.
import { describe, expect, it } from 'vitest';
import { runNamesCommand } from '../../../../dev/cli/names-command';

async function run(argv: string[]) {
  const out: string[] = [];
  const err: string[] = [];
  const code = await runNamesCommand(argv, { out: (l) => out.push(l), err: (l) => err.push(l), now: () => 0 });
  return { code, out, err };
}

describe('mx-kiosk names', () => {
  it('prints the offline candidates one per line, sorted by length then alphabet', async () => {
    const { code, out } = await run(['Ou Yang, Fei Fei', '--offline']);
    expect(code).toBe(0);
    expect(out.slice(0, 3)).toEqual(['oyang', 'feifei', 'ffouyang']);
    expect(out).toContain('ouyangfeifei');
    for (let i = 1; i < out.length; i += 1) expect(out[i]!.length).toBeGreaterThanOrEqual(out[i - 1]!.length);
  });

  it('folds accents in a typed name', async () => {
    expect((await run(['GÖDEL,KURT', '--offline'])).out).toContain('kgodel');
  });

  it('exits 1 with NAME_UNUSABLE when no name can be made', async () => {
    expect(await run(['王小明', '--offline'])).toMatchObject({ code: 1, out: [], err: ['NAME_UNUSABLE'] });
  });

  it.each([
    [['--offline']],
    [['A B', '--offline', '--demo']],
    [['A B']],
    [['A', 'B', '--offline']],
    [['A B', '--bogus']],
  ])('exits 2 for %j', async (argv) => {
    const result = await run(argv);
    expect(result.code).toBe(2);
    expect(result.err.join()).toMatch(/usage/);
  });
});
