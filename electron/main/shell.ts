// The Electron shell, given the electron module: it locks the window down and hands every
// decision about data to the Electron-free backend. Tests call it with a fake electron module.
import type * as ElectronModule from 'electron';
import { join } from 'node:path';
import { readFile } from 'node:fs/promises';
import type { KioskBackend } from '../services/kiosk-backend';
import type { Logger } from '../services/logger';
import { APP_HOST, APP_SCHEME, createAppProtocolHandler, isKioskAppUrl } from './app-protocol';
import { AIS_PARTITION } from './ais-view';
import { registerIpcDoor } from './ipc-door';

export type ShellElectron = Pick<typeof ElectronModule, 'app' | 'BrowserWindow' | 'Menu' | 'protocol' | 'session' | 'ipcMain' | 'WebContentsView'>;

// Without "persist:" the partition lives in memory: nothing personal survives a restart.
export const KIOSK_PARTITION = 'kiosk';

/**
 * The kiosk window. The options are written out at the constructor so that static checks
 * (Electronegativity) see every one of them.
 */
export function createKioskWindow(BrowserWindow: ShellElectron['BrowserWindow'], preload: string, packaged: boolean): ElectronModule.BrowserWindow {
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
export function registerAppScheme(electron: ShellElectron): void {
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

export function lockDownContents(contents: ElectronModule.WebContents, logger: Logger): void {
  const deny = (event: { preventDefault(): void }, url: string) => {
    if (isKioskAppUrl(url)) return;
    event.preventDefault();
    logger.warn('navigation blocked', { url });
  };
  contents.on('will-navigate', deny);
  contents.on('will-redirect', deny);
  contents.setWindowOpenHandler(() => ({ action: 'deny' }));
}

export function startShell(electron: ShellElectron, backend: KioskBackend, logger: Logger, paths: ShellPaths): ElectronModule.BrowserWindow {
  const { app, BrowserWindow, Menu, session } = electron;
  const aisSession = session.fromPartition(AIS_PARTITION);
  app.on('web-contents-created', (_event, contents) => {
    // The AIS view follows its own allow-list (AisView attaches it when it creates the view);
    // every other web contents may only ever show app://kiosk.
    if (contents.session === aisSession) return;
    lockDownContents(contents, logger);
  });

  const kioskSession = session.fromPartition(KIOSK_PARTITION);
  // No camera, microphone, notifications, geolocation or anything else, asked or checked.
  for (const ses of [kioskSession, aisSession]) {
    ses.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
    ses.setPermissionCheckHandler(() => false);
  }
  kioskSession.protocol.handle(APP_SCHEME, createAppProtocolHandler(paths.rendererDir, (file) => readFile(file)));

  Menu.setApplicationMenu(null);
  registerIpcDoor(electron.ipcMain, backend.dispatcher, logger);

  const window = createKioskWindow(BrowserWindow, paths.preload, app.isPackaged);
  window.once('ready-to-show', () => window.show());
  void window.loadURL(`${APP_SCHEME}://${APP_HOST}/index.html`);
  return window;
}
