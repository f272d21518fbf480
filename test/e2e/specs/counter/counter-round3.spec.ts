// The counter and helpdesk, round 3, in Chromium: the console fits a counter screen one task at a
// time (measured at 1280×800 and 1024×768), refusals never run a raw code into a sentence, the
// header holds at every size and display mode, the contact read-back warns again, a reset's Cancel
// asks before dropping a typed password, and the idle warning speaks both languages. Screenshots
// of each changed screen in both languages at the three counter sizes.
import { type Page } from '@playwright/test';
import { expect, saveScreenshot, test } from '../../fixtures/kiosk-host';
import { operatorSignIn, startAssist } from '../helpdesk/console';
import { signInThroughAis } from '../sign-in/ais-simulator';
import { expectAccessible, reachStep3, STRONG } from '../wizard/wizard';

const SIZES = [
  { name: '1280x800', width: 1280, height: 800 },
  { name: '1024x768', width: 1024, height: 768 },
  { name: '1080x1920', width: 1080, height: 1920 },
] as const;
const TABS = {
  'zh-TW': ['查詢帳號', '協助申請人', '聯絡信箱', '本機', '各自助服務機'],
  en: ['Look up', 'Assist', 'Contact address', 'This kiosk', 'All kiosks'],
} as const;
// A stable code as staff see it (USER(-2), CONTACT_CODE_WRONG): never inside a sentence.
const RAW_CODE = /\b[A-Z]+(?:_[A-Z]+)+\b|\b[A-Z]+\(-?\d+\)/;

// Screenshots at three sizes in two languages take most of each test's time.
test.describe.configure({ timeout: 180_000 });

const languageOf = async (page: Page) => ((await page.locator('html').getAttribute('lang')) === 'en' ? 'en' : 'zh-TW');

async function inLanguage(page: Page, language: 'zh-TW' | 'en') {
  if ((await languageOf(page)) !== language) await page.locator('.language-switch').click();
  await expect(page.locator('html')).toHaveAttribute('lang', language === 'en' ? 'en' : 'zh-Hant-TW');
}

/** The screen in both languages at each counter size, then back to 1280×800 in the language it had. */
async function screenshotsAllSizes(page: Page, name: string): Promise<void> {
  const start = await languageOf(page);
  for (const size of SIZES) {
    await page.setViewportSize(size);
    for (const language of ['zh-TW', 'en'] as const) {
      await inLanguage(page, language);
      await saveScreenshot(page, `r3-${name}-${size.name}-${language}`);
    }
  }
  await inLanguage(page, start);
  await page.setViewportSize(SIZES[0]);
}

/** A dialog covers the language switch: the language is set first, then the dialog opened and shot at each size. */
async function dialogShotsAllSizes(
  page: Page,
  name: string,
  open: () => Promise<void>,
  keep: () => Promise<void>,
): Promise<void> {
  for (const language of ['zh-TW', 'en'] as const) {
    await inLanguage(page, language);
    await open();
    for (const size of SIZES) {
      await page.setViewportSize(size);
      await saveScreenshot(page, `r3-${name}-${size.name}-${language}`);
    }
    await page.setViewportSize(SIZES[0]);
    await keep();
  }
  await inLanguage(page, 'zh-TW');
}

/** The sentence part of every refusal on screen carries no raw code; the code has its Reference line. */
async function expectCodesApart(page: Page, code: string) {
  const problem = page.locator('.problem').last();
  await expect(problem.locator('.reference')).toHaveText(
    new RegExp(`^(參考代碼：|Reference:) ${code.replace(/[()]/g, '\\$&')}$`),
  );
  for (const sentence of await problem.locator('p:not(.reference)').allTextContents()) {
    expect(sentence).not.toMatch(RAW_CODE);
    expect(sentence).toMatch(/[。.！？!?]$/);
  }
}

