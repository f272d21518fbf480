// Shared by the Chromium benchmarks: from the demo host's launch URL to step 3, as a person would.
import type { Page } from '@playwright/test';
import { loadRoster } from '../dev/ais-sim/ais-simulator';

const roster = loadRoster();

export async function toStep3(page: Page, launchUrl: string, staffId: string): Promise<void> {
  await page.goto(launchUrl);
  await page.getByRole('button', { name: '申請教職員電子郵件帳號' }).click();
  await page.getByLabel(/Account/).fill(staffId);
  await page.getByLabel(/Password/).fill(roster.password);
  await page.getByRole('button', { name: /Log in/ }).click();
  await page.getByRole('link', { name: /^網路系統組線上服務/ }).click();
  await page.getByRole('button', { name: '電子郵件帳號申請' }).click();
  await page.getByRole('button', { name: '同意，繼續' }).click();
  await page.getByRole('heading', { level: 1, name: '電子郵件信箱使用規範', exact: true }).waitFor();
  await page.getByRole('button', { name: '同意，繼續' }).click();
  await page.getByLabel('信箱新密碼').waitFor();
}
