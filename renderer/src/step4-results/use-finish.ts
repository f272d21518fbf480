// Finishing: end the session in main and forget the person here. The result screens also do it
// on their own after the configured time, so nobody's result stays on the counter.
import { useCallback, useEffect } from 'react';
import { useKioskApi } from '../api/api-context';
import { useKioskStore } from '../app/kiosk-store';
import { endSession } from '../flows/session';

/** autoAfterSeconds null: no automatic return (someone is busy on the screen; the idle guard still watches). */
export function useFinish(autoAfterSeconds: number | null = useKioskStore.getState().settings.resultSeconds): () => Promise<void> {
  const api = useKioskApi();
  const finish = useCallback(() => endSession(api, 'finish'), [api]);
  useEffect(() => {
    if (autoAfterSeconds === null) return;
    const timer = setTimeout(() => void finish(), autoAfterSeconds * 1000);
    return () => clearTimeout(timer);
  }, [finish, autoAfterSeconds]);
  return finish;
}
