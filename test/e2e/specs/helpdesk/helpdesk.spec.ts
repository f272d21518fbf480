// The helpdesk at the counter, in Chromium: Ctrl+Alt+H, the operator's own sign-in, health, lookup,
// and the out-of-service switch as the next person would see it.
import { FIXTURE } from '../../../../dev/slapd/fixture-directory';
import { expect, saveScreenshot, test } from '../../fixtures/kiosk-host';
import { expectAccessible, screenshotsBothLanguages } from '../wizard/wizard';

const { member, outsider } = FIXTURE.operators;

test('the helpdesk signs in, looks an account up, and takes the kiosk out of service and back', async ({ kioskPage: page }) => {
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('電子郵件帳號服務');
  await page.keyboard.press('Control+Alt+h');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('服務台人員登入');
  await page.getByLabel('帳號').fill(outsider.uid);
  await page.getByLabel('密碼').fill(outsider.password);
  await page.getByRole('button', { name: '登入' }).click();
  await expect(page.getByRole('alert')).toContainText('OPERATOR_NOT_AUTHORIZED');

  await page.getByLabel('帳號').fill(member.uid);
  await page.getByLabel('密碼').fill(member.password);
  await page.getByRole('button', { name: '登入' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('服務台主控台');
  await expect(page.locator('.checks [data-status="OK"]').first()).toBeVisible();
  await expect(page.locator('.checks [data-status="FAIL"]')).toHaveCount(0);
  await page.getByLabel('人事代號、帳號或姓名').fill('z10002');
  await page.getByRole('button', { name: '查詢' }).click();
  await expect(page.getByRole('cell', { name: 'cychen' })).toBeVisible();
  await expect(page.getByRole('cell', { name: '已停用' })).toBeVisible();
  await expect(page.locator('body')).not.toContainText('SSHA');
  await expectAccessible(page, 'helpdesk console');
  await screenshotsBothLanguages(page, 'screen-helpdesk');

  await page.getByRole('button', { name: '暫停服務' }).click();
  await expect(page.getByRole('button', { name: '恢復服務' })).toBeVisible();
  await page.getByRole('button', { name: '登出' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('本服務台暫停服務');
  await expect(page.getByText('This kiosk is temporarily out of service')).toBeVisible();
  await expect(page.getByRole('button', { name: '申請教職員電子郵件帳號' })).toHaveCount(0);
  await expectAccessible(page, 'out of service');
  await saveScreenshot(page, 'screen-out-of-service');

  await page.keyboard.press('Control+Alt+h');
  await page.getByLabel('帳號').fill(member.uid);
  await page.getByLabel('密碼').fill(member.password);
  await page.getByRole('button', { name: '登入' }).click();
  await page.getByRole('button', { name: '恢復服務' }).click();
  await expect(page.getByRole('button', { name: '暫停服務' })).toBeVisible();
  await page.getByRole('button', { name: '登出' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('電子郵件帳號服務');
});
