// The reset form: Cancel goes straight back when nothing is typed, and asks first when it would
// drop a typed password; after the confirm field, Tab reaches Reset before Cancel.
import { act, cleanup, fireEvent, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { useKioskStore } from '../app/kiosk-store';
import { fakeApi, openScreen, renderKiosk, SESSION } from '../testing/render-kiosk';

afterEach(() => {
  cleanup();
  useKioskStore.getState().sessionEnded();
});

async function openReset() {
  const fake = fakeApi({
    checkAccount: async () => ({ ok: true, data: { purpose: 'reset', account: 'hmwang@mx.nthu.edu.tw' } }),
  });
  renderKiosk(fake.api);
  await act(async () => {
    useKioskStore.getState().signedIn({ ...SESSION, purpose: 'reset' });
    openScreen({ name: 'reset' });
  });
  await screen.findByText(/要重設密碼的信箱/);
  return fake;
}

describe('reset form', () => {
  it('cancels at once when nothing is typed', async () => {
    const { calls } = await openReset();
    await act(async () => void fireEvent.click(screen.getByRole('button', { name: '取消' })));
    expect(screen.queryByRole('alertdialog')).toBeNull();
    expect(calls).toContainEqual(['endSession', { reason: 'cancel' }]);
  });

  it('asks before dropping a typed password, and keeps it when told to', async () => {
    const { calls } = await openReset();
    fireEvent.change(screen.getByLabelText('信箱新密碼'), { target: { value: 'half typed' } });
    await act(async () => void fireEvent.click(screen.getByRole('button', { name: '取消' })));
    const dialog = screen.getByRole('alertdialog', { name: '要取消重設密碼嗎？' });
    await act(async () => void fireEvent.click(within(dialog).getByRole('button', { name: '繼續重設' })));
    expect(calls.some(([m]) => m === 'endSession')).toBe(false);
    expect((screen.getByLabelText('信箱新密碼') as HTMLInputElement).value).toBe('half typed');
    await act(async () => void fireEvent.click(screen.getByRole('button', { name: '取消' })));
    await act(async () => void fireEvent.click(screen.getByRole('button', { name: '取消重設' })));
    expect(calls).toContainEqual(['endSession', { reason: 'cancel' }]);
  });

  it('puts Reset before Cancel in the tab order', async () => {
    await openReset();
    const reset = screen.getByRole('button', { name: '重設密碼' });
    const cancel = screen.getByRole('button', { name: '取消' });
    expect(reset.compareDocumentPosition(cancel) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
  });
});
