// The real Electron app, through Playwright's _electron. It needs an Electron binary, which this
// network cannot download: it runs where ELECTRON_OVERRIDE_DIST_PATH points at one, and otherwise
// reports itself as skipped (and a skipped test is never counted as passed).
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { _electron as electron, expect, test } from '@playwright/test';
import { startDemoProfile } from '../../../../dev/demo/demo-profile';

const dist = process.env.ELECTRON_OVERRIDE_DIST_PATH;
const binary = dist ? join(dist, 'electron') : undefined;

test.describe('the Electron shell', () => {
  test.skip(!binary || !existsSync(binary), 'no Electron binary here (set ELECTRON_OVERRIDE_DIST_PATH to run this)');

  test('opens the locked-down kiosk window on app:// with Welcome in zh-TW', async () => {
    const demo = await startDemoProfile();
    const { path, env } = await demo.writeConfigFile();
    const app = await electron.launch({
      executablePath: binary!,
      args: [process.cwd(), '--config', path],
      env: { ...(process.env as Record<string, string>), ...env },
    });
    try {
      const window = await app.firstWindow();
      await expect(window.getByRole('heading', { level: 1 })).toHaveText('電子郵件帳號服務');
      expect(window.url()).toBe('app://kiosk/index.html');
      expect(await window.evaluate(() => typeof (window as unknown as { require?: unknown }).require)).toBe(
        'undefined',
      );
      expect(await window.evaluate(() => Object.keys((window as unknown as { kiosk: object }).kiosk).sort())).toContain(
        'status',
      );
      // Isolation and sandbox, seen from the page: no Node in the page's world.
      expect(await window.evaluate(() => typeof (globalThis as unknown as { process?: unknown }).process)).toBe(
        'undefined',
      );
    } finally {
      await app.close();
      await demo.stop();
    }
  });
});
