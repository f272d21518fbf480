// Issue 13 at the counter, in Chromium: a Set account that explains itself and asks before
// cancelling, a result the person can keep (receipt through the print stylesheet, kept while they
// are there, wiped after the warning), an error screen whose button does what it says, and text
// size and contrast with axe at 0. Screenshots in both languages at the three counter sizes.
import { type Page } from '@playwright/test';
import { expect, saveScreenshot, test } from '../../fixtures/kiosk-host';
import { signInThroughAis } from '../sign-in/ais-simulator';
import { expectAccessible, reachStep3, STRONG } from '../wizard/wizard';

const SIZES = [
  { name: '1280x800', width: 1280, height: 800 },
  { name: '1024x768', width: 1024, height: 768 },
  { name: '1080x1920', width: 1080, height: 1920 },
] as const;

/** The screen in both languages at each counter size, then back to 1280×800 in the language it had. */
async function screenshotsAllSizes(page: Page, name: string): Promise<void> {
  for (const size of SIZES) {
    await page.setViewportSize(size);
    for (let round = 0; round < 2; round += 1) {
      const lang = (await page.locator('html').getAttribute('lang')) === 'en' ? 'en' : 'zh-TW';
      await saveScreenshot(page, `r2-${name}-${size.name}-${lang}`);
      await page.locator('.language-switch').click();
    }
  }
  await page.setViewportSize(SIZES[0]);
}

