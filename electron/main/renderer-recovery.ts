// What the shell does when the kiosk page crashes, stops answering or hangs: wipe and start again
// at Welcome, and after a crash loop show out of service instead of reloading a page that cannot run.
import type * as ElectronModule from 'electron';
import type { KioskBackend } from '../services/kiosk-backend';
import type { Logger } from '../services/logger';
import { APP_HOST, APP_SCHEME, KIOSK_URL } from './app-protocol';
import { CRASH_LOOP, type CrashLoopGuard } from './crash-loop';
import { OUT_OF_SERVICE_PAGE, outOfServiceReference } from './out-of-service';

/** Where the kiosk window shows out of service after a crash loop (served by the app:// handler). */
export const CRASH_LOOP_URL = `${APP_SCHEME}://${APP_HOST}/${OUT_OF_SERVICE_PAGE}`;

/** The shell's crash-loop state: once it holds a reference, the kiosk stays out of service. */
export interface CrashLoop {
  guard: CrashLoopGuard;
  reference: string | null;
}

/**
 * A crashed, unresponsive or hung renderer: the person's session is wiped in main (the page
 * state is gone anyway) and Welcome is loaded again, instead of a frozen or blank kiosk. The
 * third time within 5 minutes, out of service is shown instead (docs/deployment.md).
 */
export function recoverRenderer(
  {
    window,
    backend,
    logger,
    loop,
  }: { window: ElectronModule.BrowserWindow; backend: KioskBackend; logger: Logger; loop: CrashLoop },
  why: string,
): void {
  // The wipe also closes an AIS view left open over the crashed page.
  backend.wipe('crash');
  const contents = window.webContents;
  const looping = loop.reference !== null || loop.guard.looping();
  if (looping) {
    loop.reference ??= outOfServiceReference('CRASH');
    logger.error('renderer crash loop: out of service until the kiosk is restarted', {
      why,
      reference: loop.reference,
      limit: CRASH_LOOP.limit,
      windowMs: CRASH_LOOP.windowMs,
    });
  } else {
    logger.error('renderer recovery', { why });
  }
  if (contents.isDestroyed()) return;
  if (why !== 'render-process-gone') contents.forcefullyCrashRenderer();
  void contents.loadURL(looping ? CRASH_LOOP_URL : KIOSK_URL);
}
