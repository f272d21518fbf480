// Signing in from the Welcome screen: redirect to AIS (browser host), completion (Electron's
// AIS view), cancel, refusal, and the browser host's return with ?handoff=.
import { act, cleanup, fireEvent, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { useKioskStore } from '../app/kiosk-store';
import { fakeApi, renderKiosk, SESSION } from '../testing/render-kiosk';

afterEach(() => {
  cleanup();
  useKioskStore.getState().sessionEnded();
  window.history.replaceState(null, '', '/');
});

async function click(name: string) {
  await act(async () => {
    fireEvent.click(screen.getByRole('button', { name }));
  });
}

describe('signing in', () => {
  it('sends the page to AIS when main answers with a redirect, telling main the purpose', async () => {
    const visited: string[] = [];
    const { api, calls } = fakeApi({
      beginSignIn: async () => ({ ok: true, data: { kind: 'redirect', url: 'http://127.0.0.1:9/' } }),
    });
    renderKiosk(api, (url) => visited.push(url));
    await click('重設信箱密碼');
    expect(calls).toContainEqual(['beginSignIn', { purpose: 'reset' }]);
    expect(visited).toEqual(['http://127.0.0.1:9/']);
  });

  it('shows the profile card once Electron’s AIS view completed, in the AIS language', async () => {
    const { api } = fakeApi({
      currentSession: async () => ({ ok: true, data: { ...SESSION, profile: { ...SESSION.profile, language: 'en' } } }),
    });
    renderKiosk(api);
    await click('申請教職員電子郵件帳號');
    await screen.findByRole('heading', { level: 1, name: 'Your profile' });
    expect(screen.getByText('Ming-Zhi Lin')).toBeTruthy();
  });

  it('returns to Welcome when the person cancels AIS', async () => {
    renderKiosk(fakeApi({ beginSignIn: async () => ({ ok: true, data: { kind: 'cancelled' } }) }).api);
    await click('申請教職員電子郵件帳號');
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('電子郵件帳號服務');
  });

  it('shows the error screen with the code when AIS’s token is refused', async () => {
    renderKiosk(fakeApi({ beginSignIn: async () => ({ ok: false, code: 'SESSION(-2)' }) }).api);
    await click('申請教職員電子郵件帳號');
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('您的網路位址改變了');
    expect(screen.getByText('SESSION(-2)')).toBeTruthy();
  });

  it('picks up ?handoff=ok after the browser host’s portal route, and clears it from the address', async () => {
    window.history.replaceState(null, '', '/?handoff=ok');
    await act(async () => {
      renderKiosk(fakeApi().api);
    });
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('個人資料');
    expect(window.location.search).toBe('');
  });

  it('shows ?handoff=DECRYPT(-2) as the expired-link screen, and an unknown code as INTERNAL', async () => {
    window.history.replaceState(null, '', '/?handoff=DECRYPT(-2)');
    await act(async () => {
      renderKiosk(fakeApi().api);
    });
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('登入連結已過期');
    cleanup();
    useKioskStore.getState().sessionEnded();
    window.history.replaceState(null, '', '/?handoff=<script>');
    await act(async () => {
      renderKiosk(fakeApi().api);
    });
    expect(screen.getByText('INTERNAL')).toBeTruthy();
  });
});
