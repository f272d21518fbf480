// The Electron shell, driven through a fake electron module (the real binary cannot run here).
import { mkdtemp, mkdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { runInNewContext } from 'node:vm';
import { beforeAll, describe, expect, it } from 'vitest';
import { createAppProtocolHandler, KIOSK_URL } from '../../../../electron/main/app-protocol';
import { DISARM_PRINT } from '../../../../electron/main/native-dialogs';
import { outOfServicePage, outOfServiceReference } from '../../../../electron/main/out-of-service';
import { CRASH_LOOP_URL } from '../../../../electron/main/renderer-recovery';
import {
  KIOSK_PARTITION,
  lockDownContents,
  registerAppScheme,
  startOutOfService,
  startShell,
} from '../../../../electron/main/shell';
import { statusOnlyDispatcher } from '../../../support/status-dispatcher';
import type { KioskBackend } from '../../../../electron/services/kiosk-backend';
import { silentLogger } from '../../../../electron/services/logger';
import { createFakeElectron, FakeWebContents } from './fake-electron';

function backendWithStatus(): KioskBackend & { ended: string[] } {
  // What the shell asked the backend to wipe, in order.
  const ended: string[] = [];
  const dispatcher = statusOnlyDispatcher('k');
  return { dispatcher, wipe: (reason: string) => ended.push(reason) > 0, ended } as unknown as KioskBackend & {
    ended: string[];
  };
}

let rendererDir: string;
beforeAll(async () => {
  const root = await mkdtemp(join(tmpdir(), 'mx-kiosk-shell-'));
  rendererDir = join(root, 'renderer');
  await mkdir(join(rendererDir, 'assets'), { recursive: true });
  await writeFile(join(rendererDir, 'index.html'), '<!doctype html><title>kiosk</title>');
  await writeFile(join(rendererDir, 'assets', 'app.js'), 'console.log(1)');
  await writeFile(join(root, 'secret.txt'), 'outside the renderer');
});

describe('startShell', () => {
  it('opens one locked-down kiosk window on the in-memory partition and loads app://', () => {
    const fake = createFakeElectron();
    startShell(fake.electron, backendWithStatus(), silentLogger, { rendererDir, preload: '/p/preload.cjs' });
    expect(fake.windows).toHaveLength(1);
    const { options, url } = fake.windows[0]! as unknown as { options: Record<string, unknown>; url: string };
    expect(options).toMatchObject({ kiosk: true, frame: false });
    expect(options.webPreferences).toMatchObject({
      preload: '/p/preload.cjs',
      partition: KIOSK_PARTITION,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      webSecurity: true,
      webviewTag: false,
      devTools: false,
    });
    expect(KIOSK_PARTITION.startsWith('persist:')).toBe(false);
    expect(url).toBe('app://kiosk/index.html');
    expect(fake.menu()).toBeNull();
    expect(new Set(fake.partitions())).toEqual(new Set([KIOSK_PARTITION, 'ais']));
  });

  it('allows devtools only in an unpackaged build', () => {
    const fake = createFakeElectron();
    fake.app.isPackaged = false;
    startShell(fake.electron, backendWithStatus(), silentLogger, { rendererDir, preload: '/p' });
    expect((fake.windows[0]!.options.webPreferences as { devTools: boolean }).devTools).toBe(true);
  });

  it('registers every dispatcher channel on IPC and nothing else', () => {
    const fake = createFakeElectron();
    const backend = backendWithStatus();
    startShell(fake.electron, backend, silentLogger, { rendererDir, preload: '/p' });
    expect([...fake.ipcHandlers.keys()]).toEqual(backend.dispatcher.channels());
    expect([...fake.ipcHandlers.keys()]).toEqual(['kiosk:status']);
  });

  it('denies every permission request and check, in the kiosk and the AIS partitions', async () => {
    const fake = createFakeElectron();
    startShell(fake.electron, backendWithStatus(), silentLogger, { rendererDir, preload: '/p' });
    for (const partition of [KIOSK_PARTITION, 'ais']) {
      for (const permission of ['media', 'geolocation', 'notifications', 'clipboard-read', 'fullscreen']) {
        await expect(fake.session(partition).ask(permission)).resolves.toBe(false);
        expect(fake.session(partition).check(permission)).toBe(false);
      }
    }
  });

  it('leaves the AIS partition’s navigation to the AIS view, and locks down all others', () => {
    const fake = createFakeElectron();
    startShell(fake.electron, backendWithStatus(), silentLogger, { rendererDir, preload: '/p' });
    const ais = new FakeWebContents(fake.session('ais'));
    fake.app.emit('web-contents-created', {}, ais);
    expect(ais.listenerCount('will-navigate')).toBe(0);
    expect(ais.windowOpenHandler?.({ url: 'https://x' })).toEqual({ action: 'deny' });
    const other = new FakeWebContents(fake.session('something-else'));
    fake.app.emit('web-contents-created', {}, other);
    expect(other.navigate('will-navigate', 'https://ais.example.edu/')).toBe(true);
  });

  it('serves app:// from the kiosk partition only', async () => {
    const fake = createFakeElectron();
    startShell(fake.electron, backendWithStatus(), silentLogger, { rendererDir, preload: '/p' });
    expect([...fake.session(KIOSK_PARTITION).protocolHandlers.keys()]).toEqual(['app']);
    expect(fake.session('ais').protocolHandlers.size).toBe(0);
    const res = await fake.session(KIOSK_PARTITION).protocolHandlers.get('app')!(new Request('app://kiosk/'));
    expect(res.status).toBe(200);
  });

  it('locks down every web contents created later (e.g. the AIS view)', () => {
    const fake = createFakeElectron();
    startShell(fake.electron, backendWithStatus(), silentLogger, { rendererDir, preload: '/p' });
    const contents = new FakeWebContents();
    fake.app.emit('web-contents-created', {}, contents);
    expect(contents.navigate('will-navigate', 'https://evil.example/')).toBe(true);
    expect(contents.windowOpenHandler?.({ url: 'app://kiosk/x' })).toEqual({ action: 'deny' });
  });

  it('registers app:// as a standard, secure scheme', () => {
    const fake = createFakeElectron();
    registerAppScheme(fake.electron);
    expect(fake.privileged).toEqual([
      { scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } },
    ]);
  });
});

