// Hands the KioskApi to components, so tests can render any screen against a fake API.
import { createContext, useContext, type ReactNode } from 'react';
import type { KioskApi } from '../../../shared/contract/api';

const ApiContext = createContext<KioskApi | null>(null);

export function ApiProvider({ api, children }: { api: KioskApi; children: ReactNode }) {
  return <ApiContext.Provider value={api}>{children}</ApiContext.Provider>;
}

export function useKioskApi(): KioskApi {
  const api = useContext(ApiContext);
  if (!api) throw new Error('useKioskApi outside ApiProvider');
  return api;
}
