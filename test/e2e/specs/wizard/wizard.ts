// Helpers for the wizard specs: getting to a step, checking accessibility, and screenshots of a
// screen in both languages.
import AxeBuilder from '@axe-core/playwright';
import { expect, type Page } from '@playwright/test';
import { saveScreenshot } from '../../fixtures/kiosk-host';
import type { DemoReadyLine } from '../../../support/demo-host-process';
import { signInThroughAis } from '../sign-in/ais-simulator';
import { canBindAt } from '../../../support/directory-checks';

export const STRONG = 'Vb7#qLm2!xTr9wKz';

/** axe-core over the whole page: the kiosk ships with zero violations on every screen. */
export async function expectAccessible(page: Page, screen: string): Promise<void> {
  // Legacy mode runs axe in the page itself instead of opening a blank page to merge the results
  // of frames; the kiosk has no frames, so the verdict is the same at half the cost, which under
  // load kept the eight-screen application spec over its time budget (docs/TESTING.md).
  const { violations } = await new AxeBuilder({ page }).setLegacyMode(true).analyze();
  expect(violations.map((v) => `${screen}: ${v.id} (${v.nodes.length}) ${v.help}`)).toEqual([]);
}

/** Saves the screen in the current language and in the other one, then switches back. */
export async function screenshotsBothLanguages(page: Page, name: string): Promise<void> {
  const zh = (await page.locator('html').getAttribute('lang')) === 'zh-Hant-TW';
  await saveScreenshot(page, `${name}-${zh ? 'zh-TW' : 'en'}`);
  await page.locator('.language-switch').click();
  await saveScreenshot(page, `${name}-${zh ? 'en' : 'zh-TW'}`);
  await page.locator('.language-switch').click();
}

/** Welcome → AIS → profile → steps 1 and 2 accepted → step 3, in Chinese labels. */
export async function reachStep3(page: Page, id: string): Promise<void> {
  await signInThroughAis(page, id);
  await page.getByRole('button', { name: /電子郵件帳號申請|New Email Account/ }).click();
  await page.getByRole('button', { name: /同意，繼續|Accept and Continue/ }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(
    /電子郵件信箱使用規範|Terms of Use for Email Accounts/,
  );
  await page.getByRole('button', { name: /同意，繼續|Accept and Continue/ }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(/設定帳號|Set account/);
}

export { withDirectory } from '../../fixtures/demo-directory';

/** The demo directory's plain loopback URL, for binding as a person in assertions. */
export const canBind = (ready: DemoReadyLine, dn: string, password: string) => canBindAt(ready.ldap.url, dn, password);

export const BASE_DN = 'dc=mx,dc=nthu,dc=edu,dc=tw';
