// Ending a person's session is always two halves: main forgets the token and the person, and this
// side's store goes back to Welcome. One hook keeps every way out (cancel, reject, finish) doing both.
import { useCallback } from 'react';
import type { RequestOf } from '../../../shared/contract/api';
import { useKioskApi } from '../api/api-context';
import { useKioskStore } from './kiosk-store';

export type EndReason = RequestOf<'endSession'>['reason'];

export function useEndSession(): (reason: EndReason) => Promise<void> {
  const api = useKioskApi();
  return useCallback(
    async (reason: EndReason) => {
      await api.endSession({ reason });
      useKioskStore.getState().reset();
    },
    [api],
  );
}
