// The contact address's two exchanges with main: sending the code to the address read back, and
// confirming the code typed. The step draws the answers; a refusal comes back with its code (and
// the tries left after a wrong code), because the step itself decides whether it can go on.
import type { KioskApi } from '../../../shared/contract/api';
import type { ResultCode } from '../../../shared/contract/codes';

export type ContactAnswer = { ok: true; masked: string } | { ok: false; code: ResultCode; triesLeft?: number };

export async function sendContactCode(api: KioskApi, address: string): Promise<ContactAnswer> {
  const result = await api.registerContact({ address });
  return result.ok ? { ok: true, masked: result.data.masked } : { ok: false, code: result.code };
}

export async function confirmContactCode(api: KioskApi, code: string): Promise<ContactAnswer> {
  const result = await api.confirmContact({ code });
  return result.ok
    ? { ok: true, masked: result.data.masked }
    : { ok: false, code: result.code, triesLeft: result.triesLeft };
}
