// Finishing: end the session in main and forget the person here. The result screens also do it
// on their own after the configured time, so nobody's result stays on the counter.
import { useCallback, useEffect } from 'react';
import { useKioskApi } from '../api/api-context';
import { useKioskStore } from '../app/kiosk-store';

export function useFinish(autoAfterSeconds = useKioskStore.getState().settings.resultSeconds): () => Promise<void> {
  const api = useKioskApi();
  const finish = useCallback(async () => {
    await api.endSession({ reason: 'finish' });
    useKioskStore.getState().reset();
  }, [api]);
  useEffect(() => {
    const timer = setTimeout(() => void finish(), autoAfterSeconds * 1000);
    return () => clearTimeout(timer);
  }, [finish, autoAfterSeconds]);
  return finish;
}
