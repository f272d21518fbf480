// A fake of the parts of the electron module the shell uses. It records what the shell asked
// for so tests can assert window options, handlers and decisions without the Electron binary.
import { EventEmitter } from 'node:events';
import type { ShellElectron } from '../../../../electron/main/shell';

type Listener = (...args: unknown[]) => unknown;

/** A frame of a page: records the scripts main ran in it (the print disarm). */
export class FakeFrame {
  readonly scripts: string[] = [];
  async executeJavaScript(code: string) {
    this.scripts.push(code);
  }
}

export class FakeWebContents extends EventEmitter {
  windowOpenHandler?: (details: { url: string }) => { action: string };
  /** The page's frames: the main frame first, then a subframe. */
  readonly frames = [new FakeFrame(), new FakeFrame()];
  readonly mainFrame = { framesInSubtree: this.frames };
  loaded: string[] = [];
  closed = false;
  crashed = 0;
  destroyed = false;
  /** What executeJavaScript does; the watchdog's question. */
  answer: () => Promise<unknown> = async () => 1;
  constructor(readonly session: unknown = undefined) {
    super();
  }
  setWindowOpenHandler(handler: (details: { url: string }) => { action: string }) {
    this.windowOpenHandler = handler;
  }
  async loadURL(url: string) {
    this.loaded.push(url);
  }
  close() {
    this.closed = true;
  }
  forcefullyCrashRenderer() {
    this.crashed += 1;
  }
  isDestroyed() {
    return this.destroyed;
  }
  executeJavaScript() {
    return this.answer();
  }
  /** Emits a key and reports whether the shell swallowed it. */
  key(
    input: Partial<{ key: string; code: string; control: boolean; meta: boolean; alt: boolean; shift: boolean }>,
  ): boolean {
    let prevented = false;
    this.emit(
      'before-input-event',
      { preventDefault: () => (prevented = true) },
      { type: 'keyDown', control: false, meta: false, alt: false, shift: false, key: '', ...input },
    );
    return prevented;
  }
  /** Emits a navigation event (of the main frame unless told) and reports whether a listener cancelled it. */
  navigate(event: 'will-navigate' | 'will-redirect', url: string, isMainFrame = true): boolean {
    let prevented = false;
    this.emit(event, { preventDefault: () => (prevented = true), url, isMainFrame }, url);
    return prevented;
  }
  /** Emits will-frame-navigate for a frame and reports whether a listener cancelled it. */
  frameNavigate(url: string, isMainFrame: boolean): boolean {
    let prevented = false;
    this.emit('will-frame-navigate', {
      preventDefault: () => (prevented = true),
      url,
      isMainFrame,
      isSameDocument: false,
      frame: null,
    });
    return prevented;
  }
  /** The person typed or tapped in this page. */
  input(type = 'keyDown') {
    this.emit('input-event', {}, { type });
  }
}

export class FakeSession extends EventEmitter {
  permissionRequest?: (wc: unknown, permission: string, cb: (ok: boolean) => void) => void;
  permissionCheck?: (...args: unknown[]) => boolean;
  cleared = 0;
  readonly protocolHandlers = new Map<string, (request: Request) => Promise<Response>>();
  readonly protocol = {
    handle: (scheme: string, fn: (r: Request) => Promise<Response>) => this.protocolHandlers.set(scheme, fn),
  };
  constructor(readonly partition: string) {
    super();
  }
  /** A page in this session started a download; true when the shell cancelled it. */
  download(url: string): boolean {
    let prevented = false;
    this.emit('will-download', { preventDefault: () => (prevented = true) }, { getURL: () => url });
    return prevented;
  }
  setPermissionRequestHandler(fn: FakeSession['permissionRequest']) {
    this.permissionRequest = fn;
  }
  setPermissionCheckHandler(fn: FakeSession['permissionCheck']) {
    this.permissionCheck = fn;
  }
  async clearStorageData() {
    this.cleared += 1;
  }
  ask(permission: string): Promise<boolean> {
    return new Promise((resolve) => this.permissionRequest?.({}, permission, resolve));
  }
  check(permission: string): boolean | undefined {
    return this.permissionCheck?.({}, permission, 'app://kiosk', {});
  }
}

