// The profile card: the legacy portal's fields, in both languages, and a finish that wipes.
import { act, cleanup, fireEvent, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { useKioskStore } from '../app/kiosk-store';
import { fakeApi, renderKiosk, SESSION } from '../testing/render-kiosk';

afterEach(() => {
  cleanup();
  useKioskStore.getState().sessionEnded();
});

function showProfile() {
  const fake = fakeApi();
  renderKiosk(fake.api);
  act(() => useKioskStore.getState().signedIn(SESSION));
  return fake;
}

describe('ProfileCard', () => {
  it('shows ID, Name, English Name, From, Login Time, Language and Condition', () => {
    showProfile();
    const labels = screen.getAllByRole('term').map((t) => t.textContent);
    expect(labels).toEqual(['人事代號', '姓名', '英文姓名', '來自', '登入時間', '語言', '狀態']);
    const values = screen.getAllByRole('definition').map((d) => d.textContent);
    expect(values[0]).toBe('z10003');
    expect(values.slice(1, 4)).toEqual(['林明志', 'Ming-Zhi Lin', '校務資訊系統']);
    expect(values[4]).toMatch(/2026/);
    expect(values.slice(5)).toEqual(['中文', '一般']);
  });

  it('labels the same fields in English', async () => {
    showProfile();
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: '切換為英文介面' }));
    });
    await screen.findByText('Staff ID');
    expect(screen.getAllByRole('term').map((t) => t.textContent)).toEqual([
      'Staff ID',
      'Name',
      'English Name',
      'From',
      'Login Time',
      'Language',
      'Condition',
    ]);
  });

  it('ends the session in main and forgets the person on finish', async () => {
    const { calls } = showProfile();
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: '結束並登出' }));
    });
    expect(calls).toContainEqual(['endSession', { reason: 'finish' }]);
    expect(useKioskStore.getState().session).toBeNull();
    expect(screen.queryByText('林明志')).toBeNull();
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('電子郵件帳號服務');
  });

  it('translates the AIS condition for English readers', async () => {
    showProfile();
    await act(async () => void useKioskStore.getState().setLanguage('en'));
    expect(await screen.findByText('Normal')).toBeTruthy();
    expect(screen.queryByText('一般')).toBeNull();
  });

  it('says before the policies when the passport name gives no usable account name, and sends the person to the helpdesk', () => {
    renderKiosk(fakeApi().api);
    act(() => useKioskStore.getState().signedIn({ ...SESSION, nameUsable: false }));
    expect(screen.getByRole('alert').textContent).toContain('無法由您的護照英文姓名產生帳號名稱');
    expect(screen.getByRole('alert').textContent).toContain('服務台人員');
    expect(screen.queryByRole('button', { name: '電子郵件帳號申請' })).toBeNull();
  });
});
