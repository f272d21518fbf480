// The browser host's other way to show AIS: in a second browser window, while the kiosk page
// stays loaded and waits, as it does under Electron's AIS view. beginSignIn resolves 'completed'
// when that window reaches the portal route with the token, so the kiosk page never reloads (a
// counter running all day, and the soak benchmark, need exactly that).
//
// The host cannot open a window in someone else's browser: whoever drives it (a person, or
// Playwright) opens SECOND_WINDOW_PATH once the kiosk shows "signing in". That route leads to
// AIS only while a sign-in waits, and the portal route takes a token only then, like Electron's
// view, which exists only while a sign-in waits.
//
// Unlike Electron's view, the host sees no typing in that window (quietMs is unknown), so the
// kiosk page's idle guard counts only its own activity; and a wipe cannot close the window, it
// only makes the host refuse what that window brings back.
import type { ResultCode } from '../../shared/contract/codes';
import type { AisLauncher, AisSignIn, LaunchOutcome } from '../../electron/services/ais/ais-sign-in';
import { KioskError } from '../../electron/services/kiosk-error';

/** The kiosk's second window opens this; it leads to AIS's login page while a sign-in waits. */
export const SECOND_WINDOW_PATH = '/ais-window';
/**
 * How long the second window waits for a sign-in to begin: the kiosk shows "signing in" before its
 * request reaches the host (which first reads the fleet's switches), so a window opened right away
 * may arrive first.
 */
export const SECOND_WINDOW_WAIT_MS = 5_000;

export class AisSecondWindow implements AisLauncher {
  private settle: ((outcome: LaunchOutcome | Error) => void) | null = null;
  /** Second windows that arrived before the sign-in began. */
  private readonly early = new Set<() => void>();

  constructor(
    private readonly signIn: AisSignIn,
    private readonly loginUrl: string,
  ) {}

  launch(): Promise<LaunchOutcome> {
    this.cancel();
    const outcome = new Promise<LaunchOutcome>((resolve, reject) => {
      this.settle = (result) => (result instanceof Error ? reject(result) : resolve(result));
    });
    for (const wake of this.early) wake();
    return outcome;
  }

  /** The wipes and "back to the kiosk" end the wait; the second window itself stays where it is. */
  cancel(): boolean {
    return this.finish({ kind: 'cancelled' });
  }

  /** Where the second window goes: AIS's login page once a sign-in waits (within waitMs), otherwise nowhere. */
  async loginUrlWhenWaiting(waitMs = SECOND_WINDOW_WAIT_MS): Promise<string | null> {
    if (!this.settle) {
      await new Promise<void>((resolve) => {
        const wake = () => {
          clearTimeout(timer);
          this.early.delete(wake);
          resolve();
        };
        const timer = setTimeout(wake, waitMs);
        this.early.add(wake);
      });
    }
    return this.settle ? this.loginUrl : null;
  }

  /**
   * The portal route, in the second window: verifies the token and starts the session, then lets
   * the waiting kiosk page go on. Returns null when the session started, or the code to show there.
   */
  takeHandoff(data: string | null, clientIp: string): ResultCode | null {
    // No sign-in waits (never begun, cancelled, wiped): the token is not even looked at.
    if (!this.settle) return 'SESSION(0)';
    try {
      this.signIn.completeHandoff(data, [clientIp]);
      this.finish({ kind: 'completed' });
      return null;
    } catch (error) {
      // The kiosk page shows the code, as it does when Electron's view refuses a handoff.
      this.finish(error as Error);
      return error instanceof KioskError ? error.code : 'INTERNAL';
    }
  }

  private finish(outcome: LaunchOutcome | Error): boolean {
    const settle = this.settle;
    if (!settle) return false;
    this.settle = null;
    settle(outcome);
    return true;
  }
}