export function createFakeElectron() {
  const ipcHandlers = new Map<string, Listener>();
  const privileged: unknown[] = [];
  const windows: FakeBrowserWindow[] = [];
  const views: FakeWebContentsView[] = [];
  const sessions = new Map<string, FakeSession>();
  const exits: number[] = [];
  const switches = new Map<string, string | undefined>();
  const lifecycle = { lockRequests: 0, lockGranted: true, quits: 0 };
  let ready: () => void = () => undefined;
  const whenReady = new Promise<void>((resolve) => (ready = resolve));
  const app = Object.assign(new EventEmitter(), {
    isPackaged: true,
    exit: (code = 0) => exits.push(code),
    quit: () => (lifecycle.quits += 1),
    requestSingleInstanceLock: () => {
      lifecycle.lockRequests += 1;
      return lifecycle.lockGranted;
    },
    whenReady: () => whenReady,
    // Like Chromium's: appending keeps a switch that already has a value.
    commandLine: {
      appendSwitch: (name: string, value?: string) => {
        if (!switches.has(name)) switches.set(name, value);
      },
      removeSwitch: (name: string) => switches.delete(name),
    },
  });
  const powerSaveBlocks: string[] = [];
  let menu: unknown = 'default';
  const fromPartition = (name: string) => {
    if (!sessions.has(name)) sessions.set(name, new FakeSession(name));
    return sessions.get(name)!;
  };

  class FakeBrowserWindow extends EventEmitter {
    url?: string;
    focused = 0;
    readonly webContents = new FakeWebContents();
    readonly children: FakeWebContentsView[] = [];
    readonly contentView = {
      addChildView: (view: FakeWebContentsView) => this.children.push(view),
      removeChildView: (view: FakeWebContentsView) => this.children.splice(this.children.indexOf(view), 1),
    };
    constructor(readonly options: Record<string, unknown>) {
      super();
      windows.push(this);
    }
    async loadURL(url: string) {
      this.url = url;
      app.emit('web-contents-created', {}, this.webContents);
    }
    focus() {
      this.focused += 1;
    }
    getContentBounds() {
      return { x: 0, y: 0, width: 1280, height: 800 };
    }
    show() {}
    /** Alt+F4 or the window manager asks the window to close; true when the shell refused. */
    tryClose(): boolean {
      let prevented = false;
      this.emit('close', { preventDefault: () => (prevented = true) });
      return prevented;
    }
  }

  class FakeWebContentsView {
    readonly webContents: FakeWebContents;
    bounds?: unknown;
    visible = true;
    constructor(readonly options: { webPreferences: Record<string, unknown> }) {
      this.webContents = new FakeWebContents(fromPartition(String(options.webPreferences.partition)));
      views.push(this);
    }
    setBounds(bounds: unknown) {
      this.bounds = bounds;
    }
    setVisible(visible: boolean) {
      this.visible = visible;
    }
  }

  const electron = {
    app,
    BrowserWindow: FakeBrowserWindow,
    WebContentsView: FakeWebContentsView,
    Menu: { setApplicationMenu: (m: unknown) => (menu = m) },
    powerSaveBlocker: { start: (type: string) => powerSaveBlocks.push(type) },
    ipcMain: { handle: (channel: string, fn: Listener) => ipcHandlers.set(channel, fn) },
    protocol: { registerSchemesAsPrivileged: (schemes: unknown[]) => privileged.push(...schemes) },
    session: { fromPartition },
  };

  return {
    electron: electron as unknown as ShellElectron,
    app,
    ipcHandlers,
    privileged,
    windows,
    views,
    session: fromPartition,
    partitions: () => [...sessions.keys()],
    menu: () => menu,
    powerSaveBlocks,
    /** Codes passed to app.exit, in order. */
    exits,
    /** Chromium switches as the app left them. */
    switches,
    lifecycle,
    /** Resolves app.whenReady(), as Electron does once it has started. */
    ready: () => ready(),
  };
}
