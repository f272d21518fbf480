// The account channels of the live session: the check (apply or reset), the offered names, the
// creation and the reset. Each runs in its own room; this only routes.
import type { Dispatcher } from '../dispatcher';
import type { KioskSession, KioskSessions } from '../session/kiosk-session';
import type { AccountCreation } from './account-creation';
import type { PasswordReset } from './password-reset';

/** account:check: whether an apply session may go on, or which account a reset session resets. */
export function checkAccount(rooms: { creation: AccountCreation; reset: PasswordReset }, session: KioskSession) {
  return session.purpose === 'apply' ? rooms.creation.check(session) : rooms.reset.check(session);
}

export function registerAccountHandlers(
  dispatcher: Dispatcher,
  deps: { sessions: KioskSessions; creation: AccountCreation; reset: PasswordReset; mailDomain: string },
): void {
  const { sessions, creation, reset } = deps;
  dispatcher.handle('checkAccount', async () => checkAccount(deps, sessions.require()));
  dispatcher.handle('accountCandidates', async () => ({
    candidates: await creation.candidates(sessions.require()),
    domain: deps.mailDomain,
  }));
  dispatcher.handle('createAccount', async (request, context) =>
    creation.create(sessions.require(), request, context.clientIp),
  );
  dispatcher.handle('resetPassword', async (request) => reset.resetPassword(sessions.require(), request));
}
