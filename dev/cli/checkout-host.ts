// The operator commands' host in a checkout: the source tree's policy summaries, and the demo
// systems behind `--demo`, which the installed app does not have.
import { readFileSync } from 'node:fs';
import type { OperatorHost } from '../../electron/ops/operator-command';
import { DEMO_AIS_KEY_HEX, startDemoProfile } from '../demo/demo-profile';
import { BUILT_BREACHED_FILTER, SOURCE_POLICIES_DIR } from './source-paths';

export const CHECKOUT_HOST: OperatorHost = {
  env: process.env,
  platform: process.platform,
  readTextFile: (path) => readFileSync(path, 'utf8'),
  bundledPoliciesDir: SOURCE_POLICIES_DIR,
  bundledBreachedFilter: BUILT_BREACHED_FILTER,
  demo: { start: () => startDemoProfile(), aisKeyHex: DEMO_AIS_KEY_HEX },
};
