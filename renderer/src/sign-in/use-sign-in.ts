// Signing in through AIS from the renderer's side: ask main to begin, then follow what it says
// (leave for AIS, or load the session Electron's AIS view just created).
import { useCallback } from 'react';
import type { KioskApi } from '../../../shared/contract/api';
import type { Purpose } from '../../../shared/contract/schemas';
import { useKioskApi, useNavigate } from '../api/api-context';
import { useKioskStore } from '../app/kiosk-store';

/** Loads the session main holds and shows the profile card, or the code's error screen. */
export async function loadSession(api: KioskApi): Promise<void> {
  const { signedIn, showScreen } = useKioskStore.getState();
  const result = await api.currentSession();
  if (result.ok) signedIn(result.data);
  else showScreen({ name: 'error', code: result.code });
}

export function useSignIn(): (purpose: Purpose) => Promise<void> {
  const api = useKioskApi();
  const navigate = useNavigate();
  return useCallback(
    async (purpose: Purpose) => {
      const { showScreen } = useKioskStore.getState();
      showScreen({ name: 'signing-in' });
      const result = await api.beginSignIn({ purpose });
      if (!result.ok) return showScreen({ name: 'error', code: result.code });
      if (result.data.kind === 'redirect') return navigate(result.data.url);
      if (result.data.kind === 'cancelled') return showScreen({ name: 'welcome' });
      await loadSession(api);
    },
    [api, navigate],
  );
}

/**
 * The browser host brings the page back from AIS as /?handoff=ok or /?handoff=<code>.
 * Returns that outcome and removes it from the address bar.
 */
export function takeHandoffReturn(win: Pick<Window, 'location' | 'history'> = window): string | null {
  const params = new URLSearchParams(win.location.search);
  const outcome = params.get('handoff');
  if (outcome !== null) win.history.replaceState(null, '', win.location.pathname);
  return outcome;
}