test('Set account says what is missing, explains the meter in both languages, keeps the fields in view, and asks before cancelling', async ({
  kioskPage: page,
}) => {
  await reachStep3(page, 'z10004');
  const apply = page.getByRole('button', { name: '確定申請' });
  const missing = page.locator('.missing-line');
  await expect(apply).toBeDisabled();
  await expect(missing).toHaveText('尚未完成：請選擇帳號名稱。');
  await expect(apply).toHaveCSS('cursor', 'not-allowed');
  await expect(page.locator('.step-name')).toHaveText(['網路規範', '信箱規範', '設定帳號', '結果']);

  await page.getByRole('radio').first().check();
  await page.getByLabel('信箱新密碼').fill('password');
  await expect(page.getByText('這是最常見的前 10 名密碼之一。')).toBeVisible();
  await expect(page.locator('.meter-level')).toHaveText('弱');
  await expect(missing).toHaveText('尚未完成：密碼強度須為「好」或「很強」。');
  await page.locator('.language-switch').click();
  await expect(page.getByText('This is one of the 10 most common passwords.')).toBeVisible();
  await expect(page.locator('.meter-level')).toHaveText('Weak');
  await expect(missing).toHaveText('Still missing: password strength must be Good or Strong.');
  // The names stay letter for letter in English too: the page's Latin font does not reach inside them.
  await expect(page.locator('.candidate span').first()).toHaveCSS('font-family', /^"DejaVu Sans Mono"/);
  await page.locator('.language-switch').click();

  await page.getByLabel('信箱新密碼').fill(STRONG);
  await expect(page.locator('.meter-level')).toHaveText('很強');
  await expect(missing).toHaveText('尚未完成：請再輸入一次新密碼確認。');
  // While typing at 1280×800, the field, the meter and Apply are all on the screen.
  for (const part of [page.getByLabel('信箱新密碼'), page.locator('.meter'), apply])
    await expect(part).toBeInViewport();
  await expectAccessible(page, 'step 3 explained');
  await screenshotsAllSizes(page, 'step3');
  await page.getByRole('button', { name: '大字' }).click();
  await page.getByRole('button', { name: '高對比' }).click();
  await expectAccessible(page, 'step 3, large text and high contrast');
  // Still visibly disabled in high contrast: dashed, and no pointer.
  await expect(apply).toHaveCSS('border-top-style', 'dashed');
  await expect(apply).toHaveCSS('background-color', 'rgb(255, 255, 255)');
  await expect(apply).toHaveCSS('cursor', 'not-allowed');
  await saveScreenshot(page, 'r2-step3-large-contrast-zh-TW');
  await page.getByRole('button', { name: '大字' }).click();
  await page.getByRole('button', { name: '高對比' }).click();

  await page.getByRole('button', { name: '取消申請' }).click();
  const dialog = page.getByRole('alertdialog', { name: '要取消申請嗎？' });
  await expect(dialog).toBeVisible();
  await expect(dialog.getByRole('button', { name: '繼續申請' })).toBeFocused();
  await expectAccessible(page, 'cancel confirmation');
  await saveScreenshot(page, 'r2-cancel-confirm-zh-TW');
  await page.keyboard.press('Enter'); // the default keeps the application
  await expect(dialog).toBeHidden();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('設定帳號');
  await page.getByRole('button', { name: '取消申請' }).click();
  await dialog.getByRole('button', { name: '取消申請' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('電子郵件帳號服務');
  await expect(page.locator('body')).not.toContainText('z10004');
});

test('the result is kept while the person is there, prints a receipt without the password, and is wiped after the warning', async ({
  page,
  kioskHost,
}) => {
  await page.clock.install();
  await page.goto(kioskHost.ready.url);
  await reachStep3(page, 'z10004');
  await page.getByRole('radio').first().check();
  const account = await page.getByRole('radio').first().inputValue();
  await page.getByLabel('信箱新密碼').fill(STRONG);
  await page.getByLabel('新密碼確認').fill(STRONG);
  await page.getByRole('button', { name: '確定申請' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('您的電子郵件帳號已建立');
  const address = `${account}@mx.nthu.edu.tw`;
  await expect(page.locator('.new-address')).toHaveText(address);
  await expect(page.getByText('您的信箱容量：60 GB。')).toBeVisible();
  await expectAccessible(page, 'result');
  await page.getByRole('button', { name: '高對比' }).click();
  await expectAccessible(page, 'result, high contrast');
  await page.getByRole('button', { name: '高對比' }).click();

  // The demo has no receipt printer: no Print button, and the help page's QR code on screen.
  await expect(page.getByRole('button', { name: '列印收據' })).toHaveCount(0);
  await expect(page.locator('.help-qr svg[role="img"]')).toBeVisible();
  await page.emulateMedia({ media: 'print' });
  const receipt = page.locator('.receipt');
  await expect(receipt).toBeVisible();
  await expect(page.getByRole('heading', { level: 1 })).toBeHidden();
  await expect(receipt).toContainText(address);
  await expect(receipt).toContainText('demo-counter');
  await expect(receipt).toContainText(/版本 [^（]+（[0-9a-f]{12}）/);
  await expect(receipt.locator('svg[role="img"] path')).toHaveCount(1);
  await saveScreenshot(page, 'r2-receipt-print-zh-TW');
  await page.emulateMedia({ media: 'screen' });
  expect(await page.content()).not.toContain(STRONG);
  await screenshotsAllSizes(page, 'result');

  // Someone still reading: minutes pass with a touch now and then, and the result stays.
  for (let i = 0; i < 3; i += 1) {
    await page.clock.fastForward('00:50');
    await page.locator('.new-address').click();
  }
  await expect(page.getByRole('alertdialog')).toHaveCount(0);
  await expect(page.locator('.new-address')).toHaveText(address);
  // Nobody there: after kiosk.resultSeconds (60 in the demo), the large bilingual warning first, then the wipe.
  await page.clock.fastForward('01:02');
  await expect(page.getByRole('alertdialog')).toContainText('還在嗎？');
  await expect(page.getByRole('alertdialog')).toContainText('Are you still there?');
  await expect(page.locator('.new-address')).toHaveText(address);
  await saveScreenshot(page, 'r2-idle-on-result-zh-TW');
  await page.clock.fastForward('00:21');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('電子郵件帳號服務');
  await expect(page.locator('body')).not.toContainText(account);
});

test('an expired link’s button signs in to AIS again', async ({ kioskPage: page }) => {
  await signInThroughAis(page, 'z10003', 'expired');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('登入連結已過期');
  await expect(page.locator('.error-code')).toContainText('DECRYPT(-2)');
  await screenshotsAllSizes(page, 'error-DECRYPT-2');
  await page.getByRole('button', { name: '重新登入校務資訊系統' }).click();
  await expect(page.getByLabel(/Account/)).toBeVisible();
});

test('larger text and high contrast keep axe at 0, and end with the session', async ({ kioskPage: page }) => {
  const large = page.getByRole('button', { name: '大字' });
  const contrast = page.getByRole('button', { name: '高對比' });
  await large.click();
  await expectAccessible(page, 'welcome, large text');
  await contrast.click();
  await expectAccessible(page, 'welcome, large text and high contrast');
  await large.click();
  await expectAccessible(page, 'welcome, high contrast');
  await large.click();
  await expect(page.locator('html')).toHaveAttribute('data-text-size', 'large');
  await expect(page.locator('html')).toHaveAttribute('data-contrast', 'high');
  await screenshotsAllSizes(page, 'welcome-large-contrast');
  await signInThroughAis(page, 'z10003');
  // AIS's page came in between (the browser host leaves the kiosk's page): the choices come back with it.
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('個人資料');
  await expect(page.locator('html')).toHaveAttribute('data-text-size', 'large');
  await expect(page.locator('html')).toHaveAttribute('data-contrast', 'high');
  await expect(page.getByRole('button', { name: '大字' })).toHaveAttribute('aria-pressed', 'true');
  await expectAccessible(page, 'profile, large text and high contrast');
  await page.getByRole('button', { name: '結束並登出' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('電子郵件帳號服務');
  await expect(page.getByRole('button', { name: '大字' })).toHaveAttribute('aria-pressed', 'false');
  await expect(page.locator('html')).toHaveAttribute('data-contrast', 'normal');
});
