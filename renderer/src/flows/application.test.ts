// The application flows against a recording fake API: which screen follows each answer, which
// refusals stay beside the fields, and that no password is left in the store.
import { afterEach, describe, expect, it } from 'vitest';
import { useKioskStore } from '../app/kiosk-store';
import { fakeApi, openScreen, SESSION } from '../testing/render-kiosk';
import { acceptPolicy, createAccount, proceedFromProfile, rejectPolicy } from './application';

afterEach(() => useKioskStore.setState(useKioskStore.getInitialState(), true));

const store = () => useKioskStore.getState();
const PAIR = { password: 'Vb7#qLm2!xTr9wKz', confirm: 'Vb7#qLm2!xTr9wKz' };

function onStep3() {
  store().signedIn(SESSION);
  store().candidatesOffered(['mzlin2', 'mingzhi']);
  openScreen({ name: 'step3' });
}

describe('createAccount', () => {
  it('accountCreated goes to results, and the password was sent but not kept', async () => {
    const { api, calls } = fakeApi();
    onStep3();
    await expect(createAccount(api, 'mzlin2', PAIR)).resolves.toBeNull();
    expect(calls).toContainEqual(['createAccount', { account: 'mzlin2', ...PAIR }]);
    expect(store().screen).toEqual({ name: 'step4' });
    expect(store().created?.address).toBe('mzlin2@mx.nthu.edu.tw');
    expect(JSON.stringify(store())).not.toContain(PAIR.password);
  });

  it('a NAME_TAKEN keeps step 3 and offers the names afresh before it answers', async () => {
    const { api, calls } = fakeApi({
      createAccount: async () => ({ ok: false, code: 'NAME_TAKEN' }),
      // Answers a moment later, so only a flow that waits for the fresh list sees it before answering.
      accountCandidates: () =>
        new Promise((resolve) =>
          setTimeout(
            () => resolve({ ok: true, data: { candidates: ['mzlin3', 'mingzhi'], domain: 'mx.nthu.edu.tw' } }),
            20,
          ),
        ),
    });
    onStep3();
    await expect(createAccount(api, 'mzlin2', PAIR)).resolves.toEqual({
      problem: { code: 'NAME_TAKEN' },
      nameWithdrawn: true,
    });
    expect(store().screen).toEqual({ name: 'step3' });
    expect(store().candidates).toEqual(['mzlin3', 'mingzhi']);
    expect(calls.map(([method]) => method)).toEqual(['createAccount', 'accountCandidates']);
  });

  it('keeps the name and the list for a refused password, with the directory’s own words', async () => {
    const { api, calls } = fakeApi({
      createAccount: async () => ({
        ok: false,
        code: 'PASSWORD_REFUSED',
        reason: 'Password fails quality checking policy',
      }),
    });
    onStep3();
    await expect(createAccount(api, 'mzlin2', PAIR)).resolves.toEqual({
      problem: { code: 'PASSWORD_REFUSED', reason: 'Password fails quality checking policy' },
      nameWithdrawn: false,
    });
    expect(store().screen).toEqual({ name: 'step3' });
    expect(calls.some(([method]) => method === 'accountCandidates')).toBe(false);
  });

  it('sends any other refusal to its error screen, naming the account main named', async () => {
    const { api } = fakeApi({
      createAccount: async () => ({ ok: false, code: 'USER(-1)', account: 'hmwang@mx.nthu.edu.tw' }),
    });
    onStep3();
    await expect(createAccount(api, 'mzlin2', PAIR)).resolves.toBeNull();
    expect(store().screen).toEqual({ name: 'error', code: 'USER(-1)', account: 'hmwang@mx.nthu.edu.tw' });
  });
});

describe('proceedFromProfile', () => {
  it('checks eligibility before the four steps', async () => {
    const { api, calls } = fakeApi();
    store().signedIn(SESSION);
    await proceedFromProfile(api);
    expect(calls.map(([method]) => method)).toEqual(['checkAccount']);
    expect(store().screen).toEqual({ name: 'step1' });
  });

  it('offers the reset to someone who already has a mailbox, naming it', async () => {
    const { api } = fakeApi({
      checkAccount: async () => ({ ok: false, code: 'USER(-1)', account: 'hmwang@mx.nthu.edu.tw' }),
    });
    store().signedIn(SESSION);
    await proceedFromProfile(api);
    expect(store().screen).toEqual({ name: 'error', code: 'USER(-1)', account: 'hmwang@mx.nthu.edu.tw' });
  });

  it('goes straight to the new password for someone who signed in to reset', async () => {
    const { api, calls } = fakeApi();
    store().signedIn({ ...SESSION, purpose: 'reset' });
    await proceedFromProfile(api);
    expect(calls).toEqual([]);
    expect(store().screen).toEqual({ name: 'reset' });
  });
});

describe('the policies', () => {
  const SHOWN = { id: 'email-terms', version: 'v1', hash: 'a'.repeat(64), language: 'en' } as const;

  it('policyAccepted after main recorded exactly the text shown', async () => {
    const { api, calls } = fakeApi();
    store().signedIn(SESSION);
    openScreen({ name: 'step2' });
    await acceptPolicy(api, SHOWN);
    expect(calls).toEqual([['acceptPolicy', SHOWN]]);
    expect(store().screen).toEqual({ name: 'step3' });
  });

  it('shows a changed policy’s code instead of going on', async () => {
    const { api } = fakeApi({ acceptPolicy: async () => ({ ok: false, code: 'POLICY_CHANGED' }) });
    store().signedIn(SESSION);
    openScreen({ name: 'step2' });
    await acceptPolicy(api, SHOWN);
    expect(store().screen).toEqual({ name: 'error', code: 'POLICY_CHANGED' });
  });

  it('rejecting ends the session in main and here, then explains', async () => {
    const { api, calls } = fakeApi();
    store().signedIn(SESSION);
    openScreen({ name: 'step1' });
    await rejectPolicy(api);
    expect(calls).toEqual([['endSession', { reason: 'reject' }]]);
    expect(store().session).toBeNull();
    expect(store().screen).toEqual({ name: 'rejected' });
  });
});
