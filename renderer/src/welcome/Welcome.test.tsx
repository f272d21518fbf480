// The Welcome screen against a fake KioskApi: zh-TW first, the language switch, and the status line.
import { act, cleanup, fireEvent, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { useKioskStore } from '../app/kiosk-store';
import { fakeApi, ONLINE, renderKiosk } from '../testing/render-kiosk';

afterEach(() => {
  cleanup();
  useKioskStore.getState().reset();
});

describe('Welcome', () => {
  it('starts in Traditional Chinese and shows the directory online', async () => {
    const { api, calls } = fakeApi();
    renderKiosk(api);
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('電子郵件帳號服務');
    expect(await screen.findByText('連線正常')).toBeTruthy();
    expect(screen.getByText('服務台 counter-7，版本 0.1.0')).toBeTruthy();
    expect(document.documentElement.lang).toBe('zh-Hant-TW');
    expect(calls.some(([m]) => m === 'status')).toBe(true);
  });

  it('offers the two ways in, in the seed’s words', async () => {
    renderKiosk(fakeApi().api);
    expect(screen.getByRole('button', { name: '申請教職員電子郵件帳號' })).toBeTruthy();
    expect(screen.getByRole('button', { name: '重設信箱密碼' })).toBeTruthy();
    await screen.findByText('連線正常');
  });

  it('switches to English and back without losing the status', async () => {
    renderKiosk(fakeApi().api);
    await screen.findByText('連線正常');
    const toggle = screen.getByRole('button', { name: '切換為英文介面' });
    expect(toggle.textContent).toBe('English');
    await act(async () => {
      fireEvent.click(toggle);
    });
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Email account services');
    expect(screen.getByText('online')).toBeTruthy();
    expect(screen.getByRole('button', { name: 'Apply for a staff email account' })).toBeTruthy();
    expect(document.documentElement.lang).toBe('en');
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Switch to Traditional Chinese' }));
    });
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('電子郵件帳號服務');
  });

  it('shows an unreachable directory', async () => {
    renderKiosk(fakeApi({ status: async () => ({ ok: true, data: { ...ONLINE, directory: { state: 'offline', serversConfigured: 2, serversReachable: 0 } } }) }).api);
    expect(await screen.findByText('無法連線')).toBeTruthy();
  });

  it('shows a failed status call with its code', async () => {
    renderKiosk(fakeApi({ status: async () => ({ ok: false, code: 'INTERNAL' }) }).api);
    expect(await screen.findByText('無法取得狀態（INTERNAL）')).toBeTruthy();
  });
});
