// The Electron shell, driven through a fake electron module (the real binary cannot run here).
import { mkdtemp, mkdir, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { createAppProtocolHandler } from '../../../../electron/main/app-protocol';
import { KIOSK_PARTITION, KIOSK_URL, lockDownContents, registerAppScheme, startOutOfService, startShell } from '../../../../electron/main/shell';
import { Dispatcher } from '../../../../electron/services/dispatcher';
import type { KioskBackend } from '../../../../electron/services/kiosk-backend';
import { silentLogger } from '../../../../electron/services/logger';
import { createFakeElectron, FakeWebContents } from './fake-electron';

function backendWithStatus(): KioskBackend & { ended: string[] } {
  const ended: string[] = [];
  const dispatcher = new Dispatcher(silentLogger);
  dispatcher.handle('status', async () => ({
    appVersion: '1',
    kioskId: 'k',
    directory: { state: 'online' as const, serversConfigured: 1, serversReachable: 1 },
    ais: { state: 'online' as const }, outOfService: false,
  }));
  return { dispatcher, sessions: { end: (reason: string) => ended.push(reason) }, ended } as unknown as KioskBackend & { ended: string[] };
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

  it('leaves web contents of the AIS partition to the AIS view, and locks down all others', () => {
    const fake = createFakeElectron();
    startShell(fake.electron, backendWithStatus(), silentLogger, { rendererDir, preload: '/p' });
    const ais = new FakeWebContents(fake.session('ais'));
    fake.app.emit('web-contents-created', {}, ais);
    expect(ais.listenerCount('will-navigate')).toBe(0);
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
    expect(fake.privileged).toEqual([{ scheme: 'app', privileges: { standard: true, secure: true, supportFetchAPI: true } }]);
  });
});

describe('keeping the kiosk up', () => {
  it('keeps the display awake', () => {
    const fake = createFakeElectron();
    startShell(fake.electron, backendWithStatus(), silentLogger, { rendererDir, preload: '/p' });
    expect(fake.powerSaveBlocks).toEqual(['prevent-display-sleep']);
  });

  it.each(['render-process-gone', 'unresponsive'])('on %s: wipes the session and loads Welcome again', async (event) => {
    const fake = createFakeElectron();
    const backend = backendWithStatus();
    startShell(fake.electron, backend, silentLogger, { rendererDir, preload: '/p' });
    const window = fake.windows[0]!;
    window.webContents.loaded.length = 0;
    window.webContents.emit(event, {}, { reason: 'crashed' });
    expect(backend.ended).toEqual(['crash']);
    expect(window.webContents.loaded).toEqual([KIOSK_URL]);
    expect(window.webContents.crashed).toBe(event === 'unresponsive' ? 1 : 0);
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
  it('shows the bilingual page with the operator’s problems, escaped, and no preload', async () => {
    const fake = createFakeElectron();
    startOutOfService(fake.electron, { title: 'Invalid configuration (/etc/mx-kiosk/config.yaml)', lines: ['ais.key: must be 64 hexadecimal characters', '<script>x</script>'] }, silentLogger);
    const window = fake.windows[0]!;
    expect((window.options.webPreferences as { preload: string; sandbox: boolean }).preload).toBe('');
    expect((window.options.webPreferences as { sandbox: boolean }).sandbox).toBe(true);
    expect(window.url).toBe(KIOSK_URL);
    const page = await fake.session(KIOSK_PARTITION).protocolHandlers.get('app')!(new Request(KIOSK_URL));
    const html = await page.text();
    expect(html).toContain('本服務台暫停服務');
    expect(html).toContain('This kiosk is temporarily out of service');
    expect(html).toContain('ais.key: must be 64 hexadecimal characters');
    expect(html).toContain('&lt;script&gt;x&lt;/script&gt;');
    expect(html).not.toContain('<script');
    expect(page.headers.get('content-security-policy')).toContain("script-src 'self'");
    expect(fake.ipcHandlers.size).toBe(0);
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

  it.each(['app://kiosk/../secret.txt', 'app://kiosk/%2e%2e/secret.txt', 'app://kiosk/..%2fsecret.txt', 'app://kiosk/%2fetc%2fpasswd', 'app://other/index.html', 'app://kiosk/missing.js'])(
    'answers 404 for %s',
    async (url) => {
      const handler = createAppProtocolHandler(rendererDir, read);
      const res = await handler(new Request(url));
      expect(res.status).toBe(404);
      expect(await res.text()).not.toContain('outside the renderer');
    },
  );
});
