// The AIS reachability line: any HTTP answer is online; a refusal or a timeout is offline.
import { describe, expect, it } from 'vitest';
import { probeAis } from '../../../../../electron/services/ais/ais-health';

describe('probeAis', () => {
  it('is online for any HTTP reply, even an error status', async () => {
    expect(await probeAis('https://ais.example.edu/', async () => new Response('', { status: 403 }))).toBe('online');
  });

  it('is offline when the request fails', async () => {
    expect(await probeAis('https://ais.example.edu/', async () => Promise.reject(new Error('ECONNREFUSED')))).toBe(
      'offline',
    );
  });

  it('gives up after the timeout', async () => {
    const never = (_u: string, init: { signal: AbortSignal }) =>
      new Promise((_r, reject) => init.signal.addEventListener('abort', () => reject(init.signal.reason)));
    const started = Date.now();
    expect(await probeAis('https://ais.example.edu/', never, 50)).toBe('offline');
    expect(Date.now() - started).toBeLessThan(2000);
  });

  it('really reaches a closed loopback port as offline', async () => {
    expect(await probeAis('http://127.0.0.1:9/', fetch as never, 2000)).toBe('offline');
  });
});
