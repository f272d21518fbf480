// The Welcome screen against a fake KioskApi: zh-TW first, the language switch, and the status line.
import { act, cleanup, fireEvent, render, screen } from '@testing-library/react';
import { I18nextProvider } from 'react-i18next';
import { afterEach, describe, expect, it } from 'vitest';
import type { KioskApi, Result } from '../../../shared/contract/api';
import type { StatusResponse } from '../../../shared/contract/schemas';
import { ApiProvider } from '../api/api-context';
import { App } from '../app/App';
import { useKioskStore } from '../app/kiosk-store';
import { createI18n } from '../i18n/i18n';

const online: StatusResponse = { appVersion: '0.1.0', kioskId: 'counter-7', directory: { state: 'online', serversConfigured: 2, serversReachable: 1 } };

function renderKiosk(status: Result<StatusResponse>) {
  let calls = 0;
  const api: KioskApi = {
    status: async () => {
      calls += 1;
      return status;
    },
  };
  render(
    <I18nextProvider i18n={createI18n()}>
      <ApiProvider api={api}>
        <App />
      </ApiProvider>
    </I18nextProvider>,
  );
  return { calls: () => calls };
}

afterEach(() => {
  cleanup();
  useKioskStore.getState().reset();
});

describe('Welcome', () => {
  it('starts in Traditional Chinese and shows the directory online', async () => {
    const { calls } = renderKiosk({ ok: true, data: online });
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('電子郵件帳號服務');
    expect(await screen.findByText('連線正常')).toBeTruthy();
    expect(screen.getByText('服務台 counter-7，版本 0.1.0')).toBeTruthy();
    expect(document.documentElement.lang).toBe('zh-Hant-TW');
    expect(calls()).toBeGreaterThanOrEqual(1);
  });

  it('switches to English and back without losing the status', async () => {
    renderKiosk({ ok: true, data: online });
    await screen.findByText('連線正常');
    const toggle = screen.getByRole('button', { name: '切換為英文介面' });
    expect(toggle.textContent).toBe('English');
    await act(async () => {
      fireEvent.click(toggle);
    });
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('Email account services');
    expect(screen.getByText('online')).toBeTruthy();
    expect(document.documentElement.lang).toBe('en');
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: 'Switch to Traditional Chinese' }));
    });
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('電子郵件帳號服務');
  });

  it('shows an unreachable directory', async () => {
    renderKiosk({ ok: true, data: { ...online, directory: { state: 'offline', serversConfigured: 2, serversReachable: 0 } } });
    expect(await screen.findByText('無法連線')).toBeTruthy();
  });

  it('shows a failed status call with its code', async () => {
    renderKiosk({ ok: false, code: 'INTERNAL' });
    expect(await screen.findByText('無法取得狀態（INTERNAL）')).toBeTruthy();
  });
});
