// A fake of the parts of the electron module the shell uses. It records what the shell asked
// for so tests can assert window options, handlers and decisions without the Electron binary.
import { EventEmitter } from 'node:events';
import type { ShellElectron } from '../../../../electron/main/shell';

type Listener = (...args: unknown[]) => unknown;

export class FakeWebContents extends EventEmitter {
  windowOpenHandler?: (details: { url: string }) => { action: string };
  setWindowOpenHandler(handler: (details: { url: string }) => { action: string }) {
    this.windowOpenHandler = handler;
  }
  /** Emits a navigation event and reports whether the shell cancelled it. */
  navigate(event: 'will-navigate' | 'will-redirect', url: string): boolean {
    let prevented = false;
    this.emit(event, { preventDefault: () => (prevented = true) }, url);
    return prevented;
  }
}

export function createFakeElectron() {
  const ipcHandlers = new Map<string, Listener>();
  const protocolHandlers = new Map<string, (request: Request) => Promise<Response>>();
  const privileged: unknown[] = [];
  const windows: Array<{ options: Record<string, unknown>; url?: string }> = [];
  const app = Object.assign(new EventEmitter(), { isPackaged: true });
  let permissionRequest: ((wc: unknown, permission: string, cb: (ok: boolean) => void) => void) | undefined;
  let permissionCheck: ((...args: unknown[]) => boolean) | undefined;
  let menu: unknown = 'default';
  const partitions: string[] = [];

  class BrowserWindow extends EventEmitter {
    readonly record: { options: Record<string, unknown>; url?: string };
    constructor(options: Record<string, unknown>) {
      super();
      this.record = { options };
      windows.push(this.record);
    }
    async loadURL(url: string) {
      this.record.url = url;
    }
    show() {}
  }

  const electron = {
    app,
    BrowserWindow,
    Menu: { setApplicationMenu: (m: unknown) => (menu = m) },
    ipcMain: { handle: (channel: string, fn: Listener) => ipcHandlers.set(channel, fn) },
    protocol: { registerSchemesAsPrivileged: (schemes: unknown[]) => privileged.push(...schemes) },
    session: {
      fromPartition: (name: string) => {
        partitions.push(name);
        return {
          setPermissionRequestHandler: (fn: typeof permissionRequest) => (permissionRequest = fn),
          setPermissionCheckHandler: (fn: typeof permissionCheck) => (permissionCheck = fn),
          protocol: { handle: (scheme: string, fn: (r: Request) => Promise<Response>) => protocolHandlers.set(scheme, fn) },
        };
      },
    },
  };

  return {
    electron: electron as unknown as ShellElectron,
    app,
    ipcHandlers,
    protocolHandlers,
    privileged,
    windows,
    partitions,
    menu: () => menu,
    askPermission: (permission: string) =>
      new Promise<boolean>((resolve) => permissionRequest?.({}, permission, resolve)),
    checkPermission: (permission: string) => permissionCheck?.({}, permission, 'app://kiosk', {}),
  };
}
