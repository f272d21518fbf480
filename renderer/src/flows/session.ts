// Every way a person's session ends (cancel, reject, finish, idle, an error's way back): main
// forgets the token and the person, and the store forgets them on this side.
import type { KioskApi, RequestOf } from '../../../shared/contract/api';
import type { Purpose } from '../../../shared/contract/schemas';
import { useKioskStore } from '../app/kiosk-store';
import { signIn } from './sign-in';

export type EndReason = RequestOf<'endSession'>['reason'];

const store = () => useKioskStore.getState();

export async function endSession(api: KioskApi, reason: EndReason): Promise<void> {
  await api.endSession({ reason });
  store().sessionEnded();
}

/**
 * The person cancelled. A session the helpdesk started (an assisted reset, or an application from
 * the HR records) leads back towards the console: the operator's sign-in, as the handover signed
 * the operator out so that the console is never open behind the applicant.
 */
export async function cancelSession(api: KioskApi): Promise<void> {
  const assisted = store().session?.profile.from === 'helpdesk';
  await api.endSession({ reason: 'cancel' });
  if (assisted) store().assistedCancelled();
  else store().sessionEnded();
}

/**
 * A fresh AIS sign-in from an error screen: the same purpose again (an expired link, a changed
 * network), or the other one (the reset for someone who has a mailbox, the application for
 * someone who has none).
 */
export async function signInAgain(api: KioskApi, navigate: (url: string) => void, purpose: Purpose): Promise<void> {
  await endSession(api, 'cancel');
  await signIn(api, navigate, purpose);
}

/**
 * Nobody answered "還在嗎？". The page is wiped before main is asked, so nothing personal stays on
 * the screen while main answers (or if it never does).
 */
export async function wipeAfterIdle(api: KioskApi): Promise<void> {
  store().sessionEnded();
  try {
    window.localStorage.clear();
    window.sessionStorage.clear();
  } catch {
    // storage may be unavailable; the kiosk never writes to it anyway
  }
  await api.endSession({ reason: 'idle' });
  // An operator who walked away is signed out too.
  await api.operatorSignOut();
}
