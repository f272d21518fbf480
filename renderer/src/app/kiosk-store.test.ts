// The store's transitions: which screen each event leads to, and that ending a session leaves
// nothing of the person while the kiosk's own status and settings stay.
import { afterEach, describe, expect, it } from 'vitest';
import { ONLINE, SESSION } from '../testing/render-kiosk';
import { NOTHING_PERSONAL, useKioskStore, type KioskWideState, type PersonalState } from './kiosk-store';

afterEach(() => useKioskStore.setState(useKioskStore.getInitialState(), true));

const store = () => useKioskStore.getState();
const KIOSK_WIDE: Array<keyof KioskWideState> = ['status', 'settings'];
const CREATED = {
  address: 'mzlin2@mx.nthu.edu.tw',
  uid: 'mzlin2',
  mailbox: { mode: 'none' as const, homeCreated: false, quota: null, mbox: null, unfinished: null },
  effectiveInMinutes: 10,
};

const SHOWN = { version: 'v1', hash: 'b'.repeat(64), language: 'zh-TW' as const };

describe('kiosk store', () => {
  it('holds only fields declared personal or kiosk-wide, so sessionEnded knows everything it must wipe', () => {
    const data = Object.entries(store())
      .filter(([, value]) => typeof value !== 'function')
      .map(([key]) => key);
    const undeclared = data.filter(
      (key) => !(key in NOTHING_PERSONAL) && !KIOSK_WIDE.includes(key as keyof KioskWideState),
    );
    expect(undeclared).toEqual([]);
  });

  it('sessionEnded clears everything personal from the store, and keeps status and settings', () => {
    const settings = { ...store().settings, idleSeconds: 45 };
    store().setStatus({ kind: 'known', status: ONLINE });
    store().setSettings(settings);
    store().applicantAwaited({ staffId: 'z10032', operator: 'opchen', until: Date.now() + 60_000 });
    store().signedIn({ ...SESSION, profile: { ...SESSION.profile, language: 'en' } });
    store().candidatesOffered(['mzlin2']);
    store().accountCreated(CREATED);
    store().candidatesOffered(['mzlin3']);
    store().passwordReset('mzlin2@mx.nthu.edu.tw');
    store().policyAccepted('network-usage', SHOWN);
    store().setDisplay({ largeText: true });
    store().setLanguage('en');
    store().signInStarted('reset');
    store().passwordReset('mzlin2@mx.nthu.edu.tw');
    const personalKeys = Object.keys(NOTHING_PERSONAL) as Array<keyof PersonalState>;
    // Every personal field holds something of the person before the end, or the check below proves nothing.
    expect(
      personalKeys.filter((key) => JSON.stringify(store()[key]) === JSON.stringify(NOTHING_PERSONAL[key])),
    ).toEqual([]);

    store().sessionEnded();

    for (const key of personalKeys) expect({ key, value: store()[key] }).toEqual({ key, value: NOTHING_PERSONAL[key] });
    expect(store().status).toEqual({ kind: 'known', status: ONLINE });
    expect(store().settings).toEqual(settings);
  });

  it('policyRejected forgets the person as sessionEnded does, but shows why there is no mailbox', () => {
    store().signedIn(SESSION);
    store().candidatesOffered(['mzlin2']);
    store().policyRejected();
    expect(store().session).toBeNull();
    expect(store().candidates).toEqual([]);
    expect(store().screen).toEqual({ name: 'rejected' });
  });

  it('leads from the network policy to the email terms, and from the email terms to Set account', () => {
    store().policyAccepted('network-usage', SHOWN);
    expect(store().screen).toEqual({ name: 'step2' });
    store().policyAccepted('email-terms', { ...SHOWN, version: 'v2' });
    expect(store().screen).toEqual({ name: 'step3' });
  });

  it('remembers which texts were accepted, for the receipt, and forgets them with the session', () => {
    store().policyAccepted('network-usage', SHOWN);
    store().policyAccepted('email-terms', { ...SHOWN, version: 'v2' });
    expect(store().accepted).toEqual({ 'network-usage': SHOWN, 'email-terms': { ...SHOWN, version: 'v2' } });
    store().sessionEnded();
    expect(store().accepted).toEqual({});
  });

  it('keeps a language chosen before AIS over the profile language, and the display choices end with the session', () => {
    store().setLanguage('en');
    store().setDisplay({ largeText: true, highContrast: true });
    store().signedIn(SESSION);
    expect(store().language).toBe('en');
    store().sessionEnded();
    expect(store().display).toEqual({ largeText: false, highContrast: false });
    expect(store().language).toBe('zh-TW');
    store().signedIn({ ...SESSION, profile: { ...SESSION.profile, language: 'en' } });
    expect(store().language).toBe('en');
  });

  it('accountCreated shows the results and drops the offered names', () => {
    store().candidatesOffered(['mzlin2', 'mingzhi']);
    store().accountCreated(CREATED);
    expect(store().screen).toEqual({ name: 'step4' });
    expect(store().created).toEqual(CREATED);
    expect(store().candidates).toEqual([]);
  });

  it('after the handover, an assisted application goes to the profile card and an assisted reset to the new password', () => {
    store().assistedSessionStarted(SESSION);
    expect(store().screen).toEqual({ name: 'assisted-handover' });
    store().applicantTookOver();
    expect(store().screen).toEqual({ name: 'profile' });
    store().assistedSessionStarted({ ...SESSION, purpose: 'reset' });
    store().applicantTookOver();
    expect(store().screen).toEqual({ name: 'reset' });
  });
});
