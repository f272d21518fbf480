// The session channels: the profile card's data, and ending the session for whatever reason the
// renderer has. A rejection is recorded (by the caller's hook) before the session ends.
import type { Dispatcher } from '../dispatcher';
import type { KioskSession, KioskSessions, SessionEndReason } from './kiosk-session';

export interface SessionHandlerDeps {
  sessions: KioskSessions;
  /** Ends the session and whatever else the person left open (the composition root's wipe). */
  end: (reason: SessionEndReason) => boolean;
  onReject: (session: KioskSession) => Promise<void>;
  /** Whether a passport name yields any valid account name, so the profile card can say so before the policies. */
  nameUsable: (nameEn: string) => boolean;
}

export function registerSessionHandlers(dispatcher: Dispatcher, deps: SessionHandlerDeps): void {
  const { sessions } = deps;
  dispatcher.handle('currentSession', async () => {
    const session = sessions.require();
    return {
      profile: session.profile,
      purpose: session.purpose,
      expiresAt: session.expiresAt,
      nameUsable: deps.nameUsable(session.profile.nameEn),
      // The profile card names who assisted: the operator, never the reason (that is for the audit).
      assistedBy: session.assistedBy?.operator,
    };
  });
  dispatcher.handle('endSession', async ({ reason }) => {
    if (reason === 'reject' && sessions.hasLive()) await deps.onReject(sessions.require());
    return { ended: deps.end(reason) };
  });
}
