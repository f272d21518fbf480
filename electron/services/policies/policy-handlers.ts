// The policy channels. Reading needs no session ("Read the policies" works offline and before
// signing in); accepting records a consent receipt in the live session.
import type { Dispatcher } from '../dispatcher';
import type { KioskSessions } from '../session/kiosk-session';
import type { Consents } from './consents';
import type { PolicyLibrary } from './policy-library';

export function registerPolicyHandlers(
  dispatcher: Dispatcher,
  deps: { policies: PolicyLibrary; consents: Consents; sessions: KioskSessions },
): void {
  dispatcher.handle('getPolicy', async ({ id, language }) => deps.policies.get(id, language));
  dispatcher.handle('acceptPolicy', async (receipt) => {
    await deps.consents.accept(deps.sessions.require(), receipt);
    return { accepted: true as const };
  });
}
