// The helpdesk's way in (Ctrl+Alt+H, five taps), the console, and the out-of-service screen.
import { act, cleanup, fireEvent, screen, within } from '@testing-library/react';
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
    // Lookup comes before health, and health is one line until opened.
    const lookupHeading = screen.getByRole('heading', { name: '查詢帳號' });
    const summary = screen.getByText('系統檢查：1 項正常，0 項失敗（點選展開）');
    expect(lookupHeading.compareDocumentPosition(summary) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
    expect(summary.closest('details')?.open).toBe(false);
    expect(screen.getByText('建立帳號（成功）：2')).toBeTruthy();
    fireEvent.change(screen.getByLabelText('人事代號、帳號、中文或英文姓名'), { target: { value: 'z10001' } });
    await act(async () => void fireEvent.click(screen.getByRole('button', { name: '查詢' })));
    expect(screen.getByRole('cell', { name: 'hmwang' })).toBeTruthy();
    expect(screen.getByRole('cell', { name: '使用中' })).toBeTruthy();
  });

  it('runs the fleet check only when asked, and lists what it found', async () => {
    const fake = fakeApi();
    renderKiosk(fake.api);
    act(() => openScreen({ name: 'helpdesk' }));
    expect(await screen.findByText('reachable')).toBeTruthy();
    expect(fake.calls.some(([m]) => m === 'helpdeskFleetCheck')).toBe(false);
    await act(async () => void fireEvent.click(screen.getByRole('button', { name: '執行一致性檢查' })));
    expect(fake.calls.filter(([m]) => m === 'helpdeskFleetCheck')).toHaveLength(1);
    expect(screen.getByText(/z10009: ghost \(uidNumber 4242\)/).closest('li')?.getAttribute('data-status')).toBe('FAIL');
  });

  it('shows every kiosk with its state, and switches the whole fleet only after asking', async () => {
    const fake = fakeApi();
    renderKiosk(fake.api);
    act(() => openScreen({ name: 'helpdesk' }));
    const fleet = await screen.findByRole('table');
    const row = within(fleet).getByRole('row', { name: /counter-7/ });
    expect(row.textContent).toContain('服務中');
    expect(row.textContent).toContain('0.1.0');
    await act(async () => void fireEvent.click(screen.getByRole('button', { name: '全部暫停服務' })));
    const dialog = screen.getByRole('alertdialog');
    expect(dialog.textContent).toContain('要讓全部自助服務機暫停服務嗎？');
    expect(fake.calls.some(([m]) => m === 'setOutOfService')).toBe(false);
    await act(async () => void fireEvent.click(within(dialog).getByRole('button', { name: '全部暫停服務' })));
    expect(fake.calls).toContainEqual(['setOutOfService', { on: true, scope: 'fleet' }]);
  });

  it('says when the fleet picture is the last known one (the directory did not answer)', async () => {
    const fake = fakeApi({
      helpdeskFleetStatus: async () => ({ ok: true, data: { fleetOutOfService: true, fleetSwitch: { on: true, by: null, from: null, at: null }, stale: true, checkedAt: '2026-11-22T02:03:04.000Z', kiosks: [] } }),
    });
    renderKiosk(fake.api);
    act(() => openScreen({ name: 'helpdesk' }));
    const note = await screen.findByText(/目錄服務目前沒有回應/);
    expect(note.getAttribute('data-stale')).toBe('true');
    expect(screen.getByText('已將全部自助服務機設為暫停服務。')).toBeTruthy();
    expect(screen.getByRole('button', { name: '全部恢復服務' })).toBeTruthy();
    // Set with ldapmodify, without a name: said so, not made up.
    expect(screen.getByTestId('fleet-switched').textContent).toBe('全部機器的開關最後直接在目錄中設為暫停服務。');
  });

  it('shows who switched what and when: the fleet switch and each kiosk\'s own', async () => {
    renderKiosk(fakeApi().api);
    act(() => openScreen({ name: 'helpdesk' }));
    const fleetNote = await screen.findByTestId('fleet-switched');
    expect(fleetNote.textContent).toMatch(/^全部機器的開關最後由 hdlee 於 counter-9 設為服務中，/);
    const row = screen.getByRole('row', { name: /counter-8/ });
    expect(within(row).getByText(/^暫停服務：hdlee 於 counter-9，/)).toBeTruthy();
    expect(within(screen.getByRole('row', { name: /counter-7/ })).getByText('未曾切換')).toBeTruthy();
  });

  it('shows the bilingual out-of-service screen instead of Welcome', async () => {
    renderKiosk(fakeApi({ status: async () => ({ ok: true, data: { ...ONLINE, outOfService: true } }) }).api);
    act(() => useKioskStore.getState().setStatus({ kind: 'known', status: { ...ONLINE, outOfService: true } }));
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('本自助服務機暫停服務');
    expect(screen.getByText('This kiosk is temporarily out of service')).toBeTruthy();
    expect(screen.queryByRole('button', { name: '申請教職員電子郵件帳號' })).toBeNull();
    expect(screen.queryByText(/DIRECTORY_LAYOUT/)).toBeNull();
  });

  it('shows, in both languages, the reference a kiosk that keeps itself out of service gives for the helpdesk', async () => {
    const status = { ...ONLINE, outOfService: true, reference: 'DIRECTORY_LAYOUT claims' };
    renderKiosk(fakeApi({ status: async () => ({ ok: true, data: status }) }).api);
    act(() => useKioskStore.getState().setStatus({ kind: 'known', status }));
    expect(screen.getByText('請告訴服務台人員這個參考代碼：DIRECTORY_LAYOUT claims')).toBeTruthy();
    expect(screen.getByText('Tell the helpdesk staff this reference: DIRECTORY_LAYOUT claims')).toBeTruthy();
  });

  it('asks before switching the kiosk out of service, and switches only when confirmed', async () => {
    const fake = fakeApi();
    renderKiosk(fake.api);
    act(() => {
      useKioskStore.getState().setStatus({ kind: 'known', status: ONLINE });
      openScreen({ name: 'helpdesk' });
    });
    await act(async () => void fireEvent.click(screen.getByRole('button', { name: '暫停服務' })));
    expect(screen.getByRole('alertdialog', { name: '要讓本機暫停服務嗎？' })).toBeTruthy();
    await act(async () => void fireEvent.click(screen.getByRole('button', { name: '不要變更' })));
    expect(fake.calls.some(([m]) => m === 'setOutOfService')).toBe(false);
    await act(async () => void fireEvent.click(screen.getByRole('button', { name: '暫停服務' })));
    const dialog = screen.getByRole('alertdialog');
    await act(async () => void fireEvent.click(within(dialog).getByRole('button', { name: '暫停服務' })));
    expect(fake.calls).toContainEqual(['setOutOfService', { on: true, scope: 'kiosk' }]);
  });

  it('labels today’s counts in English too, and keeps an unknown action readable', async () => {
    const fake = fakeApi({
      helpdeskHealth: async () => ({
        ok: true,
        data: { checks: [{ status: 'FAIL', name: 'ldap', detail: 'down' }], counts: [{ action: 'reset', result: 'refused', count: 1 }, { action: 'future', result: 'ok', count: 3 }], appVersion: '0.1.0', configPath: '/c', aisMode: 'ais' },
      }),
    });
    renderKiosk(fake.api);
    await act(async () => {
      useKioskStore.getState().setLanguage('en');
      openScreen({ name: 'helpdesk' });
    });
    expect(await screen.findByText('System checks: 0 passed, 1 failed (select to expand)')).toBeTruthy();
    expect(screen.getByText('Password resets (refused): 1')).toBeTruthy();
    expect(screen.getByText('future (done): 3')).toBeTruthy();
  });
});
