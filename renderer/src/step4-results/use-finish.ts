// Finishing: end the session in main and forget the person here. A result screen leaves only
// through this or the idle guard (with its warning), never on a silent timer while someone reads.
import { useCallback } from 'react';
import { useKioskApi } from '../api/api-context';
import { endSession } from '../flows/session';

export function useFinish(): () => Promise<void> {
  const api = useKioskApi();
  return useCallback(() => endSession(api, 'finish'), [api]);
}
