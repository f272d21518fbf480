// The thin slice in a real browser: Welcome in zh-TW and English, the live directory status from
// slapd, and the host's secret; screenshots of both languages are kept as artifacts.
import { expect, saveScreenshot, test } from '../../fixtures/kiosk-host';

test.describe('Welcome screen', () => {
  test('opens in Traditional Chinese with the directory online', async ({ kioskPage: page, pageProblems }) => {
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('電子郵件帳號服務');
    await expect(page.locator('html')).toHaveAttribute('lang', 'zh-Hant-TW');
    await expect(page.locator('.status-line').first()).toHaveText('目錄服務：連線正常');
    await expect(page.locator('.status-line').nth(1)).toHaveText('校務資訊系統：連線正常');
    await expect(page.getByText(/自助服務機 demo-counter/)).toBeVisible();
    await saveScreenshot(page, 'welcome-zh-TW');
    expect(pageProblems).toEqual([]);
  });

  test('switches to English and back by pointer', async ({ kioskPage: page, pageProblems }) => {
    await expect(page.locator('.status-line').first()).toHaveText('目錄服務：連線正常');
    await page.getByRole('button', { name: '切換為英文介面' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Email account services');
    await expect(page.locator('html')).toHaveAttribute('lang', 'en');
    await expect(page.locator('.status-line').first()).toHaveText('Directory:online');
    await saveScreenshot(page, 'welcome-en');
    await page.getByRole('button', { name: 'Switch to Traditional Chinese' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('電子郵件帳號服務');
    expect(pageProblems).toEqual([]);
  });

  test('switches language by keyboard alone', async ({ kioskPage: page }) => {
    await expect(page.locator('.status-line').first()).toHaveText('目錄服務：連線正常');
    await page.keyboard.press('Tab');
    await expect(page.getByRole('button', { name: '切換為英文介面' })).toBeFocused();
    await page.keyboard.press('Enter');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Email account services');
    await expect(page.getByRole('button', { name: 'Switch to Traditional Chinese' })).toBeFocused();
    await page.keyboard.press('Space');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('電子郵件帳號服務');
  });

  test('is served under a strict CSP with no inline code', async ({ kioskPage: page }) => {
    const response = await page.request.get(new URL('/', page.url()).href);
    expect(response.headers()['content-security-policy']).toContain("script-src 'self'");
    expect(await page.locator('script:not([src])').count()).toBe(0);
    expect(await page.locator('style').count()).toBe(0);
  });

  test('refuses a browser that did not come through the launch URL', async ({ browser, kioskHost }) => {
    const stranger = await browser.newContext();
    const page = await stranger.newPage();
    const response = await page.goto(new URL('/', kioskHost.ready.url).href);
    expect(response?.status()).toBe(403);
    await expect(page.locator('body')).toContainText('Forbidden');
    await stranger.close();
  });
});
