// The renderer's state and its named transitions: each says which screen follows an event. Only
// the flows in ../flows/ turn main's answers into these events; components draw the state.
// It never holds a password (those live only in the password fields), and sessionEnded() returns
// it to a state with nothing personal in it.
import { create } from 'zustand';
import type { ResultCode } from '../../../shared/contract/codes';
import type {
  CreateAccountResponse,
  CurrentSessionResponse,
  KioskLanguage,
  PolicyId,
  Purpose,
  SettingsResponse,
  StatusResponse,
} from '../../../shared/contract/schemas';

export type Language = KioskLanguage;
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
  | { name: 'error'; code: ResultCode; account?: string; retryAfterSeconds?: number };

/** The wizard's steps as the stepper numbers them. */
export const STEP_OF: Partial<Record<Screen['name'], 1 | 2 | 3 | 4>> = { step1: 1, step2: 2, step3: 3, step4: 4 };

export const DEFAULT_SETTINGS: SettingsResponse = {
  idleSeconds: 90,
  idleWarningSeconds: 20,
  resultSeconds: 60,
  mailDomain: 'mx.nthu.edu.tw',
  institutionDomains: ['nthu.edu.tw'],
  kioskId: '',
  result: { webmailUrl: '', incomingServer: '', outgoingServer: '', helpUrl: '', printing: 'none' },
};

/** Which text of a policy the person accepted, for the receipt. */
export interface AcceptedPolicy {
  version: string;
  hash: string;
  language: Language;
}

/** An applicant the helpdesk expects to sign in through AIS at this kiosk, until a time (ms). */
export interface AwaitedApplicant {
  staffId: string;
  operator: string;
  until: number;
}

/** The person's display choices (larger text, high contrast); they end with the session like everything else. */
export interface Display {
  largeText: boolean;
  highContrast: boolean;
}

/** Everything this side may know about the person at the counter; ending the session wipes exactly this. */
export interface PersonalState {
  language: Language;
  screen: Screen;
  /** The signed-in person's session as main reported it; null between people. */
  session: CurrentSessionResponse | null;
  candidates: string[];
  created: CreateAccountResponse | null;
  /** The reset account's address once the reset succeeded. */
  resetAddress: string | null;
  /** The policies accepted in this session, as shown (for the receipt). */
  accepted: Partial<Record<PolicyId, AcceptedPolicy>>;
  display: Display;
  /** Chosen on Welcome before AIS: kept over the AIS profile's language. */
  languageChosen: boolean;
  /** What the person set out to do when sign-in began (before a session exists); main's own default is apply. */
  signInPurpose: Purpose;
  /** Whom Welcome says the kiosk waits for; it ends with the session, the helpdesk's sign-out, or its time. */
  awaited: AwaitedApplicant | null;
}

export const NOTHING_PERSONAL: PersonalState = {
  language: DEFAULT_LANGUAGE,
  screen: { name: 'welcome' },
  session: null,
  candidates: [],
  created: null,
  resetAddress: null,
  accepted: {},
  display: { largeText: false, highContrast: false },
  languageChosen: false,
  signInPurpose: 'apply',
  awaited: null,
};

/** What the kiosk itself knows from main; it outlives every person. */
export interface KioskWideState {
  status: StatusView;
  settings: SettingsResponse;
}

/** Each accepted policy leads on: the email terms after the network policy, then Set account. */
const AFTER_POLICY: Record<PolicyId, Screen> = { 'network-usage': { name: 'step2' }, 'email-terms': { name: 'step3' } };

