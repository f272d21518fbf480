// The renderer's API module: the preload's window.kiosk wins; otherwise the host bridge posts JSON.
import { afterEach, describe, expect, it, vi } from 'vitest';
import type { KioskApi } from '../../../shared/contract/api';
import { resolveKioskApi } from './kiosk-api';

afterEach(() => vi.unstubAllGlobals());

describe('resolveKioskApi', () => {
  it('uses window.kiosk when the preload exposed it', () => {
    const kiosk = { status: async () => ({ ok: false, code: 'SESSION(0)' }) } as KioskApi;
    expect(resolveKioskApi({ kiosk })).toBe(kiosk);
  });

  it('otherwise posts JSON to /api/<channel> on the same origin', async () => {
    const fetchMock = vi.fn(async () => new Response(JSON.stringify({ ok: false, code: 'DIRECTORY_UNAVAILABLE' })));
    vi.stubGlobal('fetch', fetchMock);
    const api = resolveKioskApi({});
    await expect(api.status()).resolves.toEqual({ ok: false, code: 'DIRECTORY_UNAVAILABLE' });
    expect(fetchMock).toHaveBeenCalledWith(
      '/api/kiosk%3Astatus',
      expect.objectContaining({ method: 'POST', body: '{}', credentials: 'same-origin' }),
    );
  });

  it('turns a host that answers with HTML (e.g. a 403 page) into INTERNAL', async () => {
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => new Response('403 Forbidden', { status: 403 })),
    );
    await expect(resolveKioskApi({}).status()).resolves.toEqual({ ok: false, code: 'INTERNAL' });
  });
});
