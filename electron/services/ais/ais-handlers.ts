// The sign-in channels: start AIS for a purpose (through this shell's launcher), or cancel it.
import type { Dispatcher } from '../dispatcher';
import type { AisLauncher, AisSignIn } from './ais-sign-in';

export function registerAisHandlers(dispatcher: Dispatcher, deps: { signIn: AisSignIn; launcher: AisLauncher }): void {
  dispatcher.handle('beginSignIn', async ({ purpose }) => deps.signIn.begin(purpose, deps.launcher));
  dispatcher.handle('cancelSignIn', async () => ({ cancelled: deps.launcher.cancel() }));
}
