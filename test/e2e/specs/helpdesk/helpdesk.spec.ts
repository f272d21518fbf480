// The helpdesk at the counter, in Chromium: Ctrl+Alt+H, the operator's own sign-in, health, lookup,
// and the out-of-service switch as the next person would see it.
import type { Page } from '@playwright/test';
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEMO_AIS_KEY_HEX } from '../../../../dev/demo/demo-profile';
import { FIXTURE } from '../../../../dev/slapd/fixture-directory';
import { startConfiguredHost } from '../../../support/demo-host-process';
import { askMain } from '../../fixtures/ask-main';
import { expect, saveScreenshot, test } from '../../fixtures/kiosk-host';
import { signInThroughAis } from '../sign-in/ais-simulator';
import { operatorSignIn, startAssist } from './console';
import { BASE_DN, canBind, expectAccessible, screenshotsBothLanguages, withDirectory } from '../wizard/wizard';

const { member, outsider } = FIXTURE.operators;
/** The console shows one task at a time, behind its tab. */
const openTab = (page: Page, name: string) => page.getByRole('tab', { name, exact: true }).click();

test('the helpdesk signs in, looks an account up, and takes the kiosk out of service and back', async ({
  kioskPage: page,
}) => {
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
  // Health is one line until opened.
  await openTab(page, '本機');
  await expect(page.locator('.health-summary summary')).toHaveText(/^系統檢查：\d+ 項正常，0 項失敗/);
  await page.locator('.health-summary summary').click();
  await expect(page.locator('.checks [data-status="OK"]').first()).toBeVisible();
  await expect(page.locator('.checks [data-status="FAIL"]')).toHaveCount(0);
  await openTab(page, '查詢帳號');
  // By English name: a substring, in another case than the HR record's WANG,HSIAO-MING.
  await page.getByLabel('人事代號、帳號、中文或英文姓名').fill('hsiao-ming');
  await page.getByRole('button', { name: '查詢' }).click();
  await expect(page.getByRole('cell', { name: 'hmwang' })).toBeVisible();
  await page.getByLabel('人事代號、帳號、中文或英文姓名').fill('z10002');
  await page.getByRole('button', { name: '查詢' }).click();
  await expect(page.getByRole('cell', { name: 'cychen' })).toBeVisible();
  await expect(page.getByRole('cell', { name: '已停用' })).toBeVisible();
  await expect(page.locator('body')).not.toContainText('SSHA');
  await expectAccessible(page, 'helpdesk console');
  await screenshotsBothLanguages(page, 'screen-helpdesk');

  await openTab(page, '本機');
  await page.getByRole('button', { name: '暫停服務', exact: true }).click();
  // It asks first; "leave it" is the default and changes nothing.
  await expect(page.getByRole('alertdialog', { name: '要讓本機暫停服務嗎？' })).toBeVisible();
  await expect(page.getByRole('button', { name: '不要變更' })).toBeFocused();
  await page.getByRole('alertdialog').getByRole('button', { name: '暫停服務', exact: true }).click();
  await expect(page.getByRole('button', { name: '恢復服務', exact: true })).toBeVisible();
  await page.getByRole('button', { name: '登出' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('本自助服務機暫停服務');
  await expect(page.getByText('This kiosk is temporarily out of service')).toBeVisible();
  await expect(page.getByRole('button', { name: '申請教職員電子郵件帳號' })).toHaveCount(0);
  await expectAccessible(page, 'out of service');
  await saveScreenshot(page, 'screen-out-of-service');

  await operatorSignIn(page);
  await openTab(page, '本機');
  await page.getByRole('button', { name: '恢復服務', exact: true }).click();
  await page.getByRole('alertdialog').getByRole('button', { name: '恢復服務', exact: true }).click();
  await expect(page.getByRole('button', { name: '暫停服務', exact: true })).toBeVisible();
  await page.getByRole('button', { name: '登出' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('電子郵件帳號服務');
});

test('the console lists the fleet from the directory, and the fleet switch closes this kiosk too', async ({
  kioskPage: page,
}) => {
  await operatorSignIn(page);
  await openTab(page, '各自助服務機');
  // This kiosk's own heartbeat entry, written by the host's beacon.
  const row = page.locator('.fleet-table').getByRole('row', { name: /demo-counter/ });
  await expect(row).toContainText('服務中');
  await page.getByRole('button', { name: '全部暫停服務' }).click();
  await expect(page.getByRole('alertdialog', { name: '要讓全部自助服務機暫停服務嗎？' })).toBeVisible();
  await page.getByRole('alertdialog').getByRole('button', { name: '全部暫停服務' }).click();
  await expect(page.getByText('已將全部自助服務機設為暫停服務。')).toBeVisible();
  await expect(row).toContainText('全部暫停服務');
  // Who switched, from which kiosk and when: the console shows what the switch command wrote.
  await expect(page.getByTestId('fleet-switched')).toContainText(
    `全部機器的開關最後由 ${member.uid} 於 demo-counter 設為暫停服務`,
  );
  for (const [width, height] of [
    [1280, 800],
    [1024, 768],
    [1080, 1920],
  ] as const) {
    await page.setViewportSize({ width, height });
    await screenshotsBothLanguages(page, `screen-fleet-switched-${width}x${height}`);
  }
  await page.setViewportSize({ width: 1280, height: 800 });
  await page.getByRole('button', { name: '登出' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('本自助服務機暫停服務');

  await operatorSignIn(page);
  await openTab(page, '各自助服務機');
  await page.getByRole('button', { name: '全部恢復服務' }).click();
  await page.getByRole('alertdialog').getByRole('button', { name: '全部恢復服務' }).click();
  await expect(page.getByText('全部自助服務機開放服務中（個別機器可能另外暫停）。')).toBeVisible();
  await page.getByRole('button', { name: '登出' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('電子郵件帳號服務');
});

test('the fleet switch set at this kiosk closes a second kiosk on another backend, seen in its own page', async ({
  kioskPage: page,
  kioskHost,
  browser,
}) => {
  // A second counter: its own host process and backend, on the same directory and AIS.
  const dir = await mkdtemp(join(tmpdir(), 'mx-second-kiosk-'));
  const configPath = join(dir, 'config.json');
  await writeFile(
    configPath,
    JSON.stringify({
      kioskId: 'second-counter',
      directory: {
        urls: [kioskHost.ready.ldap!.ldapsUrl],
        caFile: kioskHost.ready.ldap!.caFile,
        bindDn: FIXTURE.serviceDn,
        bindPassword: { env: 'SECOND_LDAP_PASSWORD' },
        baseDn: FIXTURE.baseDn,
      },
      ais: { key: { env: 'SECOND_AIS_KEY' }, loginUrl: kioskHost.ready.ais, egressAddresses: ['127.0.0.1'] },
      audit: { file: join(dir, 'audit.jsonl') },
      fleet: { checkSeconds: 5 },
    }),
  );
  const second = await startConfiguredHost(configPath, {
    SECOND_LDAP_PASSWORD: FIXTURE.servicePassword,
    SECOND_AIS_KEY: DEMO_AIS_KEY_HEX,
  });
  const other = await browser.newPage();
  try {
    await other.goto(second.ready.url);
    await expect(other.getByRole('heading', { level: 1 })).toHaveText('電子郵件帳號服務');

    await operatorSignIn(page);
    await openTab(page, '各自助服務機');
    await expect(page.locator('.fleet-table').getByRole('row', { name: /second-counter/ })).toContainText('服務中');
    await page.getByRole('button', { name: '全部暫停服務' }).click();
    await page.getByRole('alertdialog').getByRole('button', { name: '全部暫停服務' }).click();
    await expect(page.getByText('已將全部自助服務機設為暫停服務。')).toBeVisible();

    // The second kiosk reads the switch within its check interval; a reload shows what main says.
    await expect(async () => {
      await other.reload();
      await expect(other.getByRole('heading', { level: 1 })).toHaveText('本自助服務機暫停服務', { timeout: 1000 });
    }).toPass({ timeout: 20_000 });
  } finally {
    await page.getByRole('button', { name: '全部恢復服務' }).click();
    await page.getByRole('alertdialog').getByRole('button', { name: '全部恢復服務' }).click();
    await expect(page.getByText('全部自助服務機開放服務中（個別機器可能另外暫停）。')).toBeVisible();
    await other.close();
    await second.stop();
  }
});

test('an assisted reset: the operator checks the ID, looks away, and the applicant sets the password', async ({
  kioskPage: page,
  kioskHost,
}) => {
  await operatorSignIn(page);
  await startAssist(page, 'reset', 'z10001', 'ais-unavailable');

  await expect(page.getByRole('heading', { level: 1 })).toHaveText('請將螢幕交給申請人');
  await expect(page.getByText('服務台人員：請轉開視線，不要看申請人輸入密碼。')).toBeVisible();
  await expect(page.locator('body')).not.toContainText('服務台主控台');
  await expect(page.locator('input[type=password]')).toHaveCount(0);
  await expectAccessible(page, 'assisted handover');
  await screenshotsBothLanguages(page, 'screen-assisted-handover');

  await page.getByRole('button', { name: '我是申請人，繼續' }).click();
  await expect(page.getByText('要重設密碼的信箱：hmwang@mx.nthu.edu.tw')).toBeVisible();
  const password = 'Zx8$uYt!6qWe#3rP';
  await page.getByLabel('信箱新密碼').fill(password);
  await page.getByLabel('新密碼確認').fill(password);
  await page.getByRole('button', { name: '重設密碼' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('密碼已重設');
  expect(await canBind(kioskHost.ready, `uid=hmwang,ou=people,${BASE_DN}`, password)).toBe(true);

  // The operator was signed out at the handover: the console needs a new sign-in.
  await page.getByRole('button', { name: '完成' }).click();
  expect(await askMain(page, 'helpdesk:health')).toEqual({ ok: false, code: 'OPERATOR_SESSION(0)' });
});

test('an application without AIS: the operator starts it from the HR records, the applicant goes on', async ({
  kioskPage: page,
  kioskHost,
}) => {
  await operatorSignIn(page);
  await startAssist(page, 'apply-from-hr', 'z10030', 'ais-unavailable');

  await expect(page.getByRole('heading', { level: 1 })).toHaveText('請將螢幕交給申請人');
  await expect(page.locator('input[type=password]')).toHaveCount(0);
  await page.getByRole('button', { name: '我是申請人，繼續' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('個人資料');
  await expect(page.locator('dl.profile')).toContainText('高淑慧');
  await expect(page.locator('dl.profile')).toContainText('KAO,SHU-HUI');
  // Nobody signed in to AIS: the card says where the person came from, and who assisted.
  await expect(page.locator('dl.profile')).toContainText('人事資料，由服務台人員 opchen 協助');
  await expect(page.locator('dl.profile')).not.toContainText('校務資訊系統');
  await page.getByRole('button', { name: '電子郵件帳號申請' }).click();
  await page.getByRole('button', { name: '同意，繼續' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('電子郵件信箱使用規範');
  await page.getByRole('button', { name: '同意，繼續' }).click();
  await page.getByLabel('shkao@mx.nthu.edu.tw', { exact: true }).check();
  const password = 'Lk9#mQ2$wE7!rT4v';
  await page.getByLabel('信箱新密碼').fill(password);
  await page.getByLabel('新密碼確認').fill(password);
  await page.getByRole('button', { name: '確定申請' }).click();
  await expect(page.locator('.new-address')).toHaveText('shkao@mx.nthu.edu.tw');
  const [entry] = await withDirectory(
    kioskHost.ready,
    async (c) =>
      (await c.search(`uid=shkao,ou=people,${BASE_DN}`, { scope: 'base', attributes: ['creatorsName'] })).searchEntries,
  );
  expect(entry?.creatorsName).toBe(`uid=${member.uid},ou=operators,${BASE_DN}`);
});

test('an assisted application through AIS: the applicant signs in as usual, the operator is the creator', async ({
  kioskPage: page,
  kioskHost,
}) => {
  await operatorSignIn(page);
  // The assist is for this applicant only: anyone else signing in meanwhile is not assisted.
  await startAssist(page, 'apply-through-ais', 'z10012', 'cannot-use-kiosk');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('電子郵件帳號服務');
  // Welcome confirms what the helpdesk started: whom it waits for, until when, how to cancel.
  const awaited = page.locator('.awaited');
  await expect(awaited).toContainText('人事代號 z10012 的申請人');
  await expect(awaited).toContainText('服務台人員：opchen。');
  await expect(awaited).toContainText(/等候到 \d\d:\d\d 為止/);
  await expect(awaited).toContainText('取消等候：按 Ctrl+Alt+H');
  await expectAccessible(page, 'welcome, waiting for an assisted applicant');
  await saveScreenshot(page, 'screen-welcome-awaited-zh-TW');

  await signInThroughAis(page, 'z10012');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Your profile');
  await expect(page.locator('dl.profile')).toContainText('AIS, assisted by opchen');
  await page.getByRole('button', { name: 'New Email Account' }).click();
  await page.getByRole('button', { name: 'Accept and Continue' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Terms of Use for Email Accounts');
  await page.getByRole('button', { name: 'Accept and Continue' }).click();
  await page.locator('.candidate input').first().check();
  const password = 'Pq7!vB3#nM8$kL2w';
  await page.getByLabel('New mailbox password').fill(password);
  await page.getByLabel('Confirm new password').fill(password);
  await page.getByRole('button', { name: 'Apply' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Your email account is ready');
  const [entry] = await withDirectory(
    kioskHost.ready,
    async (c) =>
      (await c.search(BASE_DN, { filter: '(&(objectClass=posixAccount)(sn=z10012))', attributes: ['creatorsName'] }))
        .searchEntries,
  );
  expect(entry?.creatorsName).toBe(`uid=${member.uid},ou=operators,${BASE_DN}`);
});
