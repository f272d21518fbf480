// The Electron AIS view, with a fake electron module: allow-list, handoff capture, cancel, wipe.
import { describe, expect, it } from 'vitest';
import { AIS_PARTITION, AisView, decideAisNavigation } from '../../../../electron/main/ais-view';
import { AisSignIn } from '../../../../electron/services/ais/ais-sign-in';
import { AisHandoffVerifier } from '../../../../electron/services/ais/handoff-verifier';
import { silentLogger } from '../../../../electron/services/logger';
import { KioskSessions } from '../../../../electron/services/session/kiosk-session';
import { mint, T0, testCodec } from '../../../support/ais-tokens';
import { createFakeElectron, type FakeWebContents } from './fake-electron';

const settings = {
  loginUrl: 'https://www.ccxp.example.edu/ccxp/login',
  extraOrigins: ['https://sso.example.edu'],
  portalUrl: 'https://ua.net.nthu.edu.tw/portal/index.cgi',
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

  it('allows the loopback simulator over http, and no other http origin', () => {
    const demo = { ...settings, loginUrl: 'http://127.0.0.1:4000/' };
    expect(decideAisNavigation('http://127.0.0.1:4000/services', demo)).toBe('allow');
    expect(decideAisNavigation('http://127.0.0.1:4001/services', demo)).toBe('deny');
  });
});

function setup() {
  const fake = createFakeElectron();
  const window = new fake.electron.BrowserWindow({});
  const clock = { now: () => T0 * 1000 };
  const sessions = new KioskSessions(clock, { maxSeconds: 1200, idleSeconds: 300 });
  const verifier = new AisHandoffVerifier(testCodec, clock, { validitySeconds: 120, futureSkewSeconds: 30, eligibility: { staff: ['一般'], student: [] } });
  const signIn = new AisSignIn(verifier, sessions, silentLogger);
  const view = new AisView(fake.electron, () => window, settings, signIn, () => ['192.0.2.10'], silentLogger);
  const contents = () => fake.views.at(-1)!.webContents as FakeWebContents;
  return { fake, window: window as unknown as { children: unknown[] }, sessions, view, contents };
}

describe('AisView', () => {
  it('opens AIS in its own sandboxed view on the in-memory AIS partition, without a preload', () => {
    const { fake, window, view, contents } = setup();
    void view.launch();
    const prefs = fake.views[0]!.options.webPreferences;
    expect(prefs).toMatchObject({ partition: AIS_PARTITION, sandbox: true, contextIsolation: true, nodeIntegration: false });
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
});
