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
    const app = await electron.launch({ executablePath: binary!, args: [process.cwd(), '--config', path], env: { ...(process.env as Record<string, string>), ...env } });
    try {
      const window = await app.firstWindow();
      await expect(window.getByRole('heading', { level: 1 })).toHaveText('電子郵件帳號服務');
      expect(window.url()).toBe('app://kiosk/index.html');
      expect(await window.evaluate(() => typeof (window as unknown as { require?: unknown }).require)).toBe('undefined');
      expect(await window.evaluate(() => Object.keys((window as unknown as { kiosk: object }).kiosk).sort())).toContain('status');
      const prefs = await app.evaluate(({ BrowserWindow }) => {
        const web = BrowserWindow.getAllWindows()[0]!.webContents;
        return { isolated: web.getLastWebPreferences()?.contextIsolation, sandbox: web.getLastWebPreferences()?.sandbox };
      });
      expect(prefs).toEqual({ isolated: true, sandbox: true });
    } finally {
      await app.close();
      await demo.stop();
    }
  });
});
