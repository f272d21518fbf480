// The Welcome screen against a fake KioskApi: zh-TW first, the language switch, and the status line.
import { act, cleanup, fireEvent, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { useKioskStore } from '../app/kiosk-store';
import { fakeApi, ONLINE, renderKiosk } from '../testing/render-kiosk';

/** The small-print line for the directory (the first status line) or AIS (the second). */
async function statusLine(index: 0 | 1) {
  const footer = await screen.findByRole('contentinfo');
  return footer.querySelectorAll('.status-line')[index] as HTMLElement;
}

afterEach(() => {
  cleanup();
  useKioskStore.getState().sessionEnded();
});

describe('Welcome', () => {
  it('starts in Traditional Chinese and shows the directory online', async () => {
    const { api, calls } = fakeApi();
    renderKiosk(api);
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('電子郵件帳號服務');
    expect(await within(await statusLine(0)).findByText('連線正常')).toBeTruthy();
    expect((await statusLine(0)).textContent).toBe('目錄服務：連線正常');
    expect((await statusLine(1)).textContent).toBe('校務資訊系統：連線正常');
    expect(screen.getByText('自助服務機 counter-7，版本 0.1.0')).toBeTruthy();
    expect(document.documentElement.lang).toBe('zh-Hant-TW');
    expect(calls.some(([m]) => m === 'status')).toBe(true);
  });

  it('offers the ways in, in the seed’s words', async () => {
    renderKiosk(fakeApi().api);
    expect(screen.getByRole('button', { name: '申請教職員電子郵件帳號' })).toBeTruthy();
    expect(screen.getByRole('button', { name: '重設信箱密碼' })).toBeTruthy();
    expect(screen.getByRole('button', { name: '閱讀使用規範' })).toBeTruthy();
    await within(await statusLine(0)).findByText('連線正常');
  });

  it('switches to English and back without losing the status', async () => {
    renderKiosk(fakeApi().api);
    await within(await statusLine(0)).findByText('連線正常');
    const toggle = screen.getByRole('button', { name: '切換為英文介面' });
    expect(toggle.textContent).toBe('English');
    await act(async () => {
      fireEvent.click(toggle);
    });
    // English is fetched on the switch (it is not in the first script), then the screen changes.
    await screen.findByRole('heading', { level: 1, name: 'Email account services' });
    expect((await statusLine(0)).textContent).toBe('Directory:online');
    expect(screen.getByRole('button', { name: 'Apply for a staff email account' })).toBeTruthy();
    expect(document.documentElement.lang).toBe('en');
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Switch to Traditional Chinese' }));
    });
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('電子郵件帳號服務');
  });

  it('shows an unreachable directory', async () => {
    renderKiosk(
      fakeApi({
        status: async () => ({
          ok: true,
          data: { ...ONLINE, directory: { state: 'offline', serversConfigured: 2, serversReachable: 0 } },
        }),
      }).api,
    );
    expect(await within(await statusLine(0)).findByText('無法連線')).toBeTruthy();
    expect((await statusLine(1)).textContent).toContain('連線正常');
  });

  it('says writes are paused, in both languages, while the directory answers reads only', async () => {
    renderKiosk(
      fakeApi({
        status: async () => ({
          ok: true,
          data: { ...ONLINE, directory: { ...ONLINE.directory, writable: false }, notice: 'DIRECTORY_READ_ONLY' },
        }),
      }).api,
    );
    const notice = await screen.findByRole('status');
    expect(notice.getAttribute('data-code')).toBe('DIRECTORY_READ_ONLY');
    expect(notice.textContent).toContain('新帳號申請與密碼變更暫停中。請稍後再試，或洽服務台。');
    expect(notice.textContent).toContain(
      'New accounts and password changes are paused. Please try again later or ask the helpdesk.',
    );
  });

  it('shows no pause notice while writes are taken', async () => {
    renderKiosk(fakeApi().api);
    await within(await statusLine(0)).findByText('連線正常');
    expect(screen.queryByRole('status')).toBeNull();
  });

  it('with the directory down: a banner first, Apply and Reset closed and pointing at it, the policies still open', async () => {
    const { api, calls } = fakeApi({
      status: async () => ({
        ok: true,
        data: { ...ONLINE, directory: { state: 'offline', serversConfigured: 2, serversReachable: 0 } },
      }),
    });
    renderKiosk(api);
    const banner = await screen.findByRole('alert');
    expect(banner.textContent).toContain('目前無法申請信箱或重設密碼');
    for (const name of ['申請教職員電子郵件帳號', '重設信箱密碼']) {
      const button = screen.getByRole('button', { name }) as HTMLButtonElement;
      expect(button.disabled).toBe(true);
      expect(button.getAttribute('aria-describedby')).toBe(banner.id);
    }
    const policies = screen.getByRole('button', { name: '閱讀使用規範' }) as HTMLButtonElement;
    expect(policies.disabled).toBe(false);
    fireEvent.click(screen.getByRole('button', { name: '申請教職員電子郵件帳號' }));
    expect(calls.some(([m]) => m === 'beginSignIn')).toBe(false);
    // The sign-in hint speaks of Apply and Reset: not said while both are closed.
    expect(screen.queryByText(/都需要先以校務資訊系統帳號登入/)).toBeNull();
  });

  it('has no banner and open ways in while the directory answers', async () => {
    renderKiosk(fakeApi().api);
    await within(await statusLine(0)).findByText('連線正常');
    expect(screen.queryByRole('alert')).toBeNull();
    expect((screen.getByRole('button', { name: '申請教職員電子郵件帳號' }) as HTMLButtonElement).disabled).toBe(false);
    expect(screen.getByText('申請信箱與重設密碼，都需要先以校務資訊系統帳號登入。')).toBeTruthy();
  });

  it('shows a failed status call with its code apart from the sentence', async () => {
    renderKiosk(fakeApi({ status: async () => ({ ok: false, code: 'INTERNAL' }) }).api);
    const line = await statusLine(0);
    await within(line).findByText('INTERNAL');
    expect(line.textContent).toBe('目錄服務：無法取得連線情形。 參考代碼： INTERNAL');
  });
});
