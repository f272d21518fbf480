// The other ways through the wizard in Chromium: resetting a password, rejecting a policy, and
// walking away (the idle wipe, with Playwright's clock).
import { askMain } from '../../fixtures/ask-main';
import { expect, saveScreenshot, test } from '../../fixtures/kiosk-host';
import { signInThroughAis } from '../sign-in/ais-simulator';
import { BASE_DN, canBind, expectAccessible, screenshotsBothLanguages, STRONG } from './wizard';

test.describe('other paths', () => {
  test('resets the password of an existing mailbox', async ({ kioskPage: page, kioskHost }) => {
    await signInThroughAis(page, 'z10001', 'normal', '重設信箱密碼');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('個人資料');
    await page.getByRole('button', { name: '重設信箱密碼' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('重設信箱密碼');
    await expect(page.getByText('要重設密碼的信箱：hmwang@mx.nthu.edu.tw')).toBeVisible();
    await expectAccessible(page, 'reset');
    await screenshotsBothLanguages(page, 'screen-reset');
    const submit = page.getByRole('button', { name: '重設密碼' });
    await page.getByLabel('信箱新密碼').fill('hmwang-2026');
    await expect(page.getByText('密碼不可包含您的人事代號或帳號名稱。', { exact: true })).toBeVisible();
    await expect(submit).toBeDisabled();
    await page.getByLabel('信箱新密碼').fill(STRONG);
    await page.getByLabel('新密碼確認').fill(STRONG);
    await submit.click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('密碼已重設');
    await expectAccessible(page, 'reset done');
    await screenshotsBothLanguages(page, 'screen-reset-done');
    expect(await canBind(kioskHost.ready, `uid=hmwang,ou=people,${BASE_DN}`, STRONG)).toBe(true);
  });

  test('offers the reset to someone who already has a mailbox and applies', async ({ kioskPage: page }) => {
    await signInThroughAis(page, 'z10001');
    await page.getByRole('button', { name: '電子郵件帳號申請' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('您已有電子郵件信箱');
    await expect(page.getByRole('alert')).toContainText('USER(-1)');
    await expect(page.getByRole('alert')).toContainText('hmwang@mx.nthu.edu.tw');
    await expect(page.getByRole('button', { name: '重設信箱密碼' })).toBeVisible();
    await expectAccessible(page, 'USER(-1)');
    await screenshotsBothLanguages(page, 'screen-error-USER-1');
  });

  test('ends the session when the policy is rejected, and explains why', async ({ kioskPage: page, kioskHost }) => {
    await signInThroughAis(page, 'z10010');
    await page.getByRole('button', { name: '電子郵件帳號申請' }).click();
    await page.getByRole('button', { name: '不同意' }).click();
    // Rejecting ends the application: it asks first, with the way back focused.
    const dialog = page.getByRole('alertdialog', { name: '不同意並結束申請嗎？' });
    await expect(dialog.getByRole('button', { name: '回到使用規範' })).toBeFocused();
    await expectAccessible(page, 'reject confirmation');
    await saveScreenshot(page, 'screen-reject-confirm-zh-TW');
    await dialog.getByRole('button', { name: '不同意，結束申請' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('未同意使用規範');
    await expect(page.locator('body')).not.toContainText('z10010');
    await expectAccessible(page, 'rejected');
    await screenshotsBothLanguages(page, 'screen-rejected');
    // The session is really gone in main, not only on screen.
    expect(await askMain(page, 'session:current')).toEqual({ ok: false, code: 'SESSION(0)' });
    void kioskHost;
  });

  test('wipes everything after the idle countdown', async ({ page, kioskHost }) => {
    await page.clock.install();
    await page.goto(kioskHost.ready.url);
    await signInThroughAis(page, 'z10012');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Your profile');
    await expect(page.locator('body')).toContainText('Mary Smith');
    await page.clock.fastForward('01:32');
    await expect(page.getByRole('alertdialog')).toContainText('Are you still there?');
    await expectAccessible(page, 'idle warning');
    await saveScreenshot(page, 'screen-idle-en');
    await page.clock.fastForward('00:21');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('電子郵件帳號服務');
    const leftovers = await page.evaluate(() => ({
      text: document.body.innerText,
      html: document.documentElement.outerHTML,
      local: window.localStorage.length,
      session: window.sessionStorage.length,
    }));
    for (const personal of ['z10012', 'Mary Smith', '史密斯']) {
      expect(leftovers.text).not.toContain(personal);
      expect(leftovers.html).not.toContain(personal);
    }
    expect([leftovers.local, leftovers.session]).toEqual([0, 0]);
    expect(await askMain(page, 'session:current')).toEqual({ ok: false, code: 'SESSION(0)' });
  });
});
