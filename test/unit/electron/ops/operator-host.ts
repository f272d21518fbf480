// An installed app's operator host for tests: real files, no demo systems, and captured output.
import { readFileSync } from 'node:fs';
import { SOURCE_POLICIES_DIR } from '../../../../dev/cli/source-paths';
import type { CliIo, OperatorHost } from '../../../../electron/ops/operator-command';

export function installedHost(env: Record<string, string | undefined> = {}): OperatorHost {
  return {
    env,
    platform: 'linux',
    readTextFile: (path) => readFileSync(path, 'utf8'),
    bundledPoliciesDir: SOURCE_POLICIES_DIR,
  };
}

/** An io whose lines land in `out` and `err`, with a fixed clock. */
export function captured(nowSeconds = 1_800_000_000): { io: CliIo; out: string[]; err: string[] } {
  const out: string[] = [];
  const err: string[] = [];
  return { out, err, io: { out: (l) => out.push(l), err: (l) => err.push(l), now: () => nowSeconds * 1000 } };
}
