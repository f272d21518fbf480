// The contact-address channels of the live session: register an address, confirm its code.
import type { Dispatcher } from '../dispatcher';
import type { KioskSessions } from '../session/kiosk-session';
import type { ContactConfirmation } from './contact-confirmation';

export function registerContactHandlers(
  dispatcher: Dispatcher,
  deps: { sessions: KioskSessions; contacts: ContactConfirmation },
): void {
  dispatcher.handle('registerContact', async ({ address }) => deps.contacts.register(deps.sessions.require(), address));
  dispatcher.handle('confirmContact', async ({ code }) => deps.contacts.confirm(deps.sessions.require(), code));
}
