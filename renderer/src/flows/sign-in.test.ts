// Signing in through AIS: what follows each of main's answers, and the browser host's return.
import { afterEach, describe, expect, it } from 'vitest';
import { useKioskStore } from '../app/kiosk-store';
import { fakeApi, SESSION } from '../testing/render-kiosk';
import { returnFromAis, signIn } from './sign-in';

afterEach(() => useKioskStore.setState(useKioskStore.getInitialState(), true));

const store = () => useKioskStore.getState();
const stay = () => undefined;

describe('signIn', () => {
  it('signedIn once Electron’s AIS view completed: the profile card, in the AIS language', async () => {
    const { api, calls } = fakeApi({
      currentSession: async () => ({ ok: true, data: { ...SESSION, profile: { ...SESSION.profile, language: 'en' } } }),
    });
    await signIn(api, stay, 'apply');
    expect(calls.map(([method]) => method)).toEqual(['beginSignIn', 'currentSession']);
    expect(store().screen).toEqual({ name: 'profile' });
    expect(store().language).toBe('en');
  });

  it('leaves the page for AIS on a redirect, and shows the waiting screen meanwhile', async () => {
    const visited: string[] = [];
    const { api } = fakeApi({
      beginSignIn: async () => ({ ok: true, data: { kind: 'redirect', url: 'http://127.0.0.1:9/' } }),
    });
    await signIn(api, (url) => visited.push(url), 'reset');
    expect(visited).toEqual(['http://127.0.0.1:9/']);
    expect(store().screen).toEqual({ name: 'signing-in' });
  });

  it('returns to Welcome when the person closed AIS', async () => {
    const { api } = fakeApi({ beginSignIn: async () => ({ ok: true, data: { kind: 'cancelled' } }) });
    await signIn(api, stay, 'apply');
    expect(store().screen).toEqual({ name: 'welcome' });
  });

  it('shows the code’s error screen when main refused the token', async () => {
    const { api, calls } = fakeApi({ beginSignIn: async () => ({ ok: false, code: 'DECRYPT(-2)' }) });
    await signIn(api, stay, 'apply');
    expect(store().screen).toEqual({ name: 'error', code: 'DECRYPT(-2)' });
    expect(calls.some(([method]) => method === 'currentSession')).toBe(false);
  });
});

describe('returnFromAis', () => {
  it('loads the session for ?handoff=ok', async () => {
    await returnFromAis(fakeApi().api, 'ok');
    expect(store().session).toEqual(SESSION);
  });

  it('shows a known code as itself and anything else from the address bar as INTERNAL', async () => {
    await returnFromAis(fakeApi().api, 'SESSION(-2)');
    expect(store().screen).toEqual({ name: 'error', code: 'SESSION(-2)' });
    await returnFromAis(fakeApi().api, '<script>');
    expect(store().screen).toEqual({ name: 'error', code: 'INTERNAL' });
  });

  it('keeps a language chosen on Welcome across the browser host’s trip to AIS, over the AIS profile’s', async () => {
    const { api } = fakeApi({
      beginSignIn: async () => ({ ok: true, data: { kind: 'redirect', url: 'http://127.0.0.1:9/' } }),
    });
    store().setLanguage('en');
    await signIn(api, stay, 'apply');
    // The page reloads on its way back: a fresh store, as after the real trip.
    useKioskStore.setState(useKioskStore.getInitialState(), true);
    await returnFromAis(fakeApi().api, 'ok');
    expect(store().screen).toEqual({ name: 'profile' });
    expect(store().language).toBe('en');
    expect(window.sessionStorage.length).toBe(0);
  });

  it('keeps larger text and high contrast across the browser host’s trip to AIS', async () => {
    const { api } = fakeApi({
      beginSignIn: async () => ({ ok: true, data: { kind: 'redirect', url: 'http://127.0.0.1:9/' } }),
    });
    store().setDisplay({ largeText: true, highContrast: true });
    await signIn(api, stay, 'apply');
    useKioskStore.setState(useKioskStore.getInitialState(), true);
    await returnFromAis(fakeApi().api, 'ok');
    expect(store().display).toEqual({ largeText: true, highContrast: true });
    expect(store().languageChosen).toBe(false);
    expect(window.sessionStorage.length).toBe(0);
  });

  it('without a choice on Welcome, the AIS profile’s language applies after the trip', async () => {
    const { api } = fakeApi({
      beginSignIn: async () => ({ ok: true, data: { kind: 'redirect', url: 'http://127.0.0.1:9/' } }),
    });
    await signIn(api, stay, 'apply');
    useKioskStore.setState(useKioskStore.getInitialState(), true);
    await returnFromAis(
      fakeApi({
        currentSession: async () => ({
          ok: true,
          data: { ...SESSION, profile: { ...SESSION.profile, language: 'en' } },
        }),
      }).api,
      'ok',
    );
    expect(store().language).toBe('en');
    useKioskStore.setState(useKioskStore.getInitialState(), true);
    await returnFromAis(fakeApi().api, 'ok');
    expect(store().language).toBe('zh-TW');
  });
});
