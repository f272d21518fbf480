// A password from the shipped breached-password filter at the counter, in Chromium: zxcvbn alone
// would rate it Strong, but the meter shows it refused with the reason in both languages and
// Apply stays off, at the three counter sizes. The filter is the one `npm run build` made.
import { expect, saveScreenshot, test } from '../../fixtures/kiosk-host';
import { expectAccessible, reachStep3, STRONG } from '../wizard/wizard';

// In the shipped list (the SecLists top 100,000), and Strong to zxcvbn.
const BREACHED = 'nEMvXyHeqDd5OQxyXYZI';

const SIZES = [
  { name: '1280x800', width: 1280, height: 800 },
  { name: '1024x768', width: 1024, height: 768 },
  { name: '1080x1920', width: 1080, height: 1920 },
] as const;

test('Set account refuses a breached password with its reason in both languages, and takes another', async ({
  kioskPage: page,
  pageProblems,
}) => {
  await reachStep3(page, 'z10004');
  const apply = page.getByRole('button', { name: '確定申請' });
  await page.getByRole('radio').first().check();
  await page.getByLabel('信箱新密碼').fill(BREACHED);
  await page.getByLabel('新密碼確認').fill(BREACHED);
  const zh = '此密碼曾出現在外洩的密碼資料中，他人可能會拿來嘗試。請另選一個密碼。';
  await expect(page.locator('.meter .rule')).toHaveText(zh);
  await expect(page.locator('.meter-level')).toHaveText('弱');
  await expect(page.locator('.missing-line')).toHaveText(`尚未完成：${zh}`);
  await expect(apply).toBeDisabled();
  await expectAccessible(page, 'step 3 breached');
  for (const size of SIZES) {
    await page.setViewportSize(size);
    await saveScreenshot(page, `breached-step3-${size.name}-zh-TW`);
    await page.locator('.language-switch').click();
    const en = 'This password has appeared in data breaches, so others may try it. Please choose another.';
    await expect(page.locator('.meter .rule')).toHaveText(en);
    await expect(page.locator('.meter-level')).toHaveText('Weak');
    await expect(page.getByRole('button', { name: 'Apply' })).toBeDisabled();
    await saveScreenshot(page, `breached-step3-${size.name}-en`);
    await page.locator('.language-switch').click();
  }
  await page.setViewportSize(SIZES[0]);
  // Another password is Strong and not in the filter: Apply comes alive.
  await page.getByLabel('信箱新密碼').fill(STRONG);
  await page.getByLabel('新密碼確認').fill(STRONG);
  await expect(page.locator('.meter-level')).toHaveText('很強');
  await expect(apply).toBeEnabled();
  await expect(page.locator('.meter .rule')).toHaveCount(0);
  expect(pageProblems).toEqual([]);
});
