// The browser host's second-window sign-in (serve --ais-second-window): AIS opens in another
// window of the same browser while the kiosk page stays loaded, as under Electron's AIS view, and
// the portal route takes a token only while the kiosk waits for one.
import { expect, test, type Page } from '@playwright/test';
import { startDemoHost, type DemoHostProcess } from '../../../support/demo-host-process';
import { askMain } from '../../fixtures/ask-main';
import { logInAtAis } from './ais-simulator';

let host: DemoHostProcess;

test.beforeAll(async () => {
  host = await startDemoHost(['--ais-second-window']);
});

test.afterAll(async () => {
  const code = await host.stop('SIGTERM');
  if (code !== 0) throw new Error(`demo host exited with ${code}:\n${host.stderr()}`);
});

/** A value only this loaded page holds: a reload or navigation would lose it. */
const markPage = (page: Page) =>
  page.evaluate(() => ((window as unknown as { keptPage: string }).keptPage = 'still here'));
const pageMark = (page: Page) => page.evaluate(() => (window as unknown as { keptPage?: string }).keptPage ?? null);

async function startSigningIn(page: Page): Promise<Page> {
  await page.getByRole('button', { name: '申請教職員電子郵件帳號' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('以校務資訊系統登入');
  const aisWindow = await page.context().newPage();
  await aisWindow.goto(host.ready.aisWindow!);
  return aisWindow;
}

test('signs in through AIS in a second window while the kiosk page stays loaded', async ({ page }) => {
  expect(host.ready.aisWindow).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/ais-window$/);
  await page.goto(host.ready.url);
  await markPage(page);
  const navigations: string[] = [];
  page.on('framenavigated', (frame) => {
    if (frame === page.mainFrame()) navigations.push(frame.url());
  });
  const aisWindow = await startSigningIn(page);
  await logInAtAis(aisWindow, 'z10003');
  await expect(aisWindow.locator('body')).toContainText('Continue in the kiosk window');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('個人資料');
  await expect(page.locator('dl.profile')).toContainText('z10003');
  expect(await pageMark(page)).toBe('still here');
  expect(navigations).toEqual([]);
  // The token went to the host in the second window; the kiosk's address never carried anything.
  expect(new URL(page.url()).search).toBe('');
  await page.getByRole('button', { name: '結束並登出' }).click();
  await expect(page.getByRole('button', { name: '申請教職員電子郵件帳號' })).toBeVisible();
});

test('takes no token once the kiosk stopped waiting, and leads nowhere when nothing waits', async ({ page }) => {
  await page.goto(host.ready.url);
  const idle = await page.context().newPage();
  const nothing = await idle.goto(host.ready.aisWindow!);
  expect(nothing?.status()).toBe(409);
  await expect(idle.locator('body')).toContainText('No sign-in is waiting');

  await markPage(page);
  const aisWindow = await startSigningIn(page);
  await page.getByRole('button', { name: /返回自助服務機/ }).click();
  await expect(page.getByRole('button', { name: '申請教職員電子郵件帳號' })).toBeVisible();
  // The person finishes at AIS after all: the host refuses the token, and no session starts.
  await logInAtAis(aisWindow, 'z10003');
  await expect(aisWindow.locator('body')).toContainText('SESSION(0)');
  expect(await askMain(page, 'session:current')).toEqual({ ok: false, code: 'SESSION(0)' });
  await expect(page.getByRole('button', { name: '申請教職員電子郵件帳號' })).toBeVisible();
  expect(await pageMark(page)).toBe('still here');
});
