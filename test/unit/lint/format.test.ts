// The format the code keeps: Prettier with the project's settings is part of `npm run lint`, and
// it refuses a file that is not in that format (here, one line longer than the print width and a
// stray spacing), while the project's own files pass.
import { readFileSync } from 'node:fs';
import * as prettier from 'prettier';
import { describe, expect, it } from 'vitest';

const options = async (filepath: string) => ({ ...(await prettier.resolveConfig(filepath)), filepath });

describe('the format lint', () => {
  it('runs in npm run lint, over every source file', () => {
    const { scripts } = JSON.parse(readFileSync('package.json', 'utf8')) as { scripts: Record<string, string> };
    expect(scripts.lint).toMatch(/&& prettier --check .*"\*\*\/\*\.\{ts,tsx,js,mjs,cjs,css\}"/);
  });

  it('refuses a badly formatted file and passes it once formatted', async () => {
    const bad = `export const settings = { printWidth: 120, singleQuote: true, trailingComma: 'all', arrowParens: 'always', endOfLine:   'lf' };\n`;
    const opts = await options('electron/services/example.ts');
    expect(opts.printWidth).toBe(120);
    expect(await prettier.check(bad, opts)).toBe(false);
    expect(await prettier.check(await prettier.format(bad, opts), opts)).toBe(true);
  });

  it('passes the project’s own files', async () => {
    for (const file of ['electron/services/lifecycle.ts', 'renderer/src/app/App.tsx', 'shared/contract/channels.ts']) {
      expect(await prettier.check(readFileSync(file, 'utf8'), await options(file))).toBe(true);
    }
  });
});
