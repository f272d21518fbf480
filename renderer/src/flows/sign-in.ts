// Signing in through AIS, from the renderer's side: main begins it, and its answer decides what
// follows (the page leaves for AIS, Welcome again, the profile card, or the code's error screen).
import type { KioskApi } from '../../../shared/contract/api';
import { isResultCode } from '../../../shared/contract/codes';
import type { Purpose } from '../../../shared/contract/schemas';
import { useKioskStore, type Display, type Language } from '../app/kiosk-store';

const store = () => useKioskStore.getState();

/**
 * In the browser host the page itself leaves for AIS; what the person chose before it (a language,
 * larger text, high contrast) comes back this way, and is wiped with web storage when they leave.
 */
const CHOSEN_BEFORE_AIS = 'mx-kiosk.chosen-before-ais';

interface ChosenBeforeAis {
  language: Language | null;
  display: Display;
}

function keepChoicesAcrossAis(): void {
  const { languageChosen, language, display } = store();
  const chosen: ChosenBeforeAis = { language: languageChosen ? language : null, display };
  try {
    window.sessionStorage.setItem(CHOSEN_BEFORE_AIS, JSON.stringify(chosen));
  } catch {
    // without storage the AIS profile's language and the plain display apply
  }
}

function takeChoicesKeptAcrossAis(): ChosenBeforeAis | null {
  try {
    const kept = window.sessionStorage.getItem(CHOSEN_BEFORE_AIS);
    window.sessionStorage.removeItem(CHOSEN_BEFORE_AIS);
    const parsed = kept ? (JSON.parse(kept) as Partial<ChosenBeforeAis>) : null;
    if (!parsed) return null;
    const language = parsed.language === 'en' || parsed.language === 'zh-TW' ? parsed.language : null;
    return {
      language,
      display: { largeText: parsed.display?.largeText === true, highContrast: parsed.display?.highContrast === true },
    };
  } catch {
    return null;
  }
}

/** Loads the session main holds and shows the profile card, or the code's error screen. */
export async function loadSession(api: KioskApi): Promise<void> {
  const result = await api.currentSession();
  if (result.ok) store().signedIn(result.data);
  else store().failed(result.code);
}

/** navigate sends the whole page elsewhere: the browser host's sign-in happens on AIS's own page. */
export async function signIn(api: KioskApi, navigate: (url: string) => void, purpose: Purpose): Promise<void> {
  store().signInStarted(purpose);
  const result = await api.beginSignIn({ purpose });
  if (!result.ok) return store().failed(result.code);
  if (result.data.kind === 'redirect') {
    keepChoicesAcrossAis();
    return navigate(result.data.url);
  }
  if (result.data.kind === 'cancelled') return store().signInCancelled();
  await loadSession(api);
}

/** Closes Electron's AIS view; the sign-in waiting on it then answers 'cancelled' and leads on. */
export async function cancelSignIn(api: KioskApi): Promise<void> {
  await api.cancelSignIn();
}

/**
 * Seconds since the person last touched Electron's AIS view, which is a separate page whose keys
 * and taps this page never sees; null where there is none (the browser host) or main did not answer.
 */
export async function aisQuietSeconds(api: KioskApi): Promise<number | null> {
  const result = await api.signInActivity();
  return result.ok && result.data.quietMs !== null ? result.data.quietMs / 1000 : null;
}

/** Moves Electron's AIS view out of the way while the idle warning shows, and back after. */
export async function obscureSignIn(api: KioskApi, obscured: boolean): Promise<void> {
  await api.obscureSignIn({ obscured });
}

/**
 * The browser host brings the page back from AIS as /?handoff=ok or /?handoff=<code>. The outcome
 * comes from the address bar, so anything that is not a known code is shown as INTERNAL.
 */
export async function returnFromAis(api: KioskApi, outcome: string): Promise<void> {
  const kept = takeChoicesKeptAcrossAis();
  if (kept?.language) store().setLanguage(kept.language);
  if (kept) store().setDisplay(kept.display);
  if (outcome === 'ok') return loadSession(api);
  store().failed(isResultCode(outcome) ? outcome : 'INTERNAL');
}
