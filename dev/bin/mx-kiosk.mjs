#!/usr/bin/env node
// Entry for the `mx-kiosk` bin: runs the TypeScript CLI through tsx, so a checkout needs no build
// step for its tools (the renderer is still built by `npm run build`).
import { register } from 'tsx/esm/api';

register();
const { main } = await import('../cli/mx-kiosk.ts');
try {
  await main(process.argv.slice(2));
} catch (error) {
  process.stderr.write(`mx-kiosk: ${error instanceof Error ? error.message : String(error)}\n`);
  process.exit(1);
}