test('the console fits 1280×800 and 1024×768 one task at a time, in both languages', async ({ kioskPage: page }) => {
  await operatorSignIn(page);
  await page.getByLabel('人事代號、帳號、中文或英文姓名').fill('z1000');
  await page.getByRole('button', { name: '查詢' }).click();
  await expect(page.getByRole('cell', { name: 'hmwang' })).toBeVisible();
  for (const size of SIZES.slice(0, 2)) {
    await page.setViewportSize(size);
    for (const language of ['zh-TW', 'en'] as const) {
      await inLanguage(page, language);
      for (const tab of TABS[language]) {
        await page.getByRole('tab', { name: tab, exact: true }).click();
        await expect(page.getByRole('tab', { name: tab, exact: true })).toHaveAttribute('aria-selected', 'true');
        const summary = page.locator('.health-summary summary');
        if (await summary.count()) {
          // Measured with the system checks open, the tallest state of that task.
          await summary.click();
          await expect(page.locator('.health-summary')).toHaveAttribute('open', '');
        }
        await page.waitForLoadState('networkidle');
        const { scroll, view } = await page.evaluate(() => ({
          scroll: document.documentElement.scrollHeight,
          view: window.innerHeight,
        }));
        expect({ size: size.name, language, tab, fits: scroll <= view, scroll }).toEqual({
          size: size.name,
          language,
          tab,
          fits: true,
          scroll,
        });
      }
    }
  }
  await page.setViewportSize(SIZES[0]);
  await inLanguage(page, 'zh-TW');
  for (const [i, tab] of TABS['zh-TW'].entries()) {
    await page.getByRole('tab', { name: tab, exact: true }).click();
    if (i === 0) {
      await page.getByLabel('人事代號、帳號、中文或英文姓名').fill('chen');
      await page.getByRole('button', { name: '查詢' }).click();
      await expect(page.getByRole('cell', { name: 'cychen' })).toBeVisible();
    }
    await expectAccessible(page, `console tab ${tab}`);
    await screenshotsAllSizes(page, `console-${i + 1}-${['lookup', 'assist', 'contact', 'kiosk', 'fleet'][i]}`);
  }
});

test('the fleet table is read again after a switch: this kiosk out of service shows there at once', async ({
  kioskPage: page,
}) => {
  await operatorSignIn(page);
  await page.getByRole('tab', { name: '各自助服務機' }).click();
  const row = page.locator('.fleet-table').getByRole('row', { name: /demo-counter/ });
  await expect(row).toContainText('服務中');
  await page.getByRole('tab', { name: '本機' }).click();
  await page.getByRole('button', { name: '暫停服務', exact: true }).click();
  await page.getByRole('alertdialog').getByRole('button', { name: '暫停服務', exact: true }).click();
  await expect(page.getByRole('button', { name: '恢復服務', exact: true })).toBeVisible();
  await page.getByRole('tab', { name: '各自助服務機' }).click();
  await expect(row).toContainText('本機暫停服務');
  await page.getByRole('tab', { name: '本機' }).click();
  await page.getByRole('button', { name: '恢復服務', exact: true }).click();
  await page.getByRole('alertdialog').getByRole('button', { name: '恢復服務', exact: true }).click();
  await page.getByRole('tab', { name: '各自助服務機' }).click();
  await expect(row).toContainText('服務中');
});

