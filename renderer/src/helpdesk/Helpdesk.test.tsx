// The helpdesk's way in (Ctrl+Alt+H, five taps), the console, and the out-of-service screen.
import { act, cleanup, fireEvent, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { useKioskStore } from '../app/kiosk-store';
import { fakeApi, ONLINE, openScreen, renderKiosk } from '../testing/render-kiosk';

afterEach(() => {
  cleanup();
  useKioskStore.getState().sessionEnded();
});

const openTab = async (name: string) => {
  const tab = await screen.findByRole('tab', { name });
  await act(async () => void fireEvent.click(tab));
};

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
    // Lookup is the first task; the others wait behind their tabs.
    expect(screen.getByRole('tab', { name: '查詢帳號', selected: true })).toBeTruthy();
    expect(screen.queryByText('reachable')).toBeNull();
    fireEvent.change(screen.getByLabelText('人事代號、帳號、中文或英文姓名'), { target: { value: 'z10001' } });
    await act(async () => void fireEvent.click(screen.getByRole('button', { name: '查詢' })));
    expect(screen.getByRole('cell', { name: 'hmwang' })).toBeTruthy();
    expect(screen.getByRole('cell', { name: '使用中' })).toBeTruthy();
    // Health is one line until opened.
    await openTab('本機');
    expect(await screen.findByText('reachable')).toBeTruthy();
    const summary = screen.getByText('系統檢查：1 項正常，0 項失敗（點選展開）');
    expect(summary.closest('details')?.open).toBe(false);
    expect(screen.getByText('建立帳號（成功）：2')).toBeTruthy();
  });

  it('searches from one Chinese character or two letters, says so, and says when the list is cut short', async () => {
    const fake = fakeApi({ helpdeskLookup: async () => ({ ok: true, data: { results: [], tooMany: true } }) });
    renderKiosk(fake.api);
    act(() => openScreen({ name: 'helpdesk' }));
    const search = () => screen.getByRole('button', { name: '查詢' }) as HTMLButtonElement;
    const type = (value: string) =>
      fireEvent.change(screen.getByLabelText('人事代號、帳號、中文或英文姓名'), { target: { value } });
    expect(screen.getByText('至少輸入 2 個英文字母或數字，或 1 個中文字。')).toBeTruthy();
    type('c');
    expect(search().disabled).toBe(true);
    type('王');
    expect(search().disabled).toBe(false);
    await act(async () => void fireEvent.click(search()));
    expect(fake.calls).toContainEqual(['helpdeskLookup', { query: '王' }]);
    expect(screen.getByText('符合的帳號超過 20 個，只列出前 20 個。請輸入更多姓名或代號再查詢。')).toBeTruthy();
  });

  it('says there is no HR record, in sentences, with the code on its own Reference line', async () => {
    const fake = fakeApi({ startAssistedApplication: async () => ({ ok: false, code: 'NO_HR_RECORD' }) });
    renderKiosk(fake.api);
    await act(async () => {
      useKioskStore.getState().setLanguage('en');
      openScreen({ name: 'helpdesk' });
    });
    await openTab('Assist');
    fireEvent.change(screen.getByLabelText('Staff ID'), { target: { value: 'z10039' } });
    fireEvent.change(screen.getByLabelText('Your password'), { target: { value: 'Operator-Passw0rd!' } });
    await act(
      async () => void fireEvent.click(screen.getByRole('button', { name: 'Start an application (without AIS)' })),
    );
    const alert = screen.getByRole('alert');
    expect(alert.querySelector('p')?.textContent).toBe(
      'The HR records have no one with this staff ID. Check the staff ID again. If it is right, let the applicant sign in through AIS instead.',
    );
    expect(alert.querySelector('.reference')?.textContent).toBe('Reference: NO_HR_RECORD');
  });

  it('confirms whom the kiosk now waits for, until when, and how to cancel', async () => {
    const fake = fakeApi();
    renderKiosk(fake.api);
    act(() => openScreen({ name: 'helpdesk' }));
    await openTab('協助申請人');
    fireEvent.change(screen.getByLabelText('人事代號'), { target: { value: 'z10032' } });
    fireEvent.change(screen.getByLabelText('您的密碼'), { target: { value: 'Operator-Passw0rd!' } });
    const until = new Date(Date.now() + 10 * 60_000).toISOString();
    fake.api.expectAssistedApplication = async (request) => ({
      ok: true,
      data: { waiting: true, staffId: request!.staffId, operator: 'opchen', until },
    });
    await act(async () => void fireEvent.click(screen.getByRole('button', { name: '申請人自行以校務資訊系統登入' })));
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('電子郵件帳號服務');
    const notice = screen.getByText('服務台正在等候申請人登入').closest('.awaited')!;
    expect(notice.textContent).toContain('人事代號 z10032 的申請人');
    expect(notice.textContent).toContain('服務台人員：opchen。');
    expect(notice.textContent).toMatch(/等候到 \d\d:\d\d 為止/);
    expect(notice.textContent).toContain('取消等候：按 Ctrl+Alt+H');
  });

  it('runs the fleet check only when asked, and lists what it found', async () => {
    const fake = fakeApi();
    renderKiosk(fake.api);
    act(() => openScreen({ name: 'helpdesk' }));
    await openTab('本機');
    expect(await screen.findByText('reachable')).toBeTruthy();
    expect(fake.calls.some(([m]) => m === 'helpdeskFleetCheck')).toBe(false);
    await act(async () => void fireEvent.click(screen.getByRole('button', { name: '執行一致性檢查' })));
    expect(fake.calls.filter(([m]) => m === 'helpdeskFleetCheck')).toHaveLength(1);
    expect(
      screen
        .getByText(/z10009: ghost \(uidNumber 4242\)/)
        .closest('li')
        ?.getAttribute('data-status'),
    ).toBe('FAIL');
  });

  it('shows every kiosk with its state, and switches the whole fleet only after asking', async () => {
    const fake = fakeApi();
    renderKiosk(fake.api);
    act(() => openScreen({ name: 'helpdesk' }));
    await openTab('各自助服務機');
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
      helpdeskFleetStatus: async () => ({
        ok: true,
        data: {
          fleetOutOfService: true,
          fleetSwitch: { on: true, by: null, from: null, at: null },
          stale: true,
          checkedAt: '2026-11-22T02:03:04.000Z',
          kiosks: [],
        },
      }),
    });
    renderKiosk(fake.api);
    act(() => openScreen({ name: 'helpdesk' }));
    await openTab('各自助服務機');
    const note = await screen.findByText(/目錄服務目前沒有回應/);
    expect(note.getAttribute('data-stale')).toBe('true');
    expect(screen.getByText('已將全部自助服務機設為暫停服務。')).toBeTruthy();
    expect(screen.getByRole('button', { name: '全部恢復服務' })).toBeTruthy();
    // Set with ldapmodify, without a name: said so, not made up.
    expect(screen.getByTestId('fleet-switched').textContent).toBe('全部機器的開關最後直接在目錄中設為暫停服務。');
  });

  it("shows who switched what and when: the fleet switch and each kiosk's own", async () => {
    renderKiosk(fakeApi().api);
    act(() => openScreen({ name: 'helpdesk' }));
    await openTab('各自助服務機');
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
    await openTab('本機');
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
        data: {
          checks: [{ status: 'FAIL', name: 'ldap', detail: 'down' }],
          counts: [
            { action: 'reset', result: 'refused', count: 1 },
            { action: 'future', result: 'ok', count: 3 },
          ],
          appVersion: '0.1.0',
          configPath: '/c',
          aisMode: 'ais',
        },
      }),
    });
    renderKiosk(fake.api);
    await act(async () => {
      useKioskStore.getState().setLanguage('en');
      openScreen({ name: 'helpdesk' });
    });
    await openTab('This kiosk');
    expect(await screen.findByText('System checks: 0 passed, 1 failed (select to expand)')).toBeTruthy();
    expect(screen.getByText('Password resets (refused): 1')).toBeTruthy();
    expect(screen.getByText('future (done): 3')).toBeTruthy();
  });
});
