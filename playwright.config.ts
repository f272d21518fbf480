// E2E in Debian's Chromium (/usr/bin/chromium) through the browser host; Playwright never
// downloads a browser here.
import { defineConfig } from '@playwright/test';
import { DEBIAN_CHROMIUM } from './test/support/debian-chromium';

export default defineConfig({
  testDir: 'test/e2e/specs',
  outputDir: 'test-results/e2e',
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 60_000,
  reporter: [['list'], ['json', { outputFile: 'test-results/e2e-report.json' }]],
  use: {
    browserName: 'chromium',
    headless: true,
    viewport: { width: 1280, height: 800 },
    screenshot: 'only-on-failure',
    trace: 'retain-on-failure',
    launchOptions: DEBIAN_CHROMIUM,
  },
});
