// Ending a session: main is told, the store forgets the person, and the idle wipe clears the page
// before main has answered.
import { afterEach, describe, expect, it } from 'vitest';
import { useKioskStore } from '../app/kiosk-store';
import { fakeApi, SESSION } from '../testing/render-kiosk';
import { cancelSession, endSession, signInAgain, wipeAfterIdle } from './session';

afterEach(() => {
  useKioskStore.setState(useKioskStore.getInitialState(), true);
  window.sessionStorage.clear();
});

const store = () => useKioskStore.getState();

describe('session flows', () => {
  it('endSession tells main why, then sessionEnded forgets the person here', async () => {
    const { api, calls } = fakeApi();
    store().signedIn({ ...SESSION, profile: { ...SESSION.profile, language: 'en' } });
    await endSession(api, 'finish');
    expect(calls).toEqual([['endSession', { reason: 'finish' }]]);
    expect(store().session).toBeNull();
    expect(store().language).toBe('zh-TW');
    expect(store().screen).toEqual({ name: 'welcome' });
  });

  it('the idle wipe clears the page and web storage before main answers, then signs an operator out', async () => {
    let answer: () => void = () => undefined;
    const { api, calls } = fakeApi({
      endSession: () => new Promise((resolve) => (answer = () => resolve({ ok: true, data: { ended: true } }))),
    });
    store().signedIn(SESSION);
    window.sessionStorage.setItem('leftover', 'z10003');
    const wiping = wipeAfterIdle(api);
    expect(store().session).toBeNull();
    expect(store().screen).toEqual({ name: 'welcome' });
    expect(window.sessionStorage.length).toBe(0);
    expect(calls).toEqual([['endSession', { reason: 'idle' }]]);
    answer();
    await wiping;
    expect(calls.map(([method]) => method)).toEqual(['endSession', 'operatorSignOut']);
  });

  it('reset instead: ends this session, then signs in afresh for the reset', async () => {
    const { api, calls } = fakeApi();
    store().signedIn(SESSION);
    await signInAgain(api, () => undefined, 'reset');
    expect(calls.slice(0, 2)).toEqual([
      ['endSession', { reason: 'cancel' }],
      ['beginSignIn', { purpose: 'reset' }],
    ]);
  });

  it('cancelling an assisted session leads back to the operator sign-in, with nothing of the applicant left', async () => {
    const { api, calls } = fakeApi();
    store().assistedSessionStarted({ ...SESSION, purpose: 'reset', profile: { ...SESSION.profile, from: 'helpdesk' } });
    await cancelSession(api);
    expect(calls).toEqual([['endSession', { reason: 'cancel' }]]);
    expect(store().screen).toEqual({ name: 'operator-sign-in' });
    expect(store().session).toBeNull();
  });

  it('cancelling the person’s own session goes back to Welcome', async () => {
    const { api } = fakeApi();
    store().signedIn(SESSION);
    await cancelSession(api);
    expect(store().screen).toEqual({ name: 'welcome' });
  });
});
