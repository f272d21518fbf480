// The AIS sign-in view for Electron: AIS's own login page in a separate, locked view with its own
// in-memory partition and no preload. It may visit only the configured AIS origins, in every
// frame; when AIS sends the main frame to the exact portal URL, the navigation is cancelled, the
// token taken and verified in main, and the view closed, so the renderer never sees the token.
// The view never outlives its person: the kiosk's wipes close it (cancel()), and so does main's
// own time limit, whatever the renderer does.
import type * as ElectronModule from 'electron';
import { isLoopbackHost } from '../services/ais/ais-settings';
import type { AisLauncher, AisSignIn, LaunchOutcome } from '../services/ais/ais-sign-in';
import { KioskError } from '../services/kiosk-error';
import type { Logger } from '../services/logger';
import { originOf } from './url-origin';

export const AIS_PARTITION = 'ais';
/**
 * The kiosk's header (80 px, see .kiosk-header in the renderer's styles) stays visible above the
 * view, with its "back to the kiosk" button.
 */
export const AIS_VIEW_TOP_PX = 80;
/** Main closes the view this long after a token would have expired, counted from the launch. */
export const AIS_VIEW_MARGIN_SECONDS = 60;

export type AisNavigation = 'allow' | 'handoff' | 'deny';

export interface AisViewSettings {
  loginUrl: string;
  extraOrigins: readonly string[];
  portalUrl: string;
  /** How long an AIS token lives; the view's own limit is this plus AIS_VIEW_MARGIN_SECONDS. */
  validitySeconds: number;
}

const escapeRegExp = (text: string) => text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');

/**
 * The handoff is taken only from the portal URL exactly as configured, followed by `?data=` and
 * nothing else: no path parameters, extra segments, user info, other port, second parameter or
 * fragment. Chromium hands us canonical URLs, so a plain string match is exact.
 */
function isExactHandoff(url: string, portal: URL): boolean {
  return new RegExp(`^${escapeRegExp(portal.origin + portal.pathname)}\\?data=[^&#;]*$`).test(url);
}

/** What the AIS view may do with a URL: follow it, take it as the handoff, or refuse it. */
export function decideAisNavigation(
  url: string,
  settings: Pick<AisViewSettings, 'loginUrl' | 'extraOrigins' | 'portalUrl'>,
): AisNavigation {
  let target: URL;
  try {
    target = new URL(url);
  } catch {
    return 'deny';
  }
  const portal = new URL(settings.portalUrl);
  // Anything else on the portal's host is a near miss: it must never load with a token in it.
  if (target.host === portal.host) return isExactHandoff(url, portal) ? 'handoff' : 'deny';
  const allowed = new Set([new URL(settings.loginUrl).origin, ...settings.extraOrigins.map((o) => new URL(o).origin)]);
  // Only https AIS pages (or the loopback simulator in the demo) are ever shown, and never with user info.
  const secure = target.protocol === 'https:' || (target.protocol === 'http:' && isLoopbackHost(target.hostname));
  return secure && target.username === '' && target.password === '' && allowed.has(target.origin) ? 'allow' : 'deny';
}

type AisViewElectron = Pick<typeof ElectronModule, 'WebContentsView' | 'session'>;

export interface ViewTimers {
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

/** Navigation events as Electron gives them; isMainFrame is set on every one in Electron 45. */
type NavigationEvent = { preventDefault(): void; isMainFrame: boolean; url?: string };

interface OpenView {
  view: ElectronModule.WebContentsView;
  settle: (outcome: LaunchOutcome | Error) => void;
  limit: unknown;
  lastInputAt: number;
}

export class AisView implements AisLauncher {
  private current: OpenView | null = null;

  private readonly settings: AisViewSettings;
  private readonly signIn: AisSignIn;
  /** This machine's addresses as AIS sees them, asked at each launch. */
  private readonly egress: () => string[];
  private readonly logger: Logger;
  private readonly clock: { now(): number };
  private readonly timers: ViewTimers;

