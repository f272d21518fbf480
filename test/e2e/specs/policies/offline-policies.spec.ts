// With the directory and AIS both unreachable: Welcome says so first and closes Apply and Reset,
// and "Read the policies" still works without signing in.
import { mkdtemp, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, test } from '@playwright/test';
import { startConfiguredHost } from '../../../support/host-process';
import { expectAccessible, screenshotsBothLanguages } from '../wizard/wizard';

test('shows both policies while the directory and AIS are down', async ({ page }) => {
  const dir = await mkdtemp(join(tmpdir(), 'mx-offline-'));
  const config = join(dir, 'config.yaml');
  // Every external system points at a closed loopback port.
  await writeFile(
    config,
    `kioskId: offline-counter
directory: { urls: ["ldaps://127.0.0.1:1"], bindDn: "cn=kiosk", bindPassword: { env: OFFLINE_PW }, baseDn: "dc=x", connectTimeoutMs: 500 }
ais: { key: { env: OFFLINE_KEY }, loginUrl: "http://127.0.0.1:9/" }
audit: { file: "${join(dir, 'audit.jsonl')}" }
`,
  );
  const host = await startConfiguredHost(config, { OFFLINE_PW: 'x', OFFLINE_KEY: 'ab'.repeat(32) });
  try {
    await page.goto(host.url);
    await expect(page.getByText('無法連線').first()).toBeVisible();
    // Before anyone goes through AIS: a banner, and Apply and Reset closed, pointing at it.
    await expect(page.getByRole('alert')).toContainText('目前無法申請信箱或重設密碼');
    for (const name of ['申請教職員電子郵件帳號', '重設信箱密碼']) {
      await expect(page.getByRole('button', { name })).toBeDisabled();
      await expect(page.getByRole('button', { name })).toHaveAttribute('aria-describedby', 'service-banner');
    }
    await expectAccessible(page, 'welcome, directory down');
    await screenshotsBothLanguages(page, 'screen-welcome-directory-down');
    await page.getByRole('button', { name: '閱讀使用規範' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('使用規範');
    // The reader says it only reads, and its way back is on the screen without scrolling.
    await expect(page.getByText('這裡只供閱讀；申請信箱時，會在第 1、2 步請您逐一同意。')).toBeVisible();
    await expect(page.getByRole('button', { name: '回到首頁' })).toBeInViewport();
    await expect(page.locator('body')).not.toContainText('同意，繼續');
    await expect(page.getByRole('heading', { name: '校園網路使用規範（摘要）' })).toBeVisible();
    await expect(page.getByRole('heading', { name: '電子郵件信箱使用規範（摘要）' })).toBeVisible();
    await expect(
      page.getByText('2008-09-18、2008-11-13、2015-05-28、2016-03-03、2018-03-08', { exact: false }),
    ).toBeVisible();
    await expectAccessible(page, 'policies');
    await screenshotsBothLanguages(page, 'screen-policies');
    await page.getByRole('button', { name: '回到首頁' }).click();
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('電子郵件帳號服務');
  } finally {
    await host.stop();
  }
});
