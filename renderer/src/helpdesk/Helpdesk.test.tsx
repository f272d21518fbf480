// The helpdesk's way in (Ctrl+Alt+H, five taps), the console, and the out-of-service screen.
import { act, cleanup, fireEvent, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { useKioskStore } from '../app/kiosk-store';
import { fakeApi, ONLINE, openScreen, renderKiosk } from '../testing/render-kiosk';

afterEach(() => {
  cleanup();
  useKioskStore.getState().sessionEnded();
});

describe('helpdesk', () => {
  it('opens the operator sign-in with Ctrl+Alt+H', async () => {
    renderKiosk(fakeApi().api);
    await act(async () => void fireEvent.keyDown(window, { key: 'h', ctrlKey: true, altKey: true }));
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('服務台人員登入');
  });

  it('opens it with five taps on the center’s name, but not four', async () => {
    renderKiosk(fakeApi().api);
    const center = screen.getByText('國立清華大學 計算機與通訊中心');
    for (let i = 0; i < 4; i += 1) fireEvent.pointerDown(center);
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('電子郵件帳號服務');
    await act(async () => void fireEvent.pointerDown(center));
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('服務台人員登入');
  });

  it('signs in, shows health and looks an account up', async () => {
    const fake = fakeApi();
    renderKiosk(fake.api);
    act(() => openScreen({ name: 'operator-sign-in' }));
    fireEvent.change(screen.getByLabelText('帳號'), { target: { value: 'opchen' } });
    fireEvent.change(screen.getByLabelText('密碼'), { target: { value: 'secret' } });
    await act(async () => void fireEvent.click(screen.getByRole('button', { name: '登入' })));
    expect(fake.calls).toContainEqual(['operatorSignIn', { uid: 'opchen', password: 'secret' }]);
    expect(await screen.findByText('reachable')).toBeTruthy();
    fireEvent.change(screen.getByLabelText('人事代號、帳號、中文或英文姓名'), { target: { value: 'z10001' } });
    await act(async () => void fireEvent.click(screen.getByRole('button', { name: '查詢' })));
    expect(screen.getByRole('cell', { name: 'hmwang' })).toBeTruthy();
    expect(screen.getByRole('cell', { name: '使用中' })).toBeTruthy();
  });

  it('shows the bilingual out-of-service screen instead of Welcome', async () => {
    renderKiosk(fakeApi({ status: async () => ({ ok: true, data: { ...ONLINE, outOfService: true } }) }).api);
    act(() => useKioskStore.getState().setStatus({ kind: 'known', status: { ...ONLINE, outOfService: true } }));
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('本自助服務機暫停服務');
    expect(screen.getByText('This kiosk is temporarily out of service')).toBeTruthy();
    expect(screen.queryByRole('button', { name: '申請教職員電子郵件帳號' })).toBeNull();
  });
});
