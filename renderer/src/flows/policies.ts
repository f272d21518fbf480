// Fetching one policy's text in one language, for the reader and the two consent steps; a refusal
// is shown where the text would be, so it comes back as the code rather than as an error screen.
import type { KioskApi } from '../../../shared/contract/api';
import type { ResultCode } from '../../../shared/contract/codes';
import type { PolicyId, PolicyResponse } from '../../../shared/contract/schemas';
import type { Language } from '../app/kiosk-store';

export type PolicyState =
  | { kind: 'loading' }
  | { kind: 'loaded'; policy: PolicyResponse }
  | { kind: 'failed'; code: ResultCode };

export async function loadPolicy(
  api: KioskApi,
  id: PolicyId,
  language: Language,
): Promise<Exclude<PolicyState, { kind: 'loading' }>> {
  const result = await api.getPolicy({ id, language });
  return result.ok ? { kind: 'loaded', policy: result.data } : { kind: 'failed', code: result.code };
}
