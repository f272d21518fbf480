// The Electron AIS view, with a fake electron module: allow-list, handoff capture, cancel, wipe.
import { describe, expect, it } from 'vitest';
import {
  AIS_PARTITION,
  AIS_VIEW_MARGIN_SECONDS,
  AisView,
  decideAisNavigation,
} from '../../../../electron/main/ais-view';
import { silentLogger } from '../../../../electron/services/logger';
import { aisSignInAt, mint, T0 } from '../../../support/ais-tokens';
import { createFakeElectron, type FakeWebContents } from './fake-electron';

const settings = {
  loginUrl: 'https://www.ccxp.example.edu/ccxp/login',
  extraOrigins: ['https://sso.example.edu'],
  portalUrl: 'https://ua.net.nthu.edu.tw/portal/index.cgi',
  validitySeconds: 120,
};

describe('decideAisNavigation', () => {
  it.each([
    ['https://www.ccxp.example.edu/ccxp/menu', 'allow'],
    ['https://sso.example.edu/auth?x=1', 'allow'],
    ['https://ua.net.nthu.edu.tw/portal/index.cgi?data=abcd', 'handoff'],
    ['https://ua.net.nthu.edu.tw/portal/other.cgi', 'deny'],
    ['http://www.ccxp.example.edu/ccxp/menu', 'deny'],
    ['https://www.ccxp.example.edu.evil.example/', 'deny'],
    ['https://evil.example/?https://www.ccxp.example.edu', 'deny'],
    ['app://kiosk/index.html', 'deny'],
    ['file:///etc/passwd', 'deny'],
    ['javascript:alert(1)', 'deny'],
    ['nonsense', 'deny'],
  ])('%s → %s', (url, decision) => {
    expect(decideAisNavigation(url, settings)).toBe(decision);
  });

  it.each([
    ['a trailing slash', 'https://ua.net.nthu.edu.tw/portal/index.cgi/?data=abcd'],
    ['a path parameter', 'https://ua.net.nthu.edu.tw/portal/index.cgi;x?data=abcd'],
    ['an extra segment', 'https://ua.net.nthu.edu.tw/portal/index.cgi/evil?data=abcd'],
    ['a doubled slash', 'https://ua.net.nthu.edu.tw/portal//index.cgi?data=abcd'],
    ['an encoded dot', 'https://ua.net.nthu.edu.tw/portal/index%2ecgi?data=abcd'],
    ['another port', 'https://ua.net.nthu.edu.tw:8443/portal/index.cgi?data=abcd'],
    ['plain http', 'http://ua.net.nthu.edu.tw/portal/index.cgi?data=abcd'],
    ['user info', 'https://x:y@ua.net.nthu.edu.tw/portal/index.cgi?data=abcd'],
    ['a second parameter', 'https://ua.net.nthu.edu.tw/portal/index.cgi?data=abcd&next=https://evil.example'],
    ['a parameter first', 'https://ua.net.nthu.edu.tw/portal/index.cgi?x=1&data=abcd'],
    ['a fragment', 'https://ua.net.nthu.edu.tw/portal/index.cgi?data=abcd#x'],
    ['no data', 'https://ua.net.nthu.edu.tw/portal/index.cgi'],
    ['a longer host', 'https://ua.net.nthu.edu.tw.evil.example/portal/index.cgi?data=abcd'],
  ])('refuses a near-miss portal URL (%s): it never loads with the token', (_what, url) => {
    expect(decideAisNavigation(url, settings)).toBe('deny');
  });

  it('refuses AIS pages addressed with user info', () => {
    expect(decideAisNavigation('https://u:p@www.ccxp.example.edu/ccxp/menu', settings)).toBe('deny');
  });

  it('allows the loopback simulator over http, and no other http origin', () => {
    const demo = { ...settings, loginUrl: 'http://127.0.0.1:4000/' };
    expect(decideAisNavigation('http://127.0.0.1:4000/services', demo)).toBe('allow');
    expect(decideAisNavigation('http://127.0.0.1:4001/services', demo)).toBe('deny');
  });
});

/** Timers the test fires by hand. */
function manualTimers() {
  const pending = new Map<number, { fn: () => void; ms: number }>();
  let next = 0;
  return {
    pending,
    setTimeout: (fn: () => void, ms: number) => {
      pending.set(++next, { fn, ms });
      return next;
    },
    clearTimeout: (handle: unknown) => pending.delete(handle as number),
    fireAll: () => {
      for (const [handle, { fn }] of [...pending]) {
        pending.delete(handle);
        fn();
      }
    },
  };
}

function setup() {
  const fake = createFakeElectron();
  const window = new fake.electron.BrowserWindow({});
  let now = T0 * 1000;
  const clock = { now: () => now };
  const timers = manualTimers();
  const { sessions, signIn } = aisSignInAt(clock);
  const view = new AisView(fake.electron, () => window, {
    settings,
    signIn,
    egress: () => ['192.0.2.10'],
    logger: silentLogger,
    clock,
    timers,
  });
  const contents = () => fake.views.at(-1)!.webContents as FakeWebContents;
  const tick = (ms: number) => (now += ms);
  return { fake, window: window as unknown as { children: unknown[] }, sessions, view, contents, timers, tick };
}

