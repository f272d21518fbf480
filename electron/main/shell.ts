// The Electron shell, given the electron module: it locks the window down and hands every
// decision about data to the Electron-free backend. Tests call it with a fake electron module.
import type * as ElectronModule from 'electron';
import { join } from 'node:path';
import { readFile } from 'node:fs/promises';
import type { KioskBackend } from '../services/kiosk-backend';
import type { Logger } from '../services/logger';
import { APP_SCHEME, createAppProtocolHandler, isKioskAppUrl, KIOSK_URL } from './app-protocol';
import { AIS_PARTITION } from './ais-view';
import { registerIpcDoor } from './ipc-door';
import { isBlockedKey } from './kiosk-keys';
import { answerCertificateRequests, disarmPagePrint, refuseDownloads } from './native-dialogs';
import { CrashLoopGuard } from './crash-loop';
import { isOutOfServiceRequest, outOfServiceResponse } from './out-of-service';
import { recoverRenderer, type CrashLoop } from './renderer-recovery';
import { startRendererWatchdog } from './renderer-watchdog';
import { originOf } from './url-origin';

export type ShellElectron = Pick<
  typeof ElectronModule,
  'app' | 'BrowserWindow' | 'Menu' | 'protocol' | 'session' | 'ipcMain' | 'WebContentsView' | 'powerSaveBlocker'
>;

/** How often the watchdog asks the page for an answer, and how long it waits. */
export const WATCHDOG = { intervalMs: 10_000, timeoutMs: 5_000 };

// Without "persist:" the partition lives in memory: nothing personal survives a restart.
export const KIOSK_PARTITION = 'kiosk';

/**
 * The kiosk window. The options are written out at the constructor so that static checks
 * (Electronegativity) see every one of them.
 */
export function createKioskWindow(
  BrowserWindow: ShellElectron['BrowserWindow'],
  preload: string,
  packaged: boolean,
): ElectronModule.BrowserWindow {
  return new BrowserWindow({
    kiosk: true,
    frame: false,
    show: false,
    backgroundColor: '#f7f6fa',
    webPreferences: {
      preload,
      partition: KIOSK_PARTITION,
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      nodeIntegrationInSubFrames: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      experimentalFeatures: false,
      webviewTag: false,
      spellcheck: false,
      // Middle-click opens links in new windows in Chromium; a kiosk has none to open.
      disableBlinkFeatures: 'Auxclick',
      devTools: !packaged,
    },
  });
}

/** Must run before app 'ready': privileged schemes cannot be registered later. */
export function registerAppScheme(electron: Pick<ShellElectron, 'protocol'>): void {
  electron.protocol.registerSchemesAsPrivileged([
    { scheme: APP_SCHEME, privileges: { standard: true, secure: true, supportFetchAPI: true } },
  ]);
}

export interface ShellPaths {
  rendererDir: string;
  preload: string;
}

export function defaultShellPaths(mainDir: string): ShellPaths {
  return { rendererDir: join(mainDir, '..', 'renderer'), preload: join(mainDir, '..', 'preload', 'preload.cjs') };
}

/**
 * What every web contents gets, the kiosk's page and AIS's alike: the kiosk's key filter, no
 * new windows, and no print dialog from the page.
 */
export function lockDownEveryContents(contents: ElectronModule.WebContents): void {
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
  contents.on('before-input-event', (event, input) => {
    if (isBlockedKey(input)) event.preventDefault();
  });
  disarmPagePrint(contents);
}

/** A kiosk page, in addition, may only ever show app://kiosk, in any frame. */
export function lockDownContents(contents: ElectronModule.WebContents, logger: Logger): void {
  lockDownEveryContents(contents);
  const deny = (event: { preventDefault(): void }, url: string) => {
    if (isKioskAppUrl(url)) return;
    event.preventDefault();
    logger.warn('navigation blocked', { origin: originOf(url) });
  };
  contents.on('will-navigate', deny);
  contents.on('will-redirect', deny);
  contents.on('will-frame-navigate', (details) => deny(details, details.url));
}

/**
 * Only the shell's own quit path closes the kiosk window: Alt+F4 or a window manager's close
 * button would otherwise show the desktop. Electron's quit (app.quit, SIGTERM from systemd)
 * emits before-quit first, which lets the window go.
 */
