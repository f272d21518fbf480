// Builds a KioskApi over any transport (IPC in the preload, HTTP in the browser host bridge),
// so both bridges expose the same methods and the same failure shape.
import type { KioskApi, Result } from './api';
import { CHANNELS, type ApiMethod, type Channel } from './channels';
import { isResultCode } from './codes';

export type Transport = (channel: Channel, payload: unknown) => Promise<unknown>;

// Anything that is not a well-formed envelope becomes INTERNAL: the renderer must never
// render raw transport errors.
export function toResult(raw: unknown): Result<unknown> {
  if (typeof raw === 'object' && raw !== null && 'ok' in raw) {
    const envelope = raw as {
      ok: unknown;
      data?: unknown;
      code?: unknown;
      account?: unknown;
      reason?: unknown;
      retryAfterSeconds?: unknown;
      triesLeft?: unknown;
    };
    if (envelope.ok === true) return { ok: true, data: envelope.data };
    if (envelope.ok === false && isResultCode(envelope.code)) {
      const failure: Result<unknown> = { ok: false, code: envelope.code };
      // Only the known facts, bounded, pass; anything else a transport adds is dropped.
      if (typeof envelope.account === 'string' && envelope.account.length <= 64) failure.account = envelope.account;
      if (typeof envelope.reason === 'string' && envelope.reason.length <= 200) failure.reason = envelope.reason;
      const wait = envelope.retryAfterSeconds;
      if (typeof wait === 'number' && Number.isInteger(wait) && wait >= 0 && wait <= 3600)
        failure.retryAfterSeconds = wait;
      const tries = envelope.triesLeft;
      if (typeof tries === 'number' && Number.isInteger(tries) && tries >= 0 && tries <= 100) failure.triesLeft = tries;
      return failure;
    }
  }
  return { ok: false, code: 'INTERNAL' };
}

export function createKioskApi(transport: Transport): KioskApi {
  const api: Record<string, (request?: unknown) => Promise<Result<unknown>>> = {};
  for (const method of Object.keys(CHANNELS) as ApiMethod[]) {
    const channel = CHANNELS[method];
    api[method] = async (request = {}) => {
      try {
        return toResult(await transport(channel, request));
      } catch {
        return { ok: false, code: 'INTERNAL' };
      }
    };
  }
  return Object.freeze(api) as KioskApi;
}