describe('AisView', () => {
  it('opens AIS in its own sandboxed view on the in-memory AIS partition, without a preload', () => {
    const { fake, window, view, contents } = setup();
    void view.launch();
    const prefs = fake.views[0]!.options.webPreferences;
    expect(prefs).toMatchObject({
      partition: AIS_PARTITION,
      sandbox: true,
      contextIsolation: true,
      nodeIntegration: false,
    });
    expect(prefs).not.toHaveProperty('preload');
    expect(AIS_PARTITION.startsWith('persist:')).toBe(false);
    expect(contents().loaded).toEqual([settings.loginUrl]);
    expect(window.children).toHaveLength(1);
    expect(contents().windowOpenHandler?.({ url: 'https://x' })).toEqual({ action: 'deny' });
  });

  it('follows AIS pages and blocks everything else', () => {
    const { view, contents } = setup();
    void view.launch();
    expect(contents().navigate('will-navigate', 'https://www.ccxp.example.edu/ccxp/menu')).toBe(false);
    expect(contents().navigate('will-redirect', 'https://evil.example/')).toBe(true);
  });

  it('takes the token at the portal URL, starts the session, closes the view and wipes AIS cookies', async () => {
    const { fake, window, sessions, view, contents } = setup();
    const outcome = view.launch();
    const wc = contents();
    expect(wc.navigate('will-redirect', `${settings.portalUrl}?data=${mint()}`)).toBe(true);
    await expect(outcome).resolves.toEqual({ kind: 'completed' });
    expect(sessions.require().profile.id).toBe('z10001');
    expect(wc.closed).toBe(true);
    expect(window.children).toHaveLength(0);
    expect(fake.session(AIS_PARTITION).cleared).toBe(1);
  });

  it('rejects with the verifier’s code for a bad token, and still closes and wipes', async () => {
    const { fake, sessions, view, contents } = setup();
    const outcome = view.launch();
    contents().navigate('will-navigate', `${settings.portalUrl}?data=${mint({ ip: '198.51.100.9' })}`);
    await expect(outcome).rejects.toMatchObject({ code: 'SESSION(-2)' });
    expect(sessions.hasLive()).toBe(false);
    expect(fake.session(AIS_PARTITION).cleared).toBe(1);
  });

  it('resolves as cancelled when the person cancels, and wipes', async () => {
    const { fake, view } = setup();
    const outcome = view.launch();
    expect(view.cancel()).toBe(true);
    await expect(outcome).resolves.toEqual({ kind: 'cancelled' });
    expect(view.cancel()).toBe(false);
    expect(fake.session(AIS_PARTITION).cleared).toBe(1);
  });

  it('refuses a subframe that navigates to a foreign origin, and lets AIS frames through', () => {
    const { view, contents } = setup();
    void view.launch();
    expect(contents().frameNavigate('https://evil.example/frame', false)).toBe(true);
    expect(contents().frameNavigate('https://sso.example.edu/frame', false)).toBe(false);
    // A frame's redirect follows the same list, and a frame never delivers the handoff.
    expect(contents().navigate('will-redirect', 'https://evil.example/', false)).toBe(true);
    expect(contents().frameNavigate(`${settings.portalUrl}?data=${mint()}`, false)).toBe(true);
  });

  it('takes no handoff from a frame, only from the page itself', async () => {
    const { view, sessions, contents } = setup();
    const outcome = view.launch();
    expect(contents().navigate('will-redirect', `${settings.portalUrl}?data=${mint()}`, false)).toBe(true);
    expect(sessions.hasLive()).toBe(false);
    expect(view.cancel()).toBe(true);
    await expect(outcome).resolves.toEqual({ kind: 'cancelled' });
  });

  it('does not load a login URL its own allow-list refuses', async () => {
    const fake = createFakeElectron();
    const window = new fake.electron.BrowserWindow({});
    const view = new AisView(fake.electron, () => window, {
      settings: { ...settings, loginUrl: 'http://ais.example.edu/login' },
      signIn: aisSignInAt({ now: () => T0 * 1000 }).signIn,
      egress: () => [],
      logger: silentLogger,
    });
    await expect(view.launch()).rejects.toMatchObject({ code: 'INTERNAL' });
    expect(fake.views).toHaveLength(0);
  });

  it('closes itself at main’s own time limit (token validity + margin), whatever the renderer does', async () => {
    const { fake, window, view, timers } = setup();
    const outcome = view.launch();
    expect([...timers.pending.values()].map((t) => t.ms)).toEqual([(120 + AIS_VIEW_MARGIN_SECONDS) * 1000]);
    timers.fireAll();
    await expect(outcome).resolves.toEqual({ kind: 'cancelled' });
    expect(window.children).toHaveLength(0);
    expect(fake.views[0]!.webContents.closed).toBe(true);
    expect(fake.session(AIS_PARTITION).cleared).toBe(1);
  });

  it('stops its time limit once closed, so it cannot close the next person’s view', async () => {
    const { view, timers } = setup();
    const first = view.launch();
    view.cancel();
    await first;
    expect(timers.pending.size).toBe(0);
  });

  it('reports how long the person has not touched AIS, and steps aside for the idle warning', () => {
    const { fake, view, contents, tick } = setup();
    expect(view.quietMs()).toBeNull();
    expect(view.obscure(true)).toBe(false);
    void view.launch();
    tick(40_000);
    expect(view.quietMs()).toBe(40_000);
    contents().input('keyDown');
    tick(5_000);
    expect(view.quietMs()).toBe(5_000);
    contents().input('mouseDown');
    expect(view.quietMs()).toBe(0);
    expect(view.obscure(true)).toBe(true);
    expect(fake.views[0]!.visible).toBe(false);
    expect(view.obscure(false)).toBe(true);
    expect(fake.views[0]!.visible).toBe(true);
  });
});
