// Step 4: the success heading and address, how to sign in, the legacy lines in human units, the
// receipt (never the password), printing through main or window.print, the QR code without a
// printer, and no silent exit while the person is there.
import { act, cleanup, fireEvent, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { CreateAccountResponse } from '../../../shared/contract/schemas';
import { useKioskStore } from '../app/kiosk-store';
import { type fakeApi, HASH_NETWORK, renderResults, SETTINGS } from '../testing/render-kiosk';

const CREATED: CreateAccountResponse = {
  address: 'mzlin2@mx.nthu.edu.tw',
  uid: 'mzlin2',
  mailbox: {
    mode: 'campus',
    homeCreated: true,
    quota: { usedKB: 0, quotaKB: 62914560 },
    mbox: { sizeKB: 2, files: 3 },
    unfinished: null,
  },
  effectiveInMinutes: 10,
};

afterEach(() => {
  cleanup();
  vi.useRealTimers();
  useKioskStore.getState().sessionEnded();
});

const technical = () => screen.getByText('技術紀錄（供服務台參考）').closest('details')!;
const onResults = (overrides: Parameters<typeof fakeApi>[0] = {}) => renderResults(overrides, CREATED);

describe('Results (step 4)', () => {
  it('leads with success and the address, then how to sign in, when it takes effect, and the legacy lines in human units', async () => {
    await onResults();
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('您的電子郵件帳號已建立');
    expect(document.querySelector('.new-address')?.textContent).toBe('mzlin2@mx.nthu.edu.tw');
    const help = screen.getByRole('region', { name: '如何登入' });
    expect(help.textContent).toContain('https://webmail.example.edu/');
    expect(help.textContent).toContain('imap.example.edu, IMAP 993, SSL/TLS');
    expect(help.textContent).toContain('smtp.example.edu, SMTP 465, SSL/TLS');
    expect(screen.getByText('帳號約 10 分鐘後生效。')).toBeTruthy();
    // Plain words for the person; the server's lines stay closed, for the helpdesk.
    expect(screen.getByText('您的信箱容量：60 GB。')).toBeTruthy();
    const details = technical();
    expect(details.open).toBe(false);
    expect(within(details).getByText('容量（0 KB/60 GB）')).toBeTruthy();
    expect(within(details).getByText('.MBOX（2 KB/3）')).toBeTruthy();
    expect(within(details).getByText('已建立使用者家目錄')).toBeTruthy();
  });

  it('says which mailbox step is left, that the account works and nobody applies again, with the code', async () => {
    await renderResults(
      {},
      { ...CREATED, mailbox: { mode: 'campus', homeCreated: true, quota: null, mbox: null, unfinished: 'setquota' } },
    );
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('您的電子郵件帳號已建立');
    const notice = document.querySelector<HTMLElement>('[data-code="MAILBOX_UNFINISHED"]')!;
    expect(notice.getAttribute('role')).toBe('status');
    expect(notice.getAttribute('data-code')).toBe('MAILBOX_UNFINISHED');
    expect(notice.textContent).toContain('帳號已建立，信箱還差一步');
    expect(notice.textContent).toContain('未完成：設定信箱容量');
    expect(notice.textContent).toContain('不需要重新申請');
    expect(within(notice).getByText('MAILBOX_UNFINISHED')).toBeTruthy();
    expect(within(technical()).getByText('已建立使用者家目錄')).toBeTruthy();
  });

  it('a mailbox whose usage alone was not read needs no notice, only a line in the details', async () => {
    await renderResults(
      {},
      { ...CREATED, mailbox: { mode: 'campus', homeCreated: true, quota: null, mbox: null, unfinished: 'getquota' } },
    );
    expect(document.querySelector('[data-code="MAILBOX_UNFINISHED"]')).toBeNull();
    expect(within(technical()).getByText('信箱已可使用，但暫時無法讀取用量')).toBeTruthy();
  });

  it('holds a receipt with account, date, kiosk, both policies with short hashes, language and the help QR code', async () => {
    await onResults();
    const receipt = screen.getByRole('region', { name: '電子郵件帳號申請收據' });
    const text = receipt.textContent ?? '';
    expect(text).toContain('mzlin2@mx.nthu.edu.tw');
    expect(text).toContain('counter-7');
    expect(text).toContain('版本 2002-05-23-summary-1（c0ffee123456）');
    expect(text).toContain('版本 2018-03-08-summary-1（deadbeef9876）');
    expect(text).not.toContain(HASH_NETWORK);
    expect(text).toContain('中文');
    expect(text).toMatch(/\d{4}\/\d{1,2}\/\d{1,2}/);
    expect(
      within(receipt)
        .getByRole('img', { name: '使用說明頁的 QR 碼：https://help.example.edu/mail' })
        .querySelector('path')
        ?.getAttribute('d'),
    ).toMatch(/^M\d/);
  });

  it('prints through main, and calls window.print when main says the page prints itself', async () => {
    const print = vi.spyOn(window, 'print').mockImplementation(() => undefined);
    const { calls } = await onResults();
    await act(async () => void fireEvent.click(screen.getByRole('button', { name: '列印收據' })));
    expect(calls.some(([m]) => m === 'printReceipt')).toBe(true);
    expect(print).toHaveBeenCalledTimes(1);
    // The browser's print window is not a printer: the page says what it did.
    expect(screen.getByText('已開啟列印視窗，請在視窗中選擇印表機。')).toBeTruthy();
    expect(screen.queryByText('收據已送出列印。')).toBeNull();
    print.mockRestore();
  });

  it('does not call window.print after a silent print, and says when printing failed', async () => {
    const print = vi.spyOn(window, 'print').mockImplementation(() => undefined);
    let answer: 'ok' | 'fail' = 'ok';
    await onResults({
      printReceipt: async () =>
        answer === 'ok' ? { ok: true, data: { printed: 'printed' } } : { ok: false, code: 'RECEIPT_NOT_PRINTED' },
    });
    await act(async () => void fireEvent.click(screen.getByRole('button', { name: '列印收據' })));
    expect(print).not.toHaveBeenCalled();
    expect(screen.getByText('收據已送出列印。')).toBeTruthy();
    expect(document.querySelector('.help-qr')).toBeNull();
    answer = 'fail';
    await act(async () => void fireEvent.click(screen.getByRole('button', { name: '列印收據' })));
    // A sentence, the code on its own Reference line, and the QR code instead of the paper.
    expect(screen.getByText('無法列印收據。請改用手機掃描下方的 QR 碼開啟說明頁；帳號已建立，不受影響。')).toBeTruthy();
    expect(screen.getByText('參考代碼：', { exact: false, selector: '.reference' }).textContent).toBe(
      '參考代碼： RECEIPT_NOT_PRINTED',
    );
    expect(document.querySelector('.help-qr svg[role="img"]')).toBeTruthy();
    print.mockRestore();
  });

  it('shows the QR code on screen, and offers no printing, without a printer', async () => {
    await onResults({
      settings: async () => ({ ok: true, data: { ...SETTINGS, result: { ...SETTINGS.result, printing: 'none' } } }),
    });
    await screen.findByText('用手機掃描，開啟使用說明。');
    expect(screen.queryByRole('button', { name: '列印收據' })).toBeNull();
    expect(document.querySelector('.help-qr svg[role="img"]')).toBeTruthy();
  });

  it('never shows the password: nothing in the page or the store after a creation carries it', async () => {
    await onResults();
    const page = document.documentElement.outerHTML;
    expect(page).not.toMatch(/password|密碼[:：]/i);
    expect(JSON.stringify(useKioskStore.getState())).not.toMatch(/"password"/);
  });

  it('stays while the person is there, and warns only after kiosk.resultSeconds of quiet, not idleSeconds', async () => {
    vi.useFakeTimers({ shouldAdvanceTime: false });
    const { calls } = await onResults({
      settings: async () => ({ ok: true, data: { ...SETTINGS, idleSeconds: 90, resultSeconds: 150 } }),
    });
    const advance = (seconds: number) => act(async () => vi.advanceTimersByTimeAsync(seconds * 1000));
    for (let i = 0; i < 4; i += 1) {
      await advance(60);
      fireEvent.pointerDown(document.body);
    }
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('您的電子郵件帳號已建立');
    expect(calls.some(([m]) => m === 'endSession')).toBe(false);
    await advance(120);
    expect(screen.queryByRole('alertdialog')).toBeNull();
    await advance(31);
    expect(screen.getByRole('alertdialog').textContent).toContain('還在嗎？');
    expect(screen.getByText('mzlin2@mx.nthu.edu.tw', { selector: '.new-address' })).toBeTruthy();
    await advance(20);
    expect(calls).toContainEqual(['endSession', { reason: 'idle' }]);
    expect(document.body.textContent).not.toContain('mzlin2');
  });
});