export function guardWindowClose(
  app: Pick<ShellElectron['app'], 'on'>,
  window: Pick<ElectronModule.BrowserWindow, 'on'>,
  logger: Logger,
): void {
  let quitting = false;
  app.on('before-quit', () => {
    quitting = true;
  });
  window.on('close', (event) => {
    if (quitting) return;
    event.preventDefault();
    logger.warn('window close refused (only the shell quits the kiosk)');
  });
}

/** Both partitions: no permission, asked or checked, and no download. */
function lockDownSession(ses: ElectronModule.Session, partition: string, logger: Logger): void {
  ses.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  ses.setPermissionCheckHandler(() => false);
  refuseDownloads(ses, partition, logger);
}

export interface ShellSettings {
  /** The AIS view's origins, and the client certificate it may present to them (none by default). */
  certificates: { fingerprint?: string; origins: readonly string[] };
}

export function startShell(
  electron: ShellElectron,
  backend: KioskBackend,
  logger: Logger,
  paths: ShellPaths,
  settings: ShellSettings = { certificates: { origins: [] } },
): ElectronModule.BrowserWindow {
  const { app, BrowserWindow, Menu, session } = electron;
  const aisSession = session.fromPartition(AIS_PARTITION);
  app.on('web-contents-created', (_event, contents) => {
    // The AIS view follows its own navigation allow-list (AisView attaches it when it creates the
    // view); every other web contents may only ever show app://kiosk. Keys and print: all alike.
    if (contents.session === aisSession) lockDownEveryContents(contents);
    else lockDownContents(contents, logger);
  });

  const kioskSession = session.fromPartition(KIOSK_PARTITION);
  // No camera, microphone, notifications, geolocation or anything else, asked or checked.
  lockDownSession(kioskSession, KIOSK_PARTITION, logger);
  lockDownSession(aisSession, AIS_PARTITION, logger);
  answerCertificateRequests(app, settings.certificates, logger);
  const loop: CrashLoop = { guard: new CrashLoopGuard(), reference: null };
  const rendererFiles = createAppProtocolHandler(paths.rendererDir, (file) => readFile(file));
  kioskSession.protocol.handle(APP_SCHEME, async (request) =>
    loop.reference !== null && isOutOfServiceRequest(request.url)
      ? outOfServiceResponse(request.url, loop.reference)
      : rendererFiles(request),
  );

  Menu.setApplicationMenu(null);
  registerIpcDoor(electron.ipcMain, backend.dispatcher, logger);

  const window = createKioskWindow(BrowserWindow, paths.preload, app.isPackaged);
  window.once('ready-to-show', () => window.show());
  guardWindowClose(app, window, logger);
  // Quitting (systemd's SIGTERM, an update) wipes first: the AIS view and the session go.
  app.on('before-quit', () => backend.wipe('shutdown'));
  // A second launch (someone double-clicks the icon) brings this window forward instead.
  app.on('second-instance', () => window.focus());
  electron.powerSaveBlocker.start('prevent-display-sleep');
  const contents = window.webContents;
  const recover = (why: string) => recoverRenderer({ window, backend, logger, loop }, why);
  contents.on('render-process-gone', () => recover('render-process-gone'));
  contents.on('unresponsive', () => recover('unresponsive'));
  const stopWatchdog = startRendererWatchdog(contents, () => recover('watchdog'), WATCHDOG);
  window.on('closed', stopWatchdog);
  void window.loadURL(KIOSK_URL);
  return window;
}

/**
 * Without a usable configuration (or started with a switch a counter build refuses) the kiosk
 * still starts, full screen, and says it is out of service with a reference code, instead of
 * exiting into a restart loop. The details are in the log under the same reference, and the
 * doctor names them; the public screen shows nothing internal.
 */
export function startOutOfService(
  electron: ShellElectron,
  reference: string,
  logger: Logger,
): ElectronModule.BrowserWindow {
  const { app, BrowserWindow, Menu, session } = electron;
  app.on('web-contents-created', (_event, contents) => lockDownContents(contents, logger));
  const kioskSession = session.fromPartition(KIOSK_PARTITION);
  lockDownSession(kioskSession, KIOSK_PARTITION, logger);
  kioskSession.protocol.handle(APP_SCHEME, async (request) => outOfServiceResponse(request.url, reference));
  Menu.setApplicationMenu(null);
  // No preload: this page talks to nobody.
  const window = createKioskWindow(BrowserWindow, '', app.isPackaged);
  window.once('ready-to-show', () => window.show());
  guardWindowClose(app, window, logger);
  app.on('second-instance', () => window.focus());
  void window.loadURL(KIOSK_URL);
  return window;
}
