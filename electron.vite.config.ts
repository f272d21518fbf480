// Builds the three Electron bundles: main (ESM), the sandboxed preload (must be one CJS file)
// and the renderer. Dev-only code (dev/) is never an input, so it cannot reach the package.
import { resolve } from 'node:path';
import { defineConfig } from 'electron-vite';
import react from '@vitejs/plugin-react';

export default defineConfig({
  main: {
    build: {
      outDir: 'out/main',
      rollupOptions: { input: { main: resolve('electron/main/main.ts') }, output: { format: 'es', entryFileNames: '[name].js' } },
    },
  },
  preload: {
    build: {
      outDir: 'out/preload',
      rollupOptions: { input: { preload: resolve('electron/preload/preload.ts') }, output: { format: 'cjs', entryFileNames: '[name].cjs' } },
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
