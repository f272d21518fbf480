// The sign-in channels: start AIS for a purpose (through this shell's launcher), cancel it, and
// let the kiosk's idle warning see and cover Electron's AIS view.
import type { Dispatcher } from '../dispatcher';
import type { AisLauncher, AisSignIn } from './ais-sign-in';

export function registerAisHandlers(dispatcher: Dispatcher, deps: { signIn: AisSignIn; launcher: AisLauncher }): void {
  dispatcher.handle('beginSignIn', async ({ purpose }) => deps.signIn.begin(purpose, deps.launcher));
  dispatcher.handle('cancelSignIn', async () => ({ cancelled: deps.launcher.cancel() }));
  dispatcher.handle('signInActivity', async () => ({ quietMs: deps.launcher.quietMs?.() ?? null }));
  dispatcher.handle('obscureSignIn', async ({ obscured }) => ({ obscured: deps.launcher.obscure?.(obscured) ?? false }));
}
