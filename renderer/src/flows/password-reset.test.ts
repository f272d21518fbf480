// The reset flows: the account found by staff ID, and which refusals stay beside the fields.
import { afterEach, describe, expect, it } from 'vitest';
import { useKioskStore } from '../app/kiosk-store';
import { fakeApi, openScreen, SESSION } from '../testing/render-kiosk';
import { findAccountToReset, resetPassword } from './password-reset';

afterEach(() => useKioskStore.setState(useKioskStore.getInitialState(), true));

const store = () => useKioskStore.getState();
const PAIR = { password: 'Vb7#qLm2!xTr9wKz', confirm: 'Vb7#qLm2!xTr9wKz' };

function onReset() {
  store().signedIn({ ...SESSION, purpose: 'reset' });
  openScreen({ name: 'reset' });
}

describe('password reset flows', () => {
  it('finds the account to reset', async () => {
    const { api } = fakeApi({
      checkAccount: async () => ({ ok: true, data: { purpose: 'reset', account: 'hmwang@mx.nthu.edu.tw' } }),
    });
    onReset();
    await expect(findAccountToReset(api)).resolves.toBe('hmwang@mx.nthu.edu.tw');
    expect(store().screen).toEqual({ name: 'reset' });
  });

  it('shows the error screen when there is no account to reset', async () => {
    const { api } = fakeApi({ checkAccount: async () => ({ ok: false, code: 'USER(-2)' }) });
    onReset();
    await expect(findAccountToReset(api)).resolves.toBeNull();
    expect(store().screen).toEqual({ name: 'error', code: 'USER(-2)' });
  });

  it('passwordReset shows which mailbox has the new password, and the password is not kept', async () => {
    const { api, calls } = fakeApi();
    onReset();
    await expect(resetPassword(api, PAIR)).resolves.toBeNull();
    expect(calls).toEqual([['resetPassword', PAIR]]);
    expect(store().screen).toEqual({ name: 'reset-done' });
    expect(store().resetAddress).toBe('mzlin2@mx.nthu.edu.tw');
    expect(JSON.stringify(store())).not.toContain(PAIR.password);
  });

  it('keeps a password refusal beside the fields, and sends anything else to its error screen', async () => {
    onReset();
    const refused = fakeApi({
      resetPassword: async () => ({
        ok: false,
        code: 'PASSWORD_IN_HISTORY',
        reason: 'Password is in history of old passwords',
      }),
    });
    await expect(resetPassword(refused.api, PAIR)).resolves.toEqual({
      code: 'PASSWORD_IN_HISTORY',
      reason: 'Password is in history of old passwords',
    });
    expect(store().screen).toEqual({ name: 'reset' });
    const down = fakeApi({ resetPassword: async () => ({ ok: false, code: 'DIRECTORY_UNAVAILABLE' }) });
    await expect(resetPassword(down.api, PAIR)).resolves.toBeNull();
    expect(store().screen).toEqual({ name: 'error', code: 'DIRECTORY_UNAVAILABLE' });
  });

  it('sends "the new password may already be in place" to its own screen, not beside the fields', async () => {
    onReset();
    const unsure = fakeApi({ resetPassword: async () => ({ ok: false, code: 'PASSWORD_MAY_BE_SET' }) });
    await expect(resetPassword(unsure.api, PAIR)).resolves.toBeNull();
    expect(store().screen).toEqual({ name: 'error', code: 'PASSWORD_MAY_BE_SET' });
  });

  it('carries when to try again to the error screen of an application in progress', async () => {
    const { api } = fakeApi({
      checkAccount: async () => ({ ok: false, code: 'APPLICATION_IN_PROGRESS', retryAfterSeconds: 37 }),
    });
    onReset();
    await expect(findAccountToReset(api)).resolves.toBeNull();
    expect(store().screen).toEqual({ name: 'error', code: 'APPLICATION_IN_PROGRESS', retryAfterSeconds: 37 });
  });
});