test('Welcome names the awaited applicant; the profile says HR records and who assisted; Reject asks first', async ({
  kioskPage: page,
}) => {
  await operatorSignIn(page);
  await startAssist(page, 'apply-through-ais', 'z10013');
  await expect(page.locator('.awaited')).toContainText('z10013');
  await screenshotsAllSizes(page, 'welcome-awaited');

  await operatorSignIn(page);
  await startAssist(page, 'apply-from-hr', 'z10030', 'ais-unavailable');
  await page.getByRole('button', { name: '我是申請人，繼續' }).click();
  await expect(page.locator('dl.profile')).toContainText('人事資料，由服務台人員 opchen 協助');
  await expect(page.locator('dl.profile')).toContainText('開始時間');
  await screenshotsAllSizes(page, 'profile-from-hr');
  await page.getByRole('button', { name: '電子郵件帳號申請' }).click();
  // The network policy's version carries its approval date: the date is said once.
  await expect(page.locator('.policy-dates')).toHaveText('通過日期：2002-05-23。');
  await dialogShotsAllSizes(
    page,
    'reject-confirm',
    () => page.locator('.sticky-actions button.secondary').click(),
    () => page.getByRole('alertdialog').locator('button.primary').click(),
  );
  await page.getByRole('button', { name: '不同意' }).click();
  await page.getByRole('button', { name: '不同意，結束申請' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('未同意使用規範');
});

test('the console says there is no HR record in sentences, with the code on its own line', async ({
  kioskPage: page,
}) => {
  await operatorSignIn(page);
  await startAssist(page, 'apply-from-hr', 'z10039');
  await expect(page.getByRole('alert')).toContainText('人事資料中沒有這個人事代號。請再核對一次人事代號');
  await expectCodesApart(page, 'NO_HR_RECORD');
  await expectAccessible(page, 'no HR record');
  await screenshotsAllSizes(page, 'console-no-hr-record');
  await page.getByRole('button', { name: '登出' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('電子郵件帳號服務');
  await operatorSignIn(page, 'not-the-password');
  await expectCodesApart(page, 'OPERATOR_DENIED');
  await screenshotsAllSizes(page, 'operator-denied');
});

test('the header holds on one line at every size, language, text size and contrast', async ({ kioskPage: page }) => {
  for (const size of SIZES) {
    await page.setViewportSize(size);
    for (const language of ['zh-TW', 'en'] as const) {
      await inLanguage(page, language);
      for (const [large, contrast] of [
        [false, false],
        [true, false],
        [true, true],
      ] as const) {
        for (const [button, on] of [
          [page.locator('.display-toggle').nth(0), large],
          [page.locator('.display-toggle').nth(1), contrast],
        ] as const) {
          if ((await button.getAttribute('aria-pressed')) !== String(on)) await button.click();
        }
        // Each label is one line (a text broken across lines has more than one box) and stays inside the header.
        const lines = await page.locator('.kiosk-header').evaluate((header) => {
          const box = header.getBoundingClientRect();
          return [...header.querySelectorAll('.kiosk-center, button')].map((el) => {
            const range = document.createRange();
            range.selectNodeContents(el);
            const rects = [...range.getClientRects()].filter((r) => r.width > 0);
            const tops = new Set(rects.map((r) => Math.round(r.top)));
            const own = el.getBoundingClientRect();
            return {
              text: el.textContent,
              lines: tops.size,
              inside: own.right <= box.right + 0.5 && own.left >= box.left - 0.5,
            };
          });
        });
        for (const line of lines)
          expect({ size: size.name, language, large, contrast, ...line }).toEqual({
            size: size.name,
            language,
            large,
            contrast,
            text: line.text,
            lines: 1,
            inside: true,
          });
      }
      if (size.name === '1024x768') await saveScreenshot(page, `r3-header-large-contrast-${size.name}-${language}`);
    }
  }
});

test('a reset’s Cancel asks before dropping a typed password', async ({ kioskPage: page }) => {
  await signInThroughAis(page, 'z10001', 'normal', '重設信箱密碼');
  await page.getByRole('button', { name: '重設信箱密碼' }).click();
  await expect(page.getByText('要重設密碼的信箱：hmwang@mx.nthu.edu.tw')).toBeVisible();
  await page.getByLabel('信箱新密碼').fill(STRONG);
  // After the confirm field, Tab reaches Reset first.
  await page.getByLabel('新密碼確認').fill(STRONG);
  await expect(page.getByRole('button', { name: '重設密碼' })).toBeEnabled();
  await page.keyboard.press('Tab');
  await expect(page.getByRole('button', { name: '重設密碼' })).toBeFocused();
  await page.getByRole('button', { name: '取消' }).click();
  const dialog = page.getByRole('alertdialog', { name: '要取消重設密碼嗎？' });
  await expect(dialog.getByRole('button', { name: '繼續重設' })).toBeFocused();
  await expectAccessible(page, 'reset cancel confirmation');
  await dialog.getByRole('button', { name: '繼續重設' }).click();
  await dialogShotsAllSizes(
    page,
    'reset-cancel-confirm',
    () => page.locator('.actions.apart > button.secondary').click(),
    () => page.getByRole('alertdialog').locator('button.primary').click(),
  );
  await expect(page.getByLabel('信箱新密碼')).toHaveValue(STRONG);
  await page.getByRole('button', { name: '取消' }).click();
  await dialog.getByRole('button', { name: '取消重設' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('電子郵件帳號服務');
  await expect(page.locator('body')).not.toContainText('hmwang');
});

test('the result in plain words with the QR code, the read-back warns again, codes apart, and the idle warning in both languages', async ({
  page,
  kioskHost,
}) => {
  await page.clock.install();
  await page.goto(kioskHost.ready.url);
  await reachStep3(page, 'z10011');
  await page.locator('.candidate input').first().check();
  await page.getByLabel('信箱新密碼').fill(STRONG);
  await page.getByLabel('新密碼確認').fill(STRONG);
  await expect(page.getByRole('button', { name: '確定申請' })).toBeEnabled();
  await page.keyboard.press('Tab');
  await expect(page.getByRole('button', { name: '確定申請' })).toBeFocused();
  await page.getByRole('button', { name: '確定申請' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('您的電子郵件帳號已建立');
  await expect(page.getByText('您的信箱容量：60 GB。')).toBeVisible();
  await expect(page.getByText(/已建立新的 LDAP 帳號/)).toBeHidden();
  await expect(page.getByRole('button', { name: '列印收據' })).toHaveCount(0);
  await expect(page.locator('.help-qr svg[role="img"]')).toBeVisible();
  await screenshotsAllSizes(page, 'result');

  await page.getByLabel('聯絡用電子郵件信箱', { exact: true }).fill('chihming.chang@gmial.com');
  await page.getByRole('button', { name: '核對地址' }).click();
  const shown = page.locator('.readback-address');
  await expect(shown).toHaveText('chihming.chang@gmial.com');
  await expect(page.getByText('請注意：您輸入的是 gmial.com，是不是要輸入 chihming.chang@gmail.com？')).toBeVisible();
  // Larger than the instruction above it, letter for letter.
  const sizes = await page.evaluate(() => ({
    address: parseFloat(getComputedStyle(document.querySelector('.readback-address')!).fontSize),
    lead: parseFloat(getComputedStyle(document.querySelector('.contact .lead')!).fontSize),
    family: getComputedStyle(document.querySelector('.readback-address')!).fontFamily,
  }));
  expect(sizes.address).toBeGreaterThan(sizes.lead);
  expect(sizes.family).toMatch(/mono/i);
  await expectAccessible(page, 'contact read-back with hint');
  await page.locator('.contact').scrollIntoViewIfNeeded();
  await screenshotsAllSizes(page, 'contact-readback-hint');
  await page.getByRole('button', { name: '使用此地址' }).click();
  await page.getByRole('button', { name: '寄送確認碼' }).click();
  await page.getByLabel('確認碼').fill('000000');
  await page.getByRole('button', { name: '確認', exact: true }).click();
  await expect(page.getByRole('alert')).toContainText('還可以再試');
  await expectCodesApart(page, 'CONTACT_CODE_WRONG');
  await expect(page.getByRole('alert').locator('p').first()).toHaveText(/^確認碼錯誤。還可以再試 \d 次。$/);
  await page.locator('.contact').scrollIntoViewIfNeeded();
  await screenshotsAllSizes(page, 'contact-code-wrong');

  await page.clock.fastForward('01:02');
  const warning = page.getByRole('alertdialog');
  await expect(warning).toContainText('為保護您的資料');
  await expect(warning).toContainText('To protect your data');
  await expect(warning.getByRole('button')).toHaveText('我還在 / I’m still here');
  // The overlay covers the language switch: the warning already speaks both, at each size.
  for (const size of SIZES) {
    await page.setViewportSize(size);
    await saveScreenshot(page, `r3-idle-warning-${size.name}-zh-TW`);
  }
});
