// The contact step: hint, full read-back before sending, the code with tries left, a new code,
// another address, skip, and "later at the helpdesk".
import { act, cleanup, fireEvent, screen } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { useKioskStore } from '../app/kiosk-store';
import { type fakeApi, renderResults } from '../testing/render-kiosk';

afterEach(() => {
  cleanup();
  useKioskStore.getState().sessionEnded();
});

const onResults = (overrides: Parameters<typeof fakeApi>[0] = {}) => renderResults(overrides);

const click = (name: string) => act(async () => void fireEvent.click(screen.getByRole('button', { name })));

describe('contact step', () => {
  it('hints a typo, reads the whole address back, and sends only after that', async () => {
    const { calls } = await onResults();
    fireEvent.change(screen.getByLabelText('聯絡用電子郵件信箱'), { target: { value: 'ming.lin@gmial.com' } });
    expect(screen.getByText('您是不是要輸入 ming.lin@gmail.com？')).toBeTruthy();
    await click('使用此地址');
    await click('核對地址');
    expect(screen.getByText('確認碼將寄到下列地址，請逐字確認是否正確：')).toBeTruthy();
    expect(screen.getByText('ming.lin@gmail.com')).toBeTruthy();
    expect(calls.some(([m]) => m === 'registerContact')).toBe(false);
    await click('寄送確認碼');
    expect(calls).toContainEqual(['registerContact', { address: 'ming.lin@gmail.com' }]);
    fireEvent.change(screen.getByLabelText('確認碼'), { target: { value: '12a3456' } });
    expect((screen.getByLabelText('確認碼') as HTMLInputElement).value).toBe('123456');
    await click('確認');
    expect(calls).toContainEqual(['confirmContact', { code: '123456' }]);
    expect(screen.getByText('已確認聯絡用信箱 m****n@gmail.com。')).toBeTruthy();
  });

  it('refuses a university address before anything is sent', async () => {
    await onResults();
    fireEvent.change(screen.getByLabelText('聯絡用電子郵件信箱'), { target: { value: 'me@cs.nthu.edu.tw' } });
    expect(screen.getByText('請使用校外信箱')).toBeTruthy();
    expect((screen.getByRole('button', { name: '核對地址' }) as HTMLButtonElement).disabled).toBe(true);
  });

  it('says the helpdesk can finish later when SMTP is down, and the account stays', async () => {
    await onResults({ registerContact: async () => ({ ok: false, code: 'SMTP_UNAVAILABLE' }) });
    fireEvent.change(screen.getByLabelText('聯絡用電子郵件信箱'), { target: { value: 'ming@example.org' } });
    await click('核對地址');
    await click('寄送確認碼');
    expect(screen.getByText(/稍後到服務台補登聯絡用信箱/)).toBeTruthy();
    expect(screen.getByRole('alert').textContent).toContain('SMTP_UNAVAILABLE');
    expect(screen.getByText('已建立新的 LDAP 帳號 mzlin2@mx.nthu.edu.tw')).toBeTruthy();
  });

  it('repeats the typo hint at the read-back, under the address in large monospace', async () => {
    const { calls } = await onResults();
    fireEvent.change(screen.getByLabelText('聯絡用電子郵件信箱'), { target: { value: 'ming.lin@gmial.com' } });
    await click('核對地址');
    expect(screen.getByText('ming.lin@gmial.com', { selector: '.readback-address' })).toBeTruthy();
    expect(screen.getByText(/請注意：您輸入的是 gmial\.com，是不是要輸入 ming\.lin@gmail\.com？/)).toBeTruthy();
    await click('使用此地址');
    expect(screen.getByText('ming.lin@gmail.com', { selector: '.readback-address' })).toBeTruthy();
    expect(screen.queryByText(/請注意：/)).toBeNull();
    expect(calls.some(([m]) => m === 'registerContact')).toBe(false);
  });

  it('keeps a wrong code on the code screen with the tries left, and sends an expired one to the helpdesk', async () => {
    let answer: 'CONTACT_CODE_WRONG' | 'CONTACT_CODE_EXPIRED' = 'CONTACT_CODE_WRONG';
    await onResults({
      confirmContact: async () => ({
        ok: false,
        code: answer,
        ...(answer === 'CONTACT_CODE_WRONG' ? { triesLeft: 3 } : {}),
      }),
    });
    fireEvent.change(screen.getByLabelText('聯絡用電子郵件信箱'), { target: { value: 'ming@example.org' } });
    await click('核對地址');
    await click('寄送確認碼');
    fireEvent.change(screen.getByLabelText('確認碼'), { target: { value: '000000' } });
    await click('確認');
    // Full sentences; the code on its own labelled line, not run into them.
    expect(screen.getByRole('alert').querySelector('p')?.textContent).toBe('確認碼錯誤。還可以再試 3 次。');
    expect(screen.getByRole('alert').querySelector('.reference')?.textContent).toBe('參考代碼： CONTACT_CODE_WRONG');
    expect(screen.getByLabelText('確認碼')).toBeTruthy();
    answer = 'CONTACT_CODE_EXPIRED';
    fireEvent.change(screen.getByLabelText('確認碼'), { target: { value: '111111' } });
    await click('確認');
    expect(screen.getByRole('alert').textContent).toContain('CONTACT_CODE_EXPIRED');
    expect(screen.queryByLabelText('確認碼')).toBeNull();
  });

  it('can be skipped: Finish still ends the session', async () => {
    const { calls } = await onResults();
    await click('完成');
    expect(calls).toContainEqual(['endSession', { reason: 'finish' }]);
    expect(calls.some(([m]) => m === 'registerContact')).toBe(false);
  });

  it('sends a new code, keeps the code screen when the hourly limit refuses it, and lets the address change', async () => {
    let sends = 0;
    const { calls } = await onResults({
      registerContact: async () =>
        ++sends <= 2 ? { ok: true, data: { masked: 'm**g@example.org' } } : { ok: false, code: 'CONTACT_RATE_LIMITED' },
    });
    fireEvent.change(screen.getByLabelText('聯絡用電子郵件信箱'), { target: { value: 'ming@example.org' } });
    await click('核對地址');
    await click('寄送確認碼');
    await click('寄送新的確認碼');
    expect(screen.getByText('新的確認碼已寄到 ming@example.org，之前的確認碼已失效。')).toBeTruthy();
    await click('寄送新的確認碼');
    expect(screen.getByRole('alert').textContent).toContain('CONTACT_RATE_LIMITED');
    expect(screen.getByLabelText('確認碼')).toBeTruthy();
    await click('修改地址');
    expect((screen.getByLabelText('聯絡用電子郵件信箱') as HTMLInputElement).value).toBe('ming@example.org');
    expect(calls.filter(([m]) => m === 'registerContact')).toHaveLength(3);
  });
});
