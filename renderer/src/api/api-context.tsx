// Hands the KioskApi (and the one way to leave the page, for AIS) to components, so tests can
// render any screen against fakes.
import { createContext, useContext, type ReactNode } from 'react';
import type { KioskApi } from '../../../shared/contract/api';

export interface KioskEnvironment {
  api: KioskApi;
  /** Sends the whole page elsewhere; only the browser host's AIS sign-in uses it. */
  navigate(url: string): void;
}

const EnvironmentContext = createContext<KioskEnvironment | null>(null);

export function ApiProvider({
  api,
  navigate,
  children,
}: {
  api: KioskApi;
  navigate?: (url: string) => void;
  children: ReactNode;
}) {
  return (
    <EnvironmentContext.Provider value={{ api, navigate: navigate ?? ((url) => window.location.assign(url)) }}>
      {children}
    </EnvironmentContext.Provider>
  );
}

function useEnvironment(): KioskEnvironment {
  const environment = useContext(EnvironmentContext);
  if (!environment) throw new Error('used outside ApiProvider');
  return environment;
}

export const useKioskApi = (): KioskApi => useEnvironment().api;
export const useNavigate = (): ((url: string) => void) => useEnvironment().navigate;
