// Between two people nothing personal may survive, in the page's memory either: after a session
// with a typed password ends, a heap snapshot of the page (over CDP, after a forced garbage
// collection) holds neither that password nor the staff ID.
import type { Page } from '@playwright/test';
import { expect, test } from '../../fixtures/kiosk-host';
import { reachStep3 } from '../wizard/wizard';

const PASSWORD = 'Zq4!mW8#tR2@kP6x';
const STAFF_ID = 'z10014';

async function heapSnapshot(page: Page): Promise<string> {
  const cdp = await page.context().newCDPSession(page);
  const chunks: string[] = [];
  cdp.on('HeapProfiler.addHeapSnapshotChunk', ({ chunk }) => chunks.push(chunk));
  await cdp.send('HeapProfiler.enable');
  await cdp.send('HeapProfiler.collectGarbage');
  await cdp.send('HeapProfiler.takeHeapSnapshot', { reportProgress: false });
  await cdp.detach();
  return chunks.join('');
}

test('the page forgets the password and the staff ID once the session is wiped', async ({ kioskPage: page }) => {
  await reachStep3(page, STAFF_ID);
  // Checked without Playwright's text engine, whose regular expressions would leave the page's text
  // in V8's last-match slot of the context they run in (a footprint of the test, not the kiosk).
  expect(await page.evaluate((id) => document.body.textContent?.includes(id), STAFF_ID)).toBe(true);
  await page.getByLabel('信箱新密碼').fill(PASSWORD);
  await page.getByLabel('新密碼確認').fill(PASSWORD);
  await expect(page.locator('.meter strong')).toHaveText('很強');
  // A snapshot taken now must find both: otherwise the search below could never fail.
  const during = await heapSnapshot(page);
  expect(during).toContain(PASSWORD);
  expect(during).toContain(STAFF_ID);

  await page.getByRole('button', { name: '取消申請' }).click();
  await page.getByRole('alertdialog').getByRole('button', { name: '取消申請' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('電子郵件帳號服務');
  const after = await heapSnapshot(page);
  // DUMP_HEAP=FILE keeps the snapshot, to look for what still holds a string when this fails.
  if (process.env.DUMP_HEAP) (await import('node:fs')).writeFileSync(process.env.DUMP_HEAP, after);
  expect(after.includes(PASSWORD), 'the password is still in the page heap').toBe(false);
  expect(after.includes(STAFF_ID), 'the staff ID is still in the page heap').toBe(false);
});
