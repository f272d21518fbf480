// createKioskApi: the same client object behind both bridges; it must never surface raw errors.
import { describe, expect, it } from 'vitest';
import { CHANNELS } from '../../../../shared/contract/channels';
import { createKioskApi, toResult } from '../../../../shared/contract/client';

describe('toResult', () => {
  it('passes well-formed envelopes through', () => {
    expect(toResult({ ok: true, data: { a: 1 } })).toEqual({ ok: true, data: { a: 1 } });
    expect(toResult({ ok: false, code: 'SESSION(0)' })).toEqual({ ok: false, code: 'SESSION(0)' });
  });

  it.each([null, undefined, 'boom', 42, { ok: false, code: 'ENOENT' }, { ok: 'yes' }, { code: 'USER(-1)' }])(
    'turns %j into INTERNAL',
    (raw) => {
      expect(toResult(raw)).toEqual({ ok: false, code: 'INTERNAL' });
    },
  );

  it('drops a failure message so no raw text reaches the screen', () => {
    expect(toResult({ ok: false, code: 'INTERNAL', message: 'ECONNREFUSED 10.0.0.1' })).toEqual({
      ok: false,
      code: 'INTERNAL',
    });
  });
});

describe('createKioskApi', () => {
  it('exposes exactly one method per contract channel and sends on that channel', async () => {
    const sent: Array<[string, unknown]> = [];
    const api = createKioskApi(async (channel, payload) => {
      sent.push([channel, payload]);
      return { ok: true, data: 'x' };
    });
    expect(Object.keys(api).sort()).toEqual(Object.keys(CHANNELS).sort());
    await expect(api.status()).resolves.toEqual({ ok: true, data: 'x' });
    expect(sent).toEqual([['kiosk:status', {}]]);
    expect(Object.isFrozen(api)).toBe(true);
  });

  it('maps a transport that throws to INTERNAL', async () => {
    const api = createKioskApi(async () => {
      throw new Error('socket hang up');
    });
    await expect(api.status()).resolves.toEqual({ ok: false, code: 'INTERNAL' });
  });
});
