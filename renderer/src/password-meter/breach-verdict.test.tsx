// The meter's breached-password verdict: a Good or Strong password that main's filter knows is
// shown as refused, with the reason, and Apply stays off; a weak one is never sent to ask.
import { act, cleanup, fireEvent, screen, waitFor } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { useKioskStore } from '../app/kiosk-store';
import { fakeApi, openScreen, renderKiosk, SESSION } from '../testing/render-kiosk';

afterEach(() => {
  cleanup();
  useKioskStore.getState().sessionEnded();
});

const STRONG = 'Vb7#qLm2!xTr9wKz';
const type = (label: string, value: string) => fireEvent.change(screen.getByLabelText(label), { target: { value } });
const apply = () => screen.getByRole('button', { name: '確定申請' }) as HTMLButtonElement;

async function step3(breached: boolean) {
  const fake = fakeApi({ checkBreached: async () => ({ ok: true, data: { breached } }) });
  renderKiosk(fake.api);
  act(() => {
    useKioskStore.getState().signedIn(SESSION);
    openScreen({ name: 'step3' });
  });
  fireEvent.click(await screen.findByLabelText('mzlin2@mx.nthu.edu.tw'));
  return fake;
}

describe('the meter and the breached-password filter', () => {
  it('shows a Strong password the filter knows as refused, says why, and keeps Apply off', async () => {
    const fake = await step3(true);
    type('信箱新密碼', STRONG);
    type('新密碼確認', STRONG);
    const reason = '此密碼曾出現在外洩的密碼資料中，他人可能會拿來嘗試。請另選一個密碼。';
    await waitFor(() => expect(document.querySelector('.meter .rule')?.textContent).toBe(reason));
    expect(document.querySelector('.meter-level')?.textContent).toBe('弱');
    expect(document.getElementById(apply().getAttribute('aria-describedby')!)!.textContent).toBe(`尚未完成：${reason}`);
    expect(apply().disabled).toBe(true);
    expect(fake.calls.filter(([method]) => method === 'checkBreached')).toEqual([
      ['checkBreached', { password: STRONG }],
    ]);
  });

  it('lets the same password through when the filter does not know it, and never asks about a weak one', async () => {
    const fake = await step3(false);
    type('信箱新密碼', 'password1234');
    await screen.findByText('弱');
    type('信箱新密碼', STRONG);
    type('新密碼確認', STRONG);
    await waitFor(() => expect(apply().disabled).toBe(false));
    expect(fake.calls.filter(([method]) => method === 'checkBreached').map(([, request]) => request)).toEqual([
      { password: STRONG },
    ]);
  });
});
