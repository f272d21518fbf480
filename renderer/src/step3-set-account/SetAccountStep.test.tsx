// Step 3: the offered names, the live strength, Apply only at GOOD/STRONG with a matching
// confirmation, NAME_TAKEN recovery, and passwords that never outlive a submit.
import { act, cleanup, fireEvent, screen, waitFor, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { useKioskStore } from '../app/kiosk-store';
import { fakeApi, openScreen, renderKiosk, SESSION } from '../testing/render-kiosk';

afterEach(() => {
  cleanup();
  useKioskStore.getState().sessionEnded();
});

const STRONG = 'Vb7#qLm2!xTr9wKz';

async function openStep3(overrides: Parameters<typeof fakeApi>[0] = {}) {
  const fake = fakeApi(overrides);
  renderKiosk(fake.api);
  act(() => {
    useKioskStore.getState().signedIn(SESSION);
    openScreen({ name: 'step3' });
  });
  await screen.findByLabelText('mzlin2@mx.nthu.edu.tw');
  return fake;
}

const type = (label: string, value: string) => fireEvent.change(screen.getByLabelText(label), { target: { value } });
const apply = () => screen.getByRole('button', { name: '確定申請' }) as HTMLButtonElement;

/** Picks the name, types STRONG twice, waits for Apply to come alive and presses it. */
async function applyWith(name: string) {
  fireEvent.click(screen.getByLabelText(`${name}@mx.nthu.edu.tw`));
  type('信箱新密碼', STRONG);
  type('新密碼確認', STRONG);
  await waitFor(() => expect(apply().disabled).toBe(false));
  await act(async () => {
    fireEvent.click(apply());
  });
}

describe('Set account (step 3)', () => {
  it('shows the stepper at step 3, the read-only profile, the names with the domain and the warning', async () => {
    await openStep3();
    expect(
      screen.getByRole('navigation', { name: '申請步驟' }).querySelector('[aria-current="step"]')?.textContent,
    ).toContain('3');
    expect(screen.getByText('z10003')).toBeTruthy();
    expect(screen.getByText('Ming-Zhi Lin')).toBeTruthy();
    expect(screen.getByLabelText('mingzhi@mx.nthu.edu.tw')).toBeTruthy();
    expect(screen.getByText('注意：帳號名稱一經選定便永遠不能更改。')).toBeTruthy();
    expect(screen.getByText('新申請帳號')).toBeTruthy();
    expect(screen.getByText('請勿將密碼告訴任何人，也不要用電子郵件寄送密碼。')).toBeTruthy();
  });

  it('announces the names while they load, and keeps the focus of a person who moved on', async () => {
    let deliver: () => void = () => undefined;
    const fake = fakeApi({
      accountCandidates: () =>
        new Promise((resolve) => {
          deliver = () => resolve({ ok: true, data: { candidates: ['mzlin2', 'mingzhi'], domain: 'mx.nthu.edu.tw' } });
        }),
    });
    renderKiosk(fake.api);
    act(() => {
      useKioskStore.getState().signedIn(SESSION);
      openScreen({ name: 'step3' });
    });
    expect(screen.getByRole('status').textContent).toBe('正在產生帳號名稱…');
    expect(screen.getByRole('group', { name: '請選擇帳號名稱' }).getAttribute('aria-busy')).toBe('true');
    const password = screen.getByLabelText('信箱新密碼');
    password.focus();
    await act(async () => deliver());
    await screen.findByLabelText('mzlin2@mx.nthu.edu.tw');
    expect(document.activeElement).toBe(password);
    expect(screen.getByRole('status').textContent).toBe('');
    expect(screen.getByRole('group', { name: '請選擇帳號名稱' }).getAttribute('aria-busy')).toBe('false');
  });

  it('keeps Apply disabled until a name, a GOOD or STRONG password and a matching confirmation', async () => {
    await openStep3();
    expect(apply().disabled).toBe(true);
    fireEvent.click(screen.getByLabelText('mzlin2@mx.nthu.edu.tw'));
    type('信箱新密碼', 'password1234');
    await screen.findByText('弱');
    type('新密碼確認', 'password1234');
    expect(apply().disabled).toBe(true);
    type('信箱新密碼', STRONG);
    await screen.findByText('很強');
    expect(apply().disabled).toBe(true); // confirmation no longer matches
    type('新密碼確認', STRONG);
    await waitFor(() => expect(apply().disabled).toBe(false));
  });

  it('names the rule a password breaks before strength: here the staff ID', async () => {
    await openStep3();
    fireEvent.click(screen.getAllByRole('radio')[0]!);
    type('信箱新密碼', 'Xy!z10003-Qw9#');
    expect(await screen.findByText('密碼不可包含您的人事代號或帳號名稱。')).toBeTruthy();
    // In English the rule goes on after the colon in lower case, and says Staff ID as the kiosk does.
    await act(async () => useKioskStore.getState().setLanguage('en'));
    expect(
      await screen.findByText('Still missing: the password must not contain your staff ID or your account name.'),
    ).toBeTruthy();
  });

  it('creates the account, clears both fields, and shows the results', async () => {
    const { calls } = await openStep3();
    await applyWith('mzlin2');
    expect(calls).toContainEqual(['createAccount', { account: 'mzlin2', password: STRONG, confirm: STRONG }]);
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('您的電子郵件帳號已建立');
    expect(screen.getByText('已建立新的 LDAP 帳號 mzlin2@mx.nthu.edu.tw')).toBeTruthy();
    expect(JSON.stringify(useKioskStore.getState())).not.toContain(STRONG);
  });

  it('recovers from NAME_TAKEN with a fresh list and empty password fields', async () => {
    let round = 0;
    const { calls } = await openStep3({
      accountCandidates: async () => ({
        ok: true,
        data: { candidates: round++ === 0 ? ['mzlin2', 'mingzhi'] : ['mzlin3', 'mingzhi'], domain: 'mx.nthu.edu.tw' },
      }),
      createAccount: async () => ({ ok: false, code: 'NAME_TAKEN' }),
    });
    await applyWith('mzlin2');
    expect(screen.getByRole('alert').textContent).toContain('NAME_TAKEN');
    expect(await screen.findByLabelText('mzlin3@mx.nthu.edu.tw')).toBeTruthy();
    expect(screen.queryByLabelText('mzlin2@mx.nthu.edu.tw')).toBeNull();
    expect((screen.getByLabelText('信箱新密碼') as HTMLInputElement).value).toBe('');
    expect((screen.getByLabelText('新密碼確認') as HTMLInputElement).value).toBe('');
    expect(calls.filter(([m]) => m === 'accountCandidates')).toHaveLength(2);
  });

  it('shows the directory’s own words for a refused password', async () => {
    await openStep3({
      createAccount: async () => ({
        ok: false,
        code: 'PASSWORD_REFUSED',
        reason: 'Password fails quality checking policy',
      }),
    });
    await applyWith('mingzhi');
    expect(screen.getByRole('alert').textContent).toContain('目錄伺服器的說明：Password fails quality checking policy');
  });

  it('sends USER(-1) to the error screen that offers the reset', async () => {
    await openStep3({ createAccount: async () => ({ ok: false, code: 'USER(-1)', account: 'hmwang@mx.nthu.edu.tw' }) });
    await applyWith('mingzhi');
    expect(screen.getByRole('heading', { level: 1 }).textContent).toBe('您已有電子郵件信箱');
  });

  it('puts Apply before Cancel in the tab order after the confirm field', async () => {
    await openStep3();
    const apply = screen.getByRole('button', { name: '確定申請' });
    const cancel = screen.getByRole('button', { name: '取消申請' });
    expect(
      screen.getByLabelText('新密碼確認').compareDocumentPosition(apply) & Node.DOCUMENT_POSITION_FOLLOWING,
    ).toBeTruthy();
    expect(apply.compareDocumentPosition(cancel) & Node.DOCUMENT_POSITION_FOLLOWING).toBeTruthy();
  });

  it('asks before cancelling, with "continue applying" as the focused default', async () => {
    const { calls } = await openStep3();
    type('信箱新密碼', STRONG);
    await act(async () => {
      fireEvent.click(screen.getByRole('button', { name: '取消申請' }));
    });
    const dialog = screen.getByRole('alertdialog', { name: '要取消申請嗎？' });
    expect(document.activeElement?.textContent).toBe('繼續申請');
    expect(calls.some(([m]) => m === 'endSession')).toBe(false);
    await act(async () => void fireEvent.click(screen.getByRole('button', { name: '繼續申請' })));
    expect(screen.queryByRole('alertdialog')).toBeNull();
    expect(screen.getByText('z10003')).toBeTruthy();
    expect(calls.some(([m]) => m === 'endSession')).toBe(false);
    expect(dialog.isConnected).toBe(false);
  });

  it('cancels after the confirmation: ends the session and forgets the person', async () => {
    const { calls } = await openStep3();
    type('信箱新密碼', STRONG);
    await act(async () => void fireEvent.click(screen.getByRole('button', { name: '取消申請' })));
    const dialog = screen.getByRole('alertdialog');
    await act(async () => void fireEvent.click(within(dialog).getByRole('button', { name: '取消申請' })));
    expect(calls).toContainEqual(['endSession', { reason: 'cancel' }]);
    expect(useKioskStore.getState().session).toBeNull();
    expect(screen.queryByText('z10003')).toBeNull();
  });

  it('says beside a disabled Apply what is still missing, and the button points to that line', async () => {
    await openStep3();
    const line = () => document.getElementById(apply().getAttribute('aria-describedby')!)!.textContent;
    expect(line()).toBe('尚未完成：請選擇帳號名稱。');
    fireEvent.click(screen.getByLabelText('mzlin2@mx.nthu.edu.tw'));
    expect(line()).toBe('尚未完成：請輸入信箱新密碼。');
    type('信箱新密碼', 'password1234');
    await screen.findByText('弱');
    expect(line()).toBe('尚未完成：密碼強度須為「好」或「很強」。');
    type('信箱新密碼', STRONG);
    await screen.findByText('很強');
    // Then the breached-password filter is asked (a moment's "rating" line) before Confirm is next.
    await waitFor(() => expect(line()).toBe('尚未完成：請再輸入一次新密碼確認。'));
    type('新密碼確認', `${STRONG}x`);
    expect(line()).toBe('尚未完成：兩次輸入的密碼不一致。');
    type('新密碼確認', STRONG);
    await waitFor(() => expect(apply().disabled).toBe(false));
    expect(line()).toBe('');
  });

  it('shows the best six names first, the rest behind "more names", and preselects nothing among several', async () => {
    const names = ['mzlin', 'mzlin2', 'linmz', 'mingzhi', 'mz.lin', 'mz-lin', 'mz_lin', 'lin.mz', 'mingzhilin'];
    await openStep3({
      accountCandidates: async () => ({ ok: true, data: { candidates: names, domain: 'mx.nthu.edu.tw' } }),
    });
    expect(screen.getAllByRole('radio').map((r) => (r as HTMLInputElement).value)).toEqual(names.slice(0, 6));
    expect(screen.getAllByRole('radio').some((r) => (r as HTMLInputElement).checked)).toBe(false);
    await act(async () => void fireEvent.click(screen.getByRole('button', { name: '其他名稱（還有 3 個）' })));
    expect(screen.getAllByRole('radio').map((r) => (r as HTMLInputElement).value)).toEqual(names);
    expect(screen.queryByRole('button', { name: /其他名稱/ })).toBeNull();
  });

  it('preselects the name when it is the only one', async () => {
    const fake = fakeApi({
      accountCandidates: async () => ({ ok: true, data: { candidates: ['mzlin'], domain: 'mx.nthu.edu.tw' } }),
    });
    renderKiosk(fake.api);
    act(() => {
      useKioskStore.getState().signedIn(SESSION);
      openScreen({ name: 'step3' });
    });
    expect(((await screen.findByLabelText('mzlin@mx.nthu.edu.tw')) as HTMLInputElement).checked).toBe(true);
    expect(screen.queryByRole('button', { name: /其他名稱/ })).toBeNull();
  });

  it('never puts the password into any DOM attribute, even while the form submits', async () => {
    let seenDuringSubmit = '';
    await openStep3({
      createAccount: async () => {
        seenDuringSubmit = document.documentElement.outerHTML;
        return { ok: false, code: 'PASSWORD_REFUSED' };
      },
    });
    await applyWith('mzlin2');
    expect(seenDuringSubmit).toContain('mzlin2@mx.nthu.edu.tw'); // the page was captured mid-submit
    expect(seenDuringSubmit).not.toContain(STRONG);
    expect(document.documentElement.outerHTML).not.toContain(STRONG);
  });

  it('explains the strength with zxcvbn’s reasons, translated, in a polite live region, in both languages', async () => {
    await openStep3();
    type('信箱新密碼', 'password');
    const meter = (await screen.findByText('這是最常見的前 10 名密碼之一。')).closest('[aria-live]')!;
    expect(meter.getAttribute('aria-live')).toBe('polite');
    expect(meter.textContent).toContain('弱');
    expect(meter.textContent).toContain('再加一兩個字，少見的字更好。');
    expect(meter.querySelector('meter')?.getAttribute('data-level')).toBe('weak');
    type('信箱新密碼', 'Mingzhi2026');
    expect(await screen.findByText('密碼裡有您的姓名、人事代號或學校名稱。')).toBeTruthy();
    await act(async () => void useKioskStore.getState().setLanguage('en'));
    expect(await screen.findByText('The password contains your name, Staff ID or the university’s name.')).toBeTruthy();
    expect(screen.getByText('Capital letters do not help much.')).toBeTruthy();
    expect(screen.getByText('Weak')).toBeTruthy();
  });
});
