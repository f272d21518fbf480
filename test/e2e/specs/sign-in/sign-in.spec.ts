// AIS sign-in end to end: the kiosk (browser host) → the AIS simulator → the portal route →
// the profile card or the seed's error screens. Screenshots are kept as artifacts.
import { expect, saveScreenshot, test } from '../../fixtures/kiosk-host';
import { signInThroughAis } from './ais-simulator';
import { expectAccessible } from '../wizard/wizard';

test.describe('AIS sign-in', () => {
  test('shows the profile card after a simulator login', async ({ kioskPage: page, pageProblems }) => {
    await signInThroughAis(page, 'z10004');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('個人資料');
    const card = page.locator('dl.profile');
    await expect(card).toContainText('z10004');
    await expect(card).toContainText('歐陽菲菲'); // the half-width space is gone
    await expect(card).toContainText('Ou Yang, Fei Fei');
    await expect(card).toContainText('出國');
    await expect(card).toContainText('校務資訊系統');
    expect(new URL(page.url()).search).toBe('');
    await saveScreenshot(page, 'profile-zh-TW');
    expect(pageProblems).toEqual([]);
  });

  test('preselects English for an English AIS profile and decodes the name', async ({ kioskPage: page }) => {
    await signInThroughAis(page, 'z10005');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Your profile');
    await expect(page.locator('dl.profile')).toContainText('哥德爾');
    // The accent stays on screen; only account names fold it.
    await expect(page.locator('dl.profile')).toContainText('GÖDEL,KURT');
    await saveScreenshot(page, 'profile-en');
    await page.getByRole('button', { name: 'Finish and sign out' }).click();
    // The next person starts from the default language, with nothing of this one left.
    await expect(page.getByRole('button', { name: '申請教職員電子郵件帳號' })).toBeVisible();
    await expect(page.locator('body')).not.toContainText('GÖDEL');
    await expect(page.locator('body')).not.toContainText('z10005');
  });

  test('shows DECRYPT(-2) for an expired link', async ({ kioskPage: page }) => {
    await signInThroughAis(page, 'z10003', 'expired');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('登入連結已過期');
    await expect(page.getByRole('alert')).toContainText('DECRYPT(-2)');
    await expect(page.getByRole('alert')).toContainText('網路系統組線上服務');
    await saveScreenshot(page, 'error-DECRYPT-2-zh-TW');
    await expectAccessible(page, 'DECRYPT(-2)');
    await page.getByRole('button', { name: '切換為英文介面' }).click();
    await saveScreenshot(page, 'error-DECRYPT-2-en');
    await page.getByRole('button', { name: 'Back to start' }).click();
    // Back to start is the next person's start: the default language again.
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('電子郵件帳號服務');
  });

  test('shows SESSION(-2) when AIS saw another network', async ({ kioskPage: page }) => {
    await signInThroughAis(page, 'z10003', 'other-network');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('您的網路位址改變了');
    await expect(page.getByRole('alert')).toContainText('SESSION(-2)');
    await saveScreenshot(page, 'error-SESSION-2-zh-TW');
    await expectAccessible(page, 'SESSION(-2)');
  });

  test('shows USER(-4) with who may apply for an ineligible person', async ({ kioskPage: page }) => {
    await signInThroughAis(page, 'z10007');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('您沒有申請電子郵件帳號的權限');
    await expect(page.getByRole('alert')).toContainText('USER(-4)');
    await saveScreenshot(page, 'error-USER-4-zh-TW');
    await expectAccessible(page, 'USER(-4)');
  });

  test('refuses a replayed portal link with DECRYPT(-3)', async ({ kioskPage: page }) => {
    const portalRequests: string[] = [];
    page.on('request', (request) => {
      if (new URL(request.url()).pathname === '/portal/index.cgi') portalRequests.push(request.url());
    });
    await signInThroughAis(page, 'z10003');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('個人資料');
    expect(portalRequests).toHaveLength(1);
    // Someone replays the same link (e.g. from the browser history) after the person left.
    await page.getByRole('button', { name: '結束並登出' }).click();
    await page.goto(portalRequests[0]!);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('此登入連結已使用過');
    await expect(page.getByRole('alert')).toContainText('DECRYPT(-3)');
    await expect(page.locator('body')).not.toContainText('林明志');
  });
});