describe('the same lockdown in every view', () => {
  function shellWithAisContents() {
    const fake = createFakeElectron();
    const backend = backendWithStatus();
    startShell(
      fake.electron,
      backend,
      silentLogger,
      { rendererDir, preload: '/p' },
      {
        certificates: { fingerprint: 'sha256/kiosk-cert', origins: ['https://www.ccxp.example.edu/ccxp/login'] },
      },
    );
    const ais = new FakeWebContents(fake.session('ais'));
    fake.app.emit('web-contents-created', {}, ais);
    return { fake, backend, ais, kiosk: fake.windows[0]!.webContents };
  }

  it.each([
    ['Alt+F4', { key: 'F4', code: 'F4', alt: true }],
    ['F12', { key: 'F12', code: 'F12' }],
    ['Ctrl+R', { key: 'r', code: 'KeyR', control: true }],
    ['Ctrl+R on a Russian layout', { key: 'к', code: 'KeyR', control: true }],
    ['Ctrl+Shift+I on a Zhuyin layout', { key: 'ㄛ', code: 'KeyI', control: true, shift: true }],
    ['BrowserBack', { key: 'BrowserBack', code: 'BrowserBack' }],
    ['BrowserForward', { key: 'BrowserForward', code: 'BrowserForward' }],
    ['BrowserHome', { key: 'BrowserHome', code: 'BrowserHome' }],
    ['Alt+Left', { key: 'ArrowLeft', code: 'ArrowLeft', alt: true }],
    ['Alt+Right', { key: 'ArrowRight', code: 'ArrowRight', alt: true }],
    ['the context-menu key', { key: 'ContextMenu', code: 'ContextMenu' }],
    ['Shift+F10', { key: 'F10', code: 'F10', shift: true }],
  ])('swallows %s in the AIS view and in the kiosk page', (_label, input) => {
    const { ais, kiosk } = shellWithAisContents();
    expect(ais.key(input)).toBe(true);
    expect(kiosk.key(input)).toBe(true);
  });

  it('lets typing through in the AIS view (its login form needs it)', () => {
    const { ais } = shellWithAisContents();
    expect(ais.key({ key: 'a', code: 'KeyA' })).toBe(false);
    expect(ais.key({ key: 'Enter', code: 'Enter' })).toBe(false);
  });

  it('refuses to close the window except through the shell’s own quit', () => {
    const { fake } = shellWithAisContents();
    const window = fake.windows[0]!;
    expect(window.tryClose()).toBe(true);
    fake.app.emit('before-quit', { preventDefault: () => undefined });
    expect(window.tryClose()).toBe(false);
  });

  it('wipes before quitting', () => {
    const { fake, backend } = shellWithAisContents();
    fake.app.emit('before-quit', { preventDefault: () => undefined });
    expect(backend.ended).toEqual(['shutdown']);
  });

  it('prevents every download, in the kiosk and the AIS sessions', () => {
    const { fake } = shellWithAisContents();
    expect(fake.session(KIOSK_PARTITION).download('app://kiosk/receipt.pdf')).toBe(true);
    expect(fake.session('ais').download('https://www.ccxp.example.edu/ccxp/attachment.pdf')).toBe(true);
  });

  it('disarms window.print in the AIS view too', () => {
    const { ais } = shellWithAisContents();
    ais.emit('did-frame-finish-load');
    expect(ais.frames[1]!.scripts).toEqual([DISARM_PRINT]);
  });

  it('answers a client-certificate request itself: the configured certificate for AIS only, otherwise none', () => {
    const { fake } = shellWithAisContents();
    const offered = [{ fingerprint: 'sha256/other' }, { fingerprint: 'sha256/kiosk-cert' }];
    const ask = (url: string) => {
      let prevented = false;
      let sent: unknown = 'not answered';
      fake.app.emit(
        'select-client-certificate',
        { preventDefault: () => (prevented = true) },
        null,
        url,
        offered,
        (c?: unknown) => (sent = c),
      );
      return { prevented, sent };
    };
    expect(ask('https://www.ccxp.example.edu/ccxp/login')).toEqual({ prevented: true, sent: offered[1] });
    expect(ask('https://evil.example/')).toEqual({ prevented: true, sent: undefined });
  });

  it('sends no certificate when none is configured', () => {
    const fake = createFakeElectron();
    startShell(fake.electron, backendWithStatus(), silentLogger, { rendererDir, preload: '/p' });
    let sent: unknown = 'not answered';
    fake.app.emit(
      'select-client-certificate',
      { preventDefault: () => undefined },
      null,
      'https://www.ccxp.example.edu/',
      [{ fingerprint: 'sha256/x' }],
      (c?: unknown) => (sent = c),
    );
    expect(sent).toBeUndefined();
  });
});

