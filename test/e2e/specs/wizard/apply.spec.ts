// The whole application at the counter in Chromium, against the demo's slapd and AIS simulator:
// every screen checked with axe and photographed in both languages, the account verified in the
// directory and by binding with the new password.
import { expect, test } from '../../fixtures/kiosk-host';
import { signInThroughAis } from '../sign-in/ais-simulator';
import {
  BASE_DN,
  canBind,
  expectAccessible,
  reachStep3,
  screenshotsBothLanguages,
  STRONG,
  withDirectory,
} from './wizard';

async function accountOf(ready: Parameters<typeof withDirectory>[0], staffId: string) {
  return withDirectory(
    ready,
    async (c) =>
      (
        await c.search(BASE_DN, {
          filter: `(&(objectClass=posixAccount)(sn=${staffId}))`,
          attributes: ['uid', 'userPassword'],
        })
      ).searchEntries,
  );
}

test.describe('applying for a mailbox', () => {
  test('in Traditional Chinese, every screen accessible, ending with a working account', async ({
    kioskPage: page,
    kioskHost,
    pageProblems,
  }) => {
    await expect(page.getByText('連線正常').first()).toBeVisible();
    await expectAccessible(page, 'welcome');
    await screenshotsBothLanguages(page, 'screen-welcome');

    await signInThroughAis(page, 'z10003');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('個人資料');
    await expectAccessible(page, 'profile');
    await screenshotsBothLanguages(page, 'screen-profile');

    await page.getByRole('button', { name: '電子郵件帳號申請' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('校園網路使用規範');
    await expect(page.locator('[aria-current="step"]')).toContainText('1');
    await expect(page.getByText('本人已詳細閱讀並同意遵守校園網路使用規範。')).toBeVisible();
    await expectAccessible(page, 'step 1');
    await screenshotsBothLanguages(page, 'screen-step1');
    await page.getByRole('button', { name: '同意，繼續' }).click();

    await expect(page.getByRole('heading', { level: 1 })).toHaveText('電子郵件信箱使用規範');
    await expectAccessible(page, 'step 2');
    await screenshotsBothLanguages(page, 'screen-step2');
    await page.getByRole('button', { name: '同意，繼續' }).click();

    await expect(page.getByRole('heading', { level: 1 })).toHaveText('設定帳號');
    const apply = page.getByRole('button', { name: '確定申請' });
    await expect(apply).toBeDisabled();
    // The best six names first; the rest behind "more names".
    await expect(page.getByRole('radio')).toHaveCount(6);
    await page.getByRole('button', { name: /^其他名稱/ }).click();
    await expect(page.getByLabel('mzlin2@mx.nthu.edu.tw')).toBeVisible(); // mzlin is a mail alias
    await expectAccessible(page, 'step 3');
    await screenshotsBothLanguages(page, 'screen-step3');
    await page.getByLabel('mingzhi@mx.nthu.edu.tw', { exact: true }).check();
    await page.getByLabel('信箱新密碼').fill(STRONG);
    await expect(page.locator('.meter strong')).toHaveText('很強');
    await page.getByLabel('新密碼確認').fill(STRONG);
    await expect(apply).toBeEnabled();
    await expectAccessible(page, 'step 3 filled');
    await apply.click();

    await expect(page.getByRole('heading', { level: 1 })).toHaveText('您的電子郵件帳號已建立');
    await expect(page.locator('.new-address')).toHaveText('mingzhi@mx.nthu.edu.tw');
    // Plain words for the person; the server's lines are there for the helpdesk, closed until opened.
    await expect(page.getByText('您的信箱容量：60 GB。')).toBeVisible();
    await expect(page.getByText('已建立使用者家目錄')).toBeHidden();
    await page.getByText('技術紀錄（供服務台參考）').click();
    await expect(page.getByText('已建立新的 LDAP 帳號 mingzhi@mx.nthu.edu.tw')).toBeVisible();
    await expect(page.getByText('已建立使用者家目錄')).toBeVisible();
    await expect(page.getByText(/容量（[\d.]+ [KMGT]B\/60 GB）/)).toBeVisible();
    await expect(page.getByText(/\.MBOX（[\d.]+ [KMGT]B\/3）/)).toBeVisible();
    await expect(page.getByText('帳號約 10 分鐘後生效。')).toBeVisible();
    await expectAccessible(page, 'step 4');
    await screenshotsBothLanguages(page, 'screen-step4');

    const [entry] = await accountOf(kioskHost.ready, 'z10003');
    expect(entry?.uid).toBe('mingzhi');
    expect(String(entry?.userPassword)).toMatch(/^\{ARGON2\}/);
    expect(await canBind(kioskHost.ready, `uid=mingzhi,ou=people,${BASE_DN}`, STRONG)).toBe(true);

    await page.getByRole('button', { name: '完成' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('電子郵件帳號服務');
    await expect(page.locator('body')).not.toContainText('z10003');
    await expect(page.locator('body')).not.toContainText('mingzhi');
    expect(pageProblems).toEqual([]);
  });

  test('in English, preselected by the AIS profile', async ({ kioskPage: page, kioskHost }) => {
    await signInThroughAis(page, 'z10005');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Your profile');
    await page.getByRole('button', { name: 'New Email Account' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Network Usage Policy');
    await page.getByRole('button', { name: 'Accept and Continue' }).click();
    await page.getByRole('button', { name: 'Accept and Continue' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Set account');
    await page.getByLabel('kgodel@mx.nthu.edu.tw', { exact: true }).check();
    await page.getByLabel('New mailbox password').fill(STRONG);
    await page.getByLabel('Confirm new password').fill(STRONG);
    await expect(page.locator('.meter strong')).toHaveText('Strong');
    await page.getByRole('button', { name: 'Apply' }).click();
    await expect(page.locator('.new-address')).toHaveText('kgodel@mx.nthu.edu.tw');
    await expect(page.getByText('Your mailbox: 60 GB.')).toBeVisible();
    expect((await accountOf(kioskHost.ready, 'z10005')).map((e) => e.uid)).toEqual(['kgodel']);
    expect(await canBind(kioskHost.ready, `uid=kgodel,ou=people,${BASE_DN}`, STRONG)).toBe(true);
  });

  test('blocks a weak password, and recovers when the chosen name is taken meanwhile', async ({
    kioskPage: page,
    kioskHost,
  }) => {
    await reachStep3(page, 'z10013');
    const apply = page.getByRole('button', { name: '確定申請' });
    await page.getByLabel('chhsu@mx.nthu.edu.tw', { exact: true }).check();
    await page.getByLabel('信箱新密碼').fill('password1234');
    await page.getByLabel('新密碼確認').fill('password1234');
    await expect(page.locator('.meter strong')).toHaveText('弱');
    await expect(apply).toBeDisabled();

    // Someone else gets "chhsu" between the offer and the submit.
    await withDirectory(kioskHost.ready, (c) =>
      c.add(`uid=chhsu,ou=people,${BASE_DN}`, {
        objectClass: ['inetOrgPerson', 'posixAccount'],
        uid: 'chhsu',
        cn: 'x',
        sn: 'z99990',
        uidNumber: '59990',
        gidNumber: '100',
        homeDirectory: '/x',
      }),
    );
    await page.getByLabel('信箱新密碼').fill(STRONG);
    await page.getByLabel('新密碼確認').fill(STRONG);
    await apply.click();
    await expect(page.getByRole('alert')).toContainText('NAME_TAKEN');
    await expect(page.getByLabel('chhsu2@mx.nthu.edu.tw')).toBeVisible();
    await expect(page.getByLabel('chhsu@mx.nthu.edu.tw', { exact: true })).toHaveCount(0);
    await expect(page.getByLabel('信箱新密碼')).toHaveValue('');
    await page.getByLabel('chhsu2@mx.nthu.edu.tw', { exact: true }).check();
    await page.getByLabel('信箱新密碼').fill(STRONG);
    await page.getByLabel('新密碼確認').fill(STRONG);
    await apply.click();
    await expect(page.locator('.new-address')).toHaveText('chhsu2@mx.nthu.edu.tw');
  });

  test('can be done by keyboard alone', async ({ kioskPage: page, kioskHost }) => {
    const tabTo = async (name: RegExp) => {
      for (let i = 0; i < 40; i += 1) {
        await page.keyboard.press('Tab');
        const label = await page.evaluate(() => {
          const el = document.activeElement as HTMLElement | null;
          return (el?.getAttribute('aria-label') ?? el?.textContent ?? '').trim();
        });
        if (name.test(label)) return;
      }
      throw new Error(`could not reach ${name} with Tab`);
    };
    await tabTo(/^申請教職員電子郵件帳號$/);
    await page.keyboard.press('Enter');
    // The AIS simulator's form, by keyboard too (waiting for each page is not using a pointer).
    await page.getByLabel(/Account/).waitFor();
    await page.keyboard.press('Tab');
    await page.keyboard.type('z10011');
    await page.keyboard.press('Tab');
    await page.keyboard.type('ais-demo');
    await page.keyboard.press('Enter');
    await page.getByRole('heading', { name: /Computer and Communication Center Services/ }).waitFor();
    await tabTo(/^網路系統組線上服務/);
    await page.keyboard.press('Enter');

    await expect(page.getByRole('heading', { level: 1 })).toHaveText('個人資料');
    await tabTo(/^電子郵件帳號申請$/);
    await page.keyboard.press('Enter');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('校園網路使用規範');
    await tabTo(/^同意，繼續$/);
    await page.keyboard.press('Enter');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('電子郵件信箱使用規範');
    await tabTo(/^同意，繼續$/);
    await page.keyboard.press('Enter');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('設定帳號');
    // The names arrive after the heading: wait for the radio group itself, never for time.
    const firstName = page.getByRole('radio').first();
    await expect(firstName).toBeEnabled();
    await page.keyboard.press('Tab'); // into the radio group: the first name
    await expect(firstName).toBeFocused();
    await page.keyboard.press('Space');
    await expect(firstName).toBeChecked();
    await page.keyboard.press('Tab');
    // With more than six names, "more names" comes between the list and the password.
    const more = page.getByRole('button', { name: /^其他名稱/ });
    if ((await more.count()) > 0) {
      await expect(more).toBeFocused();
      await page.keyboard.press('Tab');
    }
    await expect(page.getByLabel('信箱新密碼')).toBeFocused();
    await page.keyboard.type(STRONG);
    await page.keyboard.press('Tab');
    await expect(page.getByLabel('新密碼確認')).toBeFocused();
    await page.keyboard.type(STRONG);
    await expect(page.locator('.meter strong')).toHaveText('很強');
    await expect(page.getByRole('button', { name: '確定申請' })).toBeEnabled();
    await tabTo(/^確定申請$/);
    await page.keyboard.press('Enter');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('您的電子郵件帳號已建立');
    const entries = await withDirectory(
      kioskHost.ready,
      async (c) => (await c.search(BASE_DN, { filter: '(sn=z10011)', attributes: ['uid'] })).searchEntries,
    );
    expect(entries).toHaveLength(1);
    await tabTo(/^完成$/);
    await page.keyboard.press('Enter');
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('電子郵件帳號服務');
  });
});
