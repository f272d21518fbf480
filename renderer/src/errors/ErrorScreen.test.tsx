// Error screens: every sign-in code has its own bilingual title and guidance, and one way back.
import { act, cleanup, fireEvent, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { RESULT_CODES, type ResultCode } from '../../../shared/contract/codes';
import { useKioskStore } from '../app/kiosk-store';
import { LOCALES } from '../testing/locales';
import { fakeApi, openScreen, renderKiosk, SESSION } from '../testing/render-kiosk';

afterEach(() => {
  cleanup();
  useKioskStore.getState().sessionEnded();
});

const SIGN_IN_CODES: ResultCode[] = [
  'DECRYPT(-1)',
  'DECRYPT(-2)',
  'DECRYPT(-3)',
  'SESSION(0)',
  'SESSION(-1)',
  'SESSION(-2)',
  'ROLE(0)',
  'USER(-4)',
];

describe('ErrorScreen', () => {
  it.each(SIGN_IN_CODES)('has its own text for %s in both languages', (code) => {
    for (const locale of [LOCALES['zh-TW'], LOCALES.en]) {
      const entry = (locale.errors as Record<string, { title?: string; guidance?: string }>)[code];
      expect(entry?.title).toBeTruthy();
      expect(entry?.guidance).toBeTruthy();
    }
  });

  it('tells an expired link to go back to AIS and click Division of Network Systems', () => {
    renderKiosk(fakeApi().api);
    act(() => openScreen({ name: 'error', code: 'DECRYPT(-2)' }));
    expect(screen.getByRole('alert').textContent).toContain('DECRYPT(-2)');
    expect(screen.getByText(/網路系統組線上服務/)).toBeTruthy();
  });

  it('tells someone whose application is in progress elsewhere when to try again', () => {
    renderKiosk(fakeApi().api);
    act(() => openScreen({ name: 'error', code: 'APPLICATION_IN_PROGRESS', retryAfterSeconds: 42 }));
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('您的信箱正在建立中');
    expect(screen.getByText('請約 42 秒後再試。')).toBeTruthy();
  });

  it('tells an ineligible person who may apply', () => {
    renderKiosk(fakeApi().api);
    act(() => openScreen({ name: 'error', code: 'USER(-4)' }));
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('您沒有申請電子郵件帳號的權限');
    expect(screen.getByText(/一般、出國、借調或退休/)).toBeTruthy();
  });

  it.each(RESULT_CODES)('has a bilingual title and guidance for every code: %s', (code) => {
    for (const locale of [LOCALES['zh-TW'], LOCALES.en]) {
      const entry = (locale.errors as Record<string, { title?: string; guidance?: string }>)[code];
      expect({ code, title: Boolean(entry?.title), guidance: Boolean(entry?.guidance) }).toEqual({
        code,
        title: true,
        guidance: true,
      });
    }
  });

  it('falls back to the helpdesk text for a code newer than the locale files, still showing the code', () => {
    renderKiosk(fakeApi().api);
    act(() => openScreen({ name: 'error', code: 'FUTURE_CODE' as ResultCode }));
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('發生錯誤');
    expect(screen.getByText('FUTURE_CODE')).toBeTruthy();
  });

  it('offers the reset to someone who already has a mailbox, naming it', () => {
    renderKiosk(fakeApi().api);
    act(() => openScreen({ name: 'error', code: 'USER(-1)', account: 'hmwang@mx.nthu.edu.tw' }));
    expect(screen.getByText('相關帳號：hmwang@mx.nthu.edu.tw')).toBeTruthy();
    expect(screen.getByRole('button', { name: '重設信箱密碼' })).toBeTruthy();
  });

  it('goes back to the start with one large button, ending any session', async () => {
    const { api, calls } = fakeApi();
    renderKiosk(api);
    act(() => openScreen({ name: 'error', code: 'SESSION(-2)' }));
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: '回到首頁' }));
    });
    expect(calls).toContainEqual(['endSession', { reason: 'cancel' }]);
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('電子郵件帳號服務');
  });

  it.each([
    ['DECRYPT(-2)', '登入連結已過期'],
    ['SESSION(-2)', '您的網路位址改變了'],
  ] as const)(
    'offers "sign in to AIS again" for %s, which starts a new sign-in for the same purpose',
    async (code, title) => {
      const { api, calls } = fakeApi({
        beginSignIn: async () => ({ ok: true, data: { kind: 'redirect', url: 'https://ais.example/login' } }),
      });
      const went: string[] = [];
      renderKiosk(api, (url) => went.push(url));
      act(() => {
        useKioskStore.getState().signInStarted('reset');
        openScreen({ name: 'error', code });
      });
      expect(screen.getByRole('heading', { level: 1 }).textContent).toBe(title);
      expect(screen.getByText(code).closest('.error-code')).toBeTruthy();
      await act(async () => void fireEvent.click(screen.getByRole('button', { name: '重新登入校務資訊系統' })));
      expect(calls.filter(([m]) => m === 'endSession' || m === 'beginSignIn')).toEqual([
        ['endSession', { reason: 'cancel' }],
        ['beginSignIn', { purpose: 'reset' }],
      ]);
      expect(went).toEqual(['https://ais.example/login']);
    },
  );

  it('offers "apply for a new mailbox" for USER(-2) on the reset path, and only there', async () => {
    const { api, calls } = fakeApi({
      beginSignIn: async () => ({ ok: true, data: { kind: 'redirect', url: 'https://ais.example/login' } }),
    });
    renderKiosk(api);
    act(() => {
      useKioskStore.getState().signedIn({ ...SESSION, purpose: 'reset' });
      openScreen({ name: 'error', code: 'USER(-2)' });
    });
    await act(async () => void fireEvent.click(screen.getByRole('button', { name: '申請新信箱' })));
    expect(calls.filter(([m]) => m === 'endSession' || m === 'beginSignIn')).toEqual([
      ['endSession', { reason: 'cancel' }],
      ['beginSignIn', { purpose: 'apply' }],
    ]);
    cleanup();
    renderKiosk(fakeApi().api);
    act(() => {
      useKioskStore.getState().signedIn(SESSION);
      openScreen({ name: 'error', code: 'USER(-2)' });
    });
    expect(screen.queryByRole('button', { name: '申請新信箱' })).toBeNull();
  });
});