describe('keeping the kiosk up', () => {
  it('keeps the display awake', () => {
    const fake = createFakeElectron();
    startShell(fake.electron, backendWithStatus(), silentLogger, { rendererDir, preload: '/p' });
    expect(fake.powerSaveBlocks).toEqual(['prevent-display-sleep']);
  });

  it.each(['render-process-gone', 'unresponsive'])(
    'on %s: wipes the session and loads Welcome again',
    async (event) => {
      const fake = createFakeElectron();
      const backend = backendWithStatus();
      startShell(fake.electron, backend, silentLogger, { rendererDir, preload: '/p' });
      const window = fake.windows[0]!;
      window.webContents.loaded.length = 0;
      window.webContents.emit(event, {}, { reason: 'crashed' });
      expect(backend.ended).toEqual(['crash']); // the wipe: session and AIS view alike
      expect(window.webContents.loaded).toEqual([KIOSK_URL]);
      expect(window.webContents.crashed).toBe(event === 'unresponsive' ? 1 : 0);
    },
  );

  it('shows out of service instead of reloading a third time within 5 minutes', async () => {
    const fake = createFakeElectron();
    const backend = backendWithStatus();
    startShell(fake.electron, backend, silentLogger, { rendererDir, preload: '/p' });
    const window = fake.windows[0]!;
    window.webContents.loaded.length = 0;
    window.webContents.emit('render-process-gone', {}, { reason: 'crashed' });
    window.webContents.emit('unresponsive');
    expect(window.webContents.loaded).toEqual([KIOSK_URL, KIOSK_URL]);
    window.webContents.emit('render-process-gone', {}, { reason: 'oom' });
    expect(window.webContents.loaded.at(-1)).toBe(CRASH_LOOP_URL);
    expect(backend.ended).toEqual(['crash', 'crash', 'crash']);
    const page = await fake.session(KIOSK_PARTITION).protocolHandlers.get('app')!(new Request(CRASH_LOOP_URL));
    const html = await page.text();
    expect(html).toContain('本自助服務機暫停服務');
    expect(html).toMatch(/CRASH-[0-9A-F]{6}/);
    // It stays there: a fourth recovery does not go back to the kiosk page.
    window.webContents.emit('unresponsive');
    expect(window.webContents.loaded.at(-1)).toBe(CRASH_LOOP_URL);
  });

  it('serves the renderer, not the out-of-service page, while no crash loop holds', async () => {
    const fake = createFakeElectron();
    startShell(fake.electron, backendWithStatus(), silentLogger, { rendererDir, preload: '/p' });
    const page = await fake.session(KIOSK_PARTITION).protocolHandlers.get('app')!(new Request(CRASH_LOOP_URL));
    expect(page.status).toBe(404);
  });

  it('focuses the running kiosk when it is launched a second time', () => {
    const fake = createFakeElectron();
    startShell(fake.electron, backendWithStatus(), silentLogger, { rendererDir, preload: '/p' });
    fake.app.emit('second-instance');
    expect(fake.windows[0]!.focused).toBe(1);
  });

  it('swallows reload, devtools, zoom, close, print and view-source keys in the kiosk window', () => {
    const fake = createFakeElectron();
    startShell(fake.electron, backendWithStatus(), silentLogger, { rendererDir, preload: '/p' });
    const contents = fake.windows[0]!.webContents;
    expect(contents.key({ key: 'F5' })).toBe(true);
    expect(contents.key({ key: 'I', control: true, shift: true })).toBe(true);
    expect(contents.key({ key: 'a' })).toBe(false);
  });
});

