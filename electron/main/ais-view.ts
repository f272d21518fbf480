// The AIS sign-in view for Electron: AIS's own login page in a separate, locked view with its own
// in-memory partition and no preload. It may visit only the configured AIS origins; when AIS
// sends it to the portal URL, the navigation is cancelled, the token taken and verified in main,
// and the view closed, so the renderer never sees the token.
import type * as ElectronModule from 'electron';
import type { AisLauncher, AisSignIn, LaunchOutcome } from '../services/ais/ais-sign-in';
import type { Logger } from '../services/logger';

export const AIS_PARTITION = 'ais';
/** The kiosk's header stays visible above the view, with its cancel button. */
export const AIS_VIEW_TOP_PX = 80;

export type AisNavigation = 'allow' | 'handoff' | 'deny';

export interface AisViewSettings {
  loginUrl: string;
  extraOrigins: readonly string[];
  portalUrl: string;
}

/** What the AIS view may do with a URL: follow it, take it as the handoff, or refuse it. */
export function decideAisNavigation(url: string, settings: AisViewSettings): AisNavigation {
  let target: URL;
  try {
    target = new URL(url);
  } catch {
    return 'deny';
  }
  const portal = new URL(settings.portalUrl);
  if (target.origin === portal.origin && target.pathname === portal.pathname) return 'handoff';
  const allowed = new Set([new URL(settings.loginUrl).origin, ...settings.extraOrigins.map((o) => new URL(o).origin)]);
  // Only https AIS pages (or the loopback simulator in the demo) are ever shown.
  const secure = target.protocol === 'https:' || (target.protocol === 'http:' && target.hostname === '127.0.0.1');
  return secure && allowed.has(target.origin) ? 'allow' : 'deny';
}

type AisViewElectron = Pick<typeof ElectronModule, 'WebContentsView' | 'session'>;

export class AisView implements AisLauncher {
  private current: {
    view: ElectronModule.WebContentsView;
    settle: (outcome: LaunchOutcome | Error) => void;
  } | null = null;

  constructor(
    private readonly electron: AisViewElectron,
    private readonly window: () => ElectronModule.BrowserWindow | null,
    private readonly settings: AisViewSettings,
    private readonly signIn: AisSignIn,
    private readonly egress: () => string[],
    private readonly logger: Logger,
  ) {}

  launch(): Promise<LaunchOutcome> {
    const window = this.window();
    if (!window) return Promise.resolve({ kind: 'cancelled' });
    this.cancel();
    const view = new this.electron.WebContentsView({
      webPreferences: {
        partition: AIS_PARTITION,
        contextIsolation: true,
        sandbox: true,
        nodeIntegration: false,
        webSecurity: true,
        devTools: false,
      },
    });
    const contents = view.webContents;
    const onNavigate = (event: { preventDefault(): void }, url: string) => this.onNavigate(event, url);
    contents.on('will-navigate', onNavigate);
    contents.on('will-redirect', onNavigate);
    contents.setWindowOpenHandler(() => ({ action: 'deny' }));
    const bounds = window.getContentBounds();
    view.setBounds({ x: 0, y: AIS_VIEW_TOP_PX, width: bounds.width, height: Math.max(0, bounds.height - AIS_VIEW_TOP_PX) });
    window.contentView.addChildView(view);

    const outcome = new Promise<LaunchOutcome>((resolve, reject) => {
      this.current = { view, settle: (result) => (result instanceof Error ? reject(result) : resolve(result)) };
    });
    void contents.loadURL(this.settings.loginUrl).catch((error: unknown) => {
      this.logger.warn('AIS page failed to load', { error });
    });
    return outcome;
  }

  cancel(): boolean {
    return this.close({ kind: 'cancelled' });
  }

  private onNavigate(event: { preventDefault(): void }, url: string): void {
    const decision = decideAisNavigation(url, this.settings);
    if (decision === 'allow') return;
    event.preventDefault();
    if (decision === 'deny') {
      this.logger.warn('AIS view navigation blocked', { origin: safeOrigin(url) });
      return;
    }
    // The portal URL: take the token here; the request itself is never made.
    const data = new URL(url).searchParams.get('data');
    try {
      this.signIn.completeHandoff(data, this.egress());
      this.close({ kind: 'completed' });
    } catch (error) {
      this.close(error as Error);
    }
  }

  private close(result: LaunchOutcome | Error): boolean {
    const current = this.current;
    if (!current) return false;
    this.current = null;
    this.window()?.contentView.removeChildView(current.view);
    current.view.webContents.close();
    // AIS's login cookies must not be there for the next person at the counter.
    void this.electron.session.fromPartition(AIS_PARTITION).clearStorageData();
    current.settle(result);
    return true;
  }
}

function safeOrigin(url: string): string {
  try {
    return new URL(url).origin;
  } catch {
    return '(unparsable)';
  }
}
