// The sign-in channels: start AIS for a purpose (through this shell's launcher), cancel it, and
// let the kiosk's idle warning see and cover Electron's AIS view.
import type { Dispatcher } from '../dispatcher';
import type { AisLauncher, AisSignIn } from './ais-sign-in';

export function registerAisHandlers(
  dispatcher: Dispatcher,
  deps: { signIn: AisSignIn; launcher: AisLauncher; refuseNewSessions: () => void; beforeBegin?: () => Promise<void> },
): void {
  dispatcher.handle('beginSignIn', async ({ purpose }) => {
    // The switches may have changed since they were last read: read them, then ask again.
    await deps.beforeBegin?.();
    deps.refuseNewSessions();
    return deps.signIn.begin(purpose, deps.launcher);
  });
  dispatcher.handle('cancelSignIn', async () => ({ cancelled: deps.launcher.cancel() }));
  dispatcher.handle('signInActivity', async () => ({ quietMs: deps.launcher.quietMs?.() ?? null }));
  dispatcher.handle('obscureSignIn', async ({ obscured }) => ({
    obscured: deps.launcher.obscure?.(obscured) ?? false,
  }));
}