  constructor(
    private readonly electron: AisViewElectron,
    private readonly window: () => ElectronModule.BrowserWindow | null,
    deps: {
      settings: AisViewSettings;
      signIn: AisSignIn;
      egress: () => string[];
      logger: Logger;
      clock?: { now(): number };
      timers?: ViewTimers;
    },
  ) {
    ({ settings: this.settings, signIn: this.signIn, egress: this.egress, logger: this.logger } = deps);
    this.clock = deps.clock ?? Date;
    this.timers = deps.timers ?? (globalThis as unknown as ViewTimers);
  }

  launch(): Promise<LaunchOutcome> {
    const window = this.window();
    if (!window) return Promise.resolve({ kind: 'cancelled' });
    this.cancel();
    // The first page passes the same check as every later one (the config schema already refuses http).
    if (decideAisNavigation(this.settings.loginUrl, this.settings) !== 'allow') {
      this.logger.error('AIS login URL refused by the view’s own allow-list', {
        origin: originOf(this.settings.loginUrl),
      });
      return Promise.reject(new KioskError('INTERNAL', 'AIS login URL not allowed'));
    }
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
    contents.on('will-navigate', (event, url) => this.onNavigate(event, url));
    contents.on('will-redirect', (event, url) => this.onNavigate(event, url));
    // Subframes follow the same allow-list; the main frame's navigations are judged above.
    contents.on('will-frame-navigate', (details) => {
      if (!details.isMainFrame) this.onSubframeNavigate(details);
    });
    contents.setWindowOpenHandler(() => ({ action: 'deny' }));
    // Typing and tapping in AIS is the person being there: the kiosk's idle warning asks main.
    contents.on('input-event', () => this.touched());
    const bounds = window.getContentBounds();
    view.setBounds({
      x: 0,
      y: AIS_VIEW_TOP_PX,
      width: bounds.width,
      height: Math.max(0, bounds.height - AIS_VIEW_TOP_PX),
    });
    window.contentView.addChildView(view);

    const outcome = new Promise<LaunchOutcome>((resolve, reject) => {
      const limit = this.timers.setTimeout(
        () => {
          this.logger.warn('AIS view closed by main’s time limit');
          this.close({ kind: 'cancelled' });
        },
        (this.settings.validitySeconds + AIS_VIEW_MARGIN_SECONDS) * 1000,
      );
      this.current = {
        view,
        limit,
        lastInputAt: this.clock.now(),
        settle: (result) => (result instanceof Error ? reject(result) : resolve(result)),
      };
    });
    void contents.loadURL(this.settings.loginUrl).catch((error: unknown) => {
      this.logger.warn('AIS page failed to load', { error });
    });
    return outcome;
  }

  cancel(): boolean {
    return this.close({ kind: 'cancelled' });
  }

  quietMs(): number | null {
    return this.current ? this.clock.now() - this.current.lastInputAt : null;
  }

  obscure(obscured: boolean): boolean {
    if (!this.current) return false;
    this.current.view.setVisible(!obscured);
    return true;
  }

  private touched(): void {
    if (this.current) this.current.lastInputAt = this.clock.now();
  }

  private onSubframeNavigate(details: NavigationEvent): void {
    const url = details.url ?? '';
    if (decideAisNavigation(url, this.settings) === 'allow') return;
    details.preventDefault();
    this.logger.warn('AIS view subframe navigation blocked', { origin: originOf(url) });
  }

  private onNavigate(event: NavigationEvent, url: string): void {
    let decision = decideAisNavigation(url, this.settings);
    // Only the top page's arrival at the portal is the handoff; a frame's is refused.
    if (decision === 'handoff' && !event.isMainFrame) decision = 'deny';
    if (decision === 'allow') return;
    event.preventDefault();
    if (decision === 'deny') {
      this.logger.warn('AIS view navigation blocked', { origin: originOf(url) });
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
    this.timers.clearTimeout(current.limit);
    this.window()?.contentView.removeChildView(current.view);
    current.view.webContents.close();
    // AIS's login cookies must not be there for the next person at the counter.
    void this.electron.session.fromPartition(AIS_PARTITION).clearStorageData();
    current.settle(result);
    return true;
  }
}
