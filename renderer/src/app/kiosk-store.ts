// The renderer's state: which screen, which language, and what main last reported.
// It never holds a password, and reset() returns it to a state with nothing personal in it.
import { create } from 'zustand';
import type { ResultCode } from '../../../shared/contract/codes';
import type { StatusResponse } from '../../../shared/contract/schemas';

export type Language = 'zh-TW' | 'en';
export const DEFAULT_LANGUAGE: Language = 'zh-TW';

export type StatusView =
  | { kind: 'checking' }
  | { kind: 'known'; status: StatusResponse }
  | { kind: 'failed'; code: ResultCode };

interface KioskState {
  language: Language;
  status: StatusView;
  setLanguage(language: Language): void;
  setStatus(status: StatusView): void;
  reset(): void;
}

const initial = { language: DEFAULT_LANGUAGE, status: { kind: 'checking' } as StatusView };

export const useKioskStore = create<KioskState>()((set) => ({
  ...initial,
  setLanguage: (language) => set({ language }),
  setStatus: (status) => set({ status }),
  reset: () => set(initial),
}));