describe('out of service', () => {
  it('shows the short bilingual page with an operator reference, nothing internal, and no preload', async () => {
    const fake = createFakeElectron();
    startOutOfService(fake.electron, 'CONFIG-7F3A2C', silentLogger);
    const window = fake.windows[0]!;
    expect((window.options.webPreferences as { preload: string; sandbox: boolean }).preload).toBe('');
    expect((window.options.webPreferences as { sandbox: boolean }).sandbox).toBe(true);
    expect(window.url).toBe(KIOSK_URL);
    const page = await fake.session(KIOSK_PARTITION).protocolHandlers.get('app')!(new Request(KIOSK_URL));
    const html = await page.text();
    expect(html).toContain('本自助服務機暫停服務');
    expect(html).toContain('This kiosk is temporarily out of service');
    expect(html).toContain('CONFIG-7F3A2C');
    expect(html).not.toMatch(/config\.yaml|ais\.key|https?:|ldaps?:/);
    expect(html).not.toContain('<script');
    expect(page.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(fake.ipcHandlers.size).toBe(0);
  });

  it('escapes the reference and makes a new one per start', () => {
    expect(outOfServicePage('<b>x</b>')).toContain('&lt;b&gt;x&lt;/b&gt;');
    expect(outOfServiceReference('SWITCH', Uint8Array.from([0x7f, 0x3a, 0x2c]))).toBe('SWITCH-7F3A2C');
    expect(outOfServiceReference('CONFIG')).toMatch(/^CONFIG-[0-9A-F]{6}$/);
  });

  it('is locked down like the kiosk: keys, close, downloads', () => {
    const fake = createFakeElectron();
    startOutOfService(fake.electron, 'CONFIG-000000', silentLogger);
    const window = fake.windows[0]!;
    expect(window.webContents.key({ key: 'F4', code: 'F4', alt: true })).toBe(true);
    expect(window.tryClose()).toBe(true);
    expect(fake.session(KIOSK_PARTITION).download('app://kiosk/x.bin')).toBe(true);
  });
});

describe('lockDownContents', () => {
  const contents = new FakeWebContents();
  lockDownContents(contents as never, silentLogger);

  it.each([
    ['will-navigate', 'app://kiosk/index.html', false],
    ['will-navigate', 'app://kiosk/assets/x.js', false],
    ['will-navigate', 'app://evil/index.html', true],
    ['will-navigate', 'https://ua.net.nthu.edu.tw/portal/', true],
    ['will-navigate', 'file:///etc/passwd', true],
    ['will-navigate', 'javascript:alert(1)', true],
    ['will-navigate', 'not a url', true],
    ['will-redirect', 'http://127.0.0.1:1/', true],
    ['will-redirect', 'app://kiosk.evil.example/', true],
  ] as const)('%s to %s: blocked=%s', (event, url, blocked) => {
    expect(contents.navigate(event, url)).toBe(blocked);
  });

  it('denies every new window', () => {
    expect(contents.windowOpenHandler?.({ url: 'https://example.org' })).toEqual({ action: 'deny' });
  });

  it('refuses a subframe navigating away from app://kiosk', () => {
    expect(contents.frameNavigate('https://evil.example/', false)).toBe(true);
    expect(contents.frameNavigate('app://kiosk/index.html', false)).toBe(false);
  });

  it('disarms the page’s own window.print in every frame once a document is ready', () => {
    contents.emit('dom-ready');
    expect(contents.frames.map((f) => f.scripts)).toEqual([[DISARM_PRINT], [DISARM_PRINT]]);
  });
});

describe('DISARM_PRINT', () => {
  it('turns window.print into a no-op a page cannot put back', () => {
    let printed = 0;
    const window: Record<string, unknown> = { print: () => (printed += 1) };
    runInNewContext(DISARM_PRINT, { window });
    (window.print as () => void)();
    expect(printed).toBe(0);
    expect(() => Object.defineProperty(window, 'print', { value: () => (printed += 1) })).toThrow(TypeError);
    expect(() => (window.print = () => (printed += 1))).toThrow(TypeError);
    runInNewContext('window.print = function () { count(); }; window.print();', {
      window,
      count: () => (printed += 1),
    });
    expect(printed).toBe(0);
  });
});

describe('app:// protocol handler', () => {
  const read = (p: string) => import('node:fs/promises').then((fs) => fs.readFile(p));

  it('serves renderer files with the CSP header', async () => {
    const handler = createAppProtocolHandler(rendererDir, read);
    const res = await handler(new Request('app://kiosk/index.html'));
    expect(res.status).toBe(200);
    expect(res.headers.get('content-security-policy')).toContain("default-src 'self'");
    expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(await res.text()).toContain('<title>kiosk</title>');
  });

  it.each([
    'app://kiosk/../secret.txt',
    'app://kiosk/%2e%2e/secret.txt',
    'app://kiosk/..%2fsecret.txt',
    'app://kiosk/%2fetc%2fpasswd',
    'app://other/index.html',
    'app://kiosk/missing.js',
  ])('answers 404 for %s, with the CSP and nosniff headers', async (url) => {
    const handler = createAppProtocolHandler(rendererDir, read);
    const res = await handler(new Request(url));
    expect(res.status).toBe(404);
    expect(await res.text()).not.toContain('outside the renderer');
    expect(res.headers.get('content-security-policy')).toContain("default-src 'self'");
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
  });
});
