// Helpers for the specs that use the helpdesk console: the operator's sign-in at the counter, and
// starting an assist from the console's assist tab.
import { expect, type Page } from '@playwright/test';
import { FIXTURE } from '../../../../dev/slapd/fixture-directory';
import type { AssistReason } from '../../../../shared/contract/helpdesk-schemas';

export const OPERATOR = FIXTURE.operators.member;

/** Ctrl+Alt+H and the helpdesk member's sign-in; with the right password, on to the console. */
export async function operatorSignIn(page: Page, password: string = OPERATOR.password): Promise<void> {
  await page.keyboard.press('Control+Alt+h');
  // Welcome's own name contains 帳號 too: the sign-in form must be there before its fields are found.
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('服務台人員登入');
  await page.getByLabel('帳號', { exact: true }).fill(OPERATOR.uid);
  await page.getByLabel('密碼', { exact: true }).fill(password);
  await page.getByRole('button', { name: '登入' }).click();
  if (password === OPERATOR.password) await expect(page.getByRole('heading', { level: 1 })).toHaveText('服務台主控台');
}

/** The assist tab's tasks, by the name of the button that starts each. */
const START = {
  reset: '開始重設密碼',
  'apply-from-hr': '開始申請（不經校務資訊系統）',
  'apply-through-ais': '申請人自行以校務資訊系統登入',
} as const;

/**
 * From the console: the applicant's staff ID and the reason (the form's first unless given), then
 * the task. Either application asks for the operator's password again; the reset does not.
 */
export async function startAssist(
  page: Page,
  task: keyof typeof START,
  staffId: string,
  reason?: AssistReason,
): Promise<void> {
  await page.getByRole('tab', { name: '協助申請人', exact: true }).click();
  await page.locator('#assist-staff-id').fill(staffId);
  if (reason) await page.locator('#assist-reason').selectOption(reason);
  if (task !== 'reset') await page.getByLabel('您的密碼').fill(OPERATOR.password);
  await page.getByRole('button', { name: START[task] }).click();
}
