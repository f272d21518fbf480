// The renderer's state: which screen, which language, and what main last reported.
// It never holds a password, and reset() returns it to a state with nothing personal in it.
import { create } from 'zustand';
import type { ResultCode } from '../../../shared/contract/codes';
import type { CurrentSessionResponse, StatusResponse } from '../../../shared/contract/schemas';

export type Language = 'zh-TW' | 'en';
export const DEFAULT_LANGUAGE: Language = 'zh-TW';

export type StatusView =
  | { kind: 'checking' }
  | { kind: 'known'; status: StatusResponse }
  | { kind: 'failed'; code: ResultCode };

export type Screen = { name: 'welcome' } | { name: 'signing-in' } | { name: 'profile' } | { name: 'error'; code: ResultCode };

interface KioskState {
  language: Language;
  status: StatusView;
  screen: Screen;
  /** The signed-in person's session as main reported it; null between people. */
  session: CurrentSessionResponse | null;
  setLanguage(language: Language): void;
  setStatus(status: StatusView): void;
  showScreen(screen: Screen): void;
  /** The AIS language preselects the kiosk's. */
  signedIn(session: CurrentSessionResponse): void;
  reset(): void;
}

const initial = {
  language: DEFAULT_LANGUAGE,
  status: { kind: 'checking' } as StatusView,
  screen: { name: 'welcome' } as Screen,
  session: null,
};

export const useKioskStore = create<KioskState>()((set) => ({
  ...initial,
  setLanguage: (language) => set({ language }),
  setStatus: (status) => set({ status }),
  showScreen: (screen) => set({ screen }),
  signedIn: (session) => set({ session, language: session.profile.language, screen: { name: 'profile' } }),
  reset: () => set(initial),
}));
