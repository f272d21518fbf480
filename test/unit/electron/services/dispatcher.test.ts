// The one door: schema checks both ways, error mapping, and nothing raw leaking to the caller.
import { describe, expect, it } from 'vitest';
import { Dispatcher, type CallContext } from '../../../../electron/services/dispatcher';
import { KioskError } from '../../../../electron/services/kiosk-error';
import type { Logger } from '../../../../electron/services/logger';

const ctx: CallContext = { clientIp: '127.0.0.1', transport: 'http' };
const status = {
  appVersion: '1',
  kioskId: 'k',
  directory: { state: 'online', serversConfigured: 1, serversReachable: 1 },
  ais: { state: 'online' },
  outOfService: false,
} as const;

function recordingLogger() {
  const lines: Array<[string, string, unknown]> = [];
  const log = (level: string) => (message: string, fields?: unknown) => lines.push([level, message, fields]);
  const logger: Logger = { debug: log('debug'), info: log('info'), warn: log('warn'), error: log('error') };
  return { logger, lines };
}

describe('Dispatcher', () => {
  it('answers an unknown or non-string channel with UNKNOWN_CHANNEL', async () => {
    const d = new Dispatcher(recordingLogger().logger);
    d.handle('status', async () => status);
    await expect(d.dispatch('kiosk:shutdown', {}, ctx)).resolves.toEqual({ ok: false, code: 'UNKNOWN_CHANNEL' });
    await expect(d.dispatch({ toString: () => 'kiosk:status' }, {}, ctx)).resolves.toEqual({
      ok: false,
      code: 'UNKNOWN_CHANNEL',
    });
    await expect(d.dispatch('__proto__', {}, ctx)).resolves.toEqual({ ok: false, code: 'UNKNOWN_CHANNEL' });
  });

  it('answers a known channel without handler with UNKNOWN_CHANNEL', async () => {
    const d = new Dispatcher(recordingLogger().logger);
    await expect(d.dispatch('kiosk:status', {}, ctx)).resolves.toEqual({ ok: false, code: 'UNKNOWN_CHANNEL' });
    expect(d.missingHandlers()).toContain('status');
    d.handle('status', async () => status);
    expect(d.missingHandlers()).not.toContain('status');
  });

  it('rejects a payload the schema refuses, before the handler runs', async () => {
    const d = new Dispatcher(recordingLogger().logger);
    let called = false;
    d.handle('status', async () => {
      called = true;
      return status;
    });
    for (const bad of [{ extra: 1 }, 'text', 7, []]) {
      await expect(d.dispatch('kiosk:status', bad, ctx)).resolves.toEqual({ ok: false, code: 'BAD_REQUEST' });
    }
    expect(called).toBe(false);
  });

  it('wraps a handler value as ok and strips fields the contract does not name', async () => {
    const d = new Dispatcher(recordingLogger().logger);
    d.handle('status', async () => ({
      ...status,
      bindPassword: 'leak',
      directory: { ...status.directory, url: 'ldaps://x' },
    }));
    const result = await d.dispatch('kiosk:status', {}, ctx);
    expect(result).toEqual({ ok: true, data: status });
    expect(JSON.stringify(result)).not.toContain('leak');
  });

  it('passes the transport-established context to the handler', async () => {
    const d = new Dispatcher(recordingLogger().logger);
    let seen: CallContext | undefined;
    d.handle('status', async (_req, context) => {
      seen = context;
      return status;
    });
    await d.dispatch('kiosk:status', {}, ctx);
    expect(seen).toEqual(ctx);
  });

  it('maps a KioskError to its code', async () => {
    const d = new Dispatcher(recordingLogger().logger);
    d.handle('status', async () => {
      throw new KioskError('SESSION(0)', 'no session for this kiosk');
    });
    await expect(d.dispatch('kiosk:status', {}, ctx)).resolves.toEqual({ ok: false, code: 'SESSION(0)' });
  });

  it('maps any other failure to INTERNAL and keeps its text in the log only', async () => {
    const { logger, lines } = recordingLogger();
    const d = new Dispatcher(logger);
    d.handle('status', async () => {
      throw new Error('connect ECONNREFUSED 10.1.2.3:636');
    });
    const result = await d.dispatch('kiosk:status', {}, ctx);
    expect(result).toEqual({ ok: false, code: 'INTERNAL' });
    expect(JSON.stringify(result)).not.toContain('ECONNREFUSED');
    const logged = lines.find(([level]) => level === 'error')?.[2] as { error: Error } | undefined;
    expect(logged?.error.message).toContain('ECONNREFUSED');
  });

  it('maps a response that breaks the contract to INTERNAL', async () => {
    const d = new Dispatcher(recordingLogger().logger);
    d.handle('status', async () => ({ ...status, directory: { ...status.directory, state: 'maybe' } }) as never);
    await expect(d.dispatch('kiosk:status', {}, ctx)).resolves.toEqual({ ok: false, code: 'INTERNAL' });
  });

  it('refuses a second handler for the same method', () => {
    const d = new Dispatcher(recordingLogger().logger);
    d.handle('status', async () => status);
    expect(() => d.handle('status', async () => status)).toThrow(/twice/);
  });
});