export interface KioskTransitions {
  /** The person chose a language; a choice made before AIS outlives the AIS profile's language. */
  setLanguage(language: Language): void;
  /** A language's strings could not be fetched: the switch shows the language still on screen, and a tap tries again. */
  languageUnavailable(shown: Language): void;
  setDisplay(display: Partial<Display>): void;
  setStatus(status: StatusView): void;
  setSettings(settings: SettingsResponse): void;
  policiesOpened(): void;
  policiesClosed(): void;
  signInStarted(purpose: Purpose): void;
  /** The person closed AIS without signing in. */
  signInCancelled(): void;
  /** The AIS language preselects the kiosk's. */
  signedIn(session: CurrentSessionResponse): void;
  /** Main refused or failed: the code's own screen, naming the account, and when to try again, when main said. */
  failed(code: ResultCode, account?: string, retryAfterSeconds?: number): void;
  resetChosen(): void;
  /** Eligible (no mailbox yet): the four steps begin. */
  applicationAllowed(): void;
  policyAccepted(id: PolicyId, shown: AcceptedPolicy): void;
  /** Rejecting a policy has ended the session; only the explanation stays. */
  policyRejected(): void;
  candidatesOffered(candidates: string[]): void;
  accountCreated(result: CreateAccountResponse): void;
  passwordReset(address: string): void;
  helpdeskRequested(): void;
  operatorSignedIn(): void;
  /** main opened a session for the applicant (null if it could not be read back); the handover screen comes first. */
  assistedSessionStarted(session: CurrentSessionResponse | null): void;
  /** After the operator looked away: the applicant's own next screen. */
  applicantTookOver(): void;
  /**
   * An assisted session was cancelled: nothing of the applicant stays, and the way back to the
   * console (the operator's sign-in, since the handover signed the operator out) comes next.
   */
  assistedCancelled(): void;
  /** The helpdesk handed the kiosk to an applicant who signs in through AIS; Welcome says so. */
  applicantAwaited(awaited: AwaitedApplicant): void;
  /** The operator left the helpdesk (signed out, cancelled, or handed over to AIS); nothing of anyone stays. */
  helpdeskLeft(): void;
  /** Back to Welcome with nothing of the person left; status and settings are not personal. */
  sessionEnded(): void;
}

export type KioskState = PersonalState & KioskWideState & KioskTransitions;

export const useKioskStore = create<KioskState>()((set, get) => ({
  ...NOTHING_PERSONAL,
  status: { kind: 'checking' },
  settings: DEFAULT_SETTINGS,
  setLanguage: (language) => set({ language, languageChosen: true }),
  languageUnavailable: (shown) => set({ language: shown }),
  setDisplay: (display) => set({ display: { ...get().display, ...display } }),
  setStatus: (status) => set({ status }),
  setSettings: (settings) => set({ settings }),
  policiesOpened: () => set({ screen: { name: 'policies' } }),
  policiesClosed: () => set({ screen: { name: 'welcome' } }),
  signInStarted: (purpose) => set({ screen: { name: 'signing-in' }, signInPurpose: purpose }),
  signInCancelled: () => set({ screen: { name: 'welcome' } }),
  signedIn: (session) =>
    set({
      session,
      language: get().languageChosen ? get().language : session.profile.language,
      screen: { name: 'profile' },
    }),
  failed: (code, account, retryAfterSeconds) => set({ screen: { name: 'error', code, account, retryAfterSeconds } }),
  resetChosen: () => set({ screen: { name: 'reset' } }),
  applicationAllowed: () => set({ screen: { name: 'step1' } }),
  policyAccepted: (id, shown) => set({ screen: AFTER_POLICY[id], accepted: { ...get().accepted, [id]: shown } }),
  policyRejected: () => set({ ...NOTHING_PERSONAL, screen: { name: 'rejected' } }),
  candidatesOffered: (candidates) => set({ candidates }),
  accountCreated: (created) => set({ created, candidates: [], screen: { name: 'step4' } }),
  passwordReset: (resetAddress) => set({ resetAddress, screen: { name: 'reset-done' } }),
  helpdeskRequested: () => set({ screen: { name: 'operator-sign-in' } }),
  operatorSignedIn: () => set({ screen: { name: 'helpdesk' } }),
  assistedSessionStarted: (session) =>
    set(
      session
        ? { session, language: session.profile.language, screen: { name: 'assisted-handover' } }
        : { screen: { name: 'assisted-handover' } },
    ),
  applicantTookOver: () => set({ screen: { name: get().session?.purpose === 'apply' ? 'profile' : 'reset' } }),
  assistedCancelled: () => set({ ...NOTHING_PERSONAL, screen: { name: 'operator-sign-in' } }),
  // Main drops a waiting assist when an operator signs out, not when the sign-in form is left unused.
  helpdeskLeft: () =>
    set({ ...NOTHING_PERSONAL, awaited: get().screen.name === 'operator-sign-in' ? get().awaited : null }),
  applicantAwaited: (awaited) => set({ ...NOTHING_PERSONAL, awaited }),
  sessionEnded: () => set({ ...NOTHING_PERSONAL }),
}));
