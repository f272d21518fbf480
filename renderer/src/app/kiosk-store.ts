// The renderer's state: which screen, which language, and what main last reported.
// It never holds a password (those live only in the password fields), and reset() returns it to
// a state with nothing personal in it.
import { create } from 'zustand';
import type { ResultCode } from '../../../shared/contract/codes';
import type { CreateAccountResponse, CurrentSessionResponse, SettingsResponse, StatusResponse } from '../../../shared/contract/schemas';

export type Language = 'zh-TW' | 'en';
export const DEFAULT_LANGUAGE: Language = 'zh-TW';

export type StatusView =
  | { kind: 'checking' }
  | { kind: 'known'; status: StatusResponse }
  | { kind: 'failed'; code: ResultCode };

export type Screen =
  | { name: 'welcome' }
  | { name: 'policies' }
  | { name: 'signing-in' }
  | { name: 'profile' }
  | { name: 'step1' }
  | { name: 'step2' }
  | { name: 'step3' }
  | { name: 'step4' }
  | { name: 'reset' }
  | { name: 'reset-done' }
  | { name: 'rejected' }
  | { name: 'operator-sign-in' }
  | { name: 'helpdesk' }
  | { name: 'assisted-handover' }
  | { name: 'error'; code: ResultCode; account?: string };

/** The wizard's steps as the stepper numbers them. */
export const STEP_OF: Partial<Record<Screen['name'], 1 | 2 | 3 | 4>> = { step1: 1, step2: 2, step3: 3, step4: 4 };

export const DEFAULT_SETTINGS: SettingsResponse = { idleSeconds: 90, idleWarningSeconds: 20, resultSeconds: 60, mailDomain: 'mx.nthu.edu.tw', institutionDomains: ['nthu.edu.tw'] };

interface KioskState {
  language: Language;
  status: StatusView;
  settings: SettingsResponse;
  screen: Screen;
  /** The signed-in person's session as main reported it; null between people. */
  session: CurrentSessionResponse | null;
  candidates: string[];
  created: CreateAccountResponse | null;
  /** The reset account's address once the reset succeeded. */
  resetAddress: string | null;
  setLanguage(language: Language): void;
  setStatus(status: StatusView): void;
  setSettings(settings: SettingsResponse): void;
  showScreen(screen: Screen): void;
  /** The AIS language preselects the kiosk's. */
  signedIn(session: CurrentSessionResponse): void;
  setCandidates(candidates: string[]): void;
  accountCreated(result: CreateAccountResponse): void;
  passwordReset(address: string): void;
  /** Back to Welcome with nothing of the person left; settings and status are not personal. */
  reset(): void;
}

const personal = {
  language: DEFAULT_LANGUAGE,
  screen: { name: 'welcome' } as Screen,
  session: null,
  candidates: [] as string[],
  created: null,
  resetAddress: null,
};

export const useKioskStore = create<KioskState>()((set) => ({
  ...personal,
  status: { kind: 'checking' },
  settings: DEFAULT_SETTINGS,
  setLanguage: (language) => set({ language }),
  setStatus: (status) => set({ status }),
  setSettings: (settings) => set({ settings }),
  showScreen: (screen) => set({ screen }),
  signedIn: (session) => set({ session, language: session.profile.language, screen: { name: 'profile' } }),
  setCandidates: (candidates) => set({ candidates }),
  accountCreated: (created) => set({ created, candidates: [], screen: { name: 'step4' } }),
  passwordReset: (resetAddress) => set({ resetAddress, screen: { name: 'reset-done' } }),
  reset: () => set({ ...personal }),
}));
