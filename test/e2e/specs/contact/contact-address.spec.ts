// The contact address after an application, in Chromium, with the demo's real SMTP sink: the code
// arrives as an .eml in the outbox, a wrong one is refused, the right one confirms, and skipping works.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, saveScreenshot, test } from '../../fixtures/kiosk-host';
import { codeIn } from '../../../../dev/mail-sink/mail-sink';
import { BASE_DN, expectAccessible, reachStep3, STRONG, withDirectory } from '../wizard/wizard';

function outbox(dir: string): string[] {
  return readdirSync(dir)
    .filter((f) => f.endsWith('.eml'))
    .sort()
    .map((f) => readFileSync(join(dir, f), 'utf8'));
}

async function createAccount(page: import('@playwright/test').Page, id: string) {
  await reachStep3(page, id);
  await page.locator('.candidate input').first().check();
  await page.getByLabel('信箱新密碼').fill(STRONG);
  await page.getByLabel('新密碼確認').fill(STRONG);
  await page.getByRole('button', { name: '確定申請' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('您的電子郵件帳號已建立');
}

test.describe('contact address (Email-2)', () => {
  test('registers and confirms an address with the code mailed to it', async ({ kioskPage: page, kioskHost }) => {
    await createAccount(page, 'z10006');
    const mailOutbox = kioskHost.ready.mailOutbox!;
    const before = outbox(mailOutbox).length;

    await page.getByLabel('聯絡用電子郵件信箱', { exact: true }).fill('tawei.lee@gmial.com');
    await expect(page.getByText('您是不是要輸入 tawei.lee@gmail.com？')).toBeVisible();
    await page.getByRole('button', { name: '使用此地址' }).click();
    await page.getByRole('button', { name: '核對地址' }).click();
    await expect(page.getByText('確認碼將寄到下列地址，請逐字確認是否正確：')).toBeVisible();
    await expect(page.locator('.readback-address')).toHaveText('tawei.lee@gmail.com');
    await expectAccessible(page, 'contact read-back');
    await saveScreenshot(page, 'screen-contact-readback-zh-TW');
    await page.getByRole('button', { name: '寄送確認碼' }).click();
    await expect(page.getByLabel('確認碼')).toBeVisible();

    await expect.poll(() => outbox(mailOutbox).length).toBe(before + 1);
    const mail = outbox(mailOutbox).at(-1)!;
    expect(mail).toMatch(/^To: tawei\.lee@gmail\.com/m);
    const code = codeIn(mail)!;
    await page.getByLabel('確認碼').fill(code === '000000' ? '111111' : '000000');
    await page.getByRole('button', { name: '確認', exact: true }).click();
    await expect(page.getByRole('alert')).toContainText('CONTACT_CODE_WRONG');
    await expect(page.getByRole('alert')).toContainText('還可以再試 4 次。');
    await page.getByLabel('確認碼').fill(code);
    await page.getByRole('button', { name: '確認', exact: true }).click();
    await expect(page.getByText('已確認聯絡用信箱 t******e@gmail.com。')).toBeVisible();
    await expectAccessible(page, 'contact confirmed');
    await saveScreenshot(page, 'screen-contact-done-zh-TW');

    const [entry] = await withDirectory(
      kioskHost.ready,
      async (c) =>
        (await c.search(BASE_DN, { filter: '(sn=z10006)', attributes: ['mxContactAddress', 'mxContactConfirmed'] }))
          .searchEntries,
    );
    expect(entry).toMatchObject({ mxContactAddress: 'tawei.lee@gmail.com', mxContactConfirmed: 'TRUE' });
    await expect(page.locator('body')).not.toContainText('tawei.lee@gmail.com');
  });

  test('can be skipped: Finish sends nothing and stores no address', async ({ kioskPage: page, kioskHost }) => {
    await createAccount(page, 'z10004');
    const before = outbox(kioskHost.ready.mailOutbox!).length;
    await page.getByRole('button', { name: '完成' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('電子郵件帳號服務');
    expect(outbox(kioskHost.ready.mailOutbox!).length).toBe(before);
    const [entry] = await withDirectory(
      kioskHost.ready,
      async (c) => (await c.search(BASE_DN, { filter: '(sn=z10004)', attributes: ['mxContactAddress'] })).searchEntries,
    );
    expect(entry?.mxContactAddress ?? []).toEqual([]);
  });
});
