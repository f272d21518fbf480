// The IPC door: only the app:// top frame may call, and every call goes through the dispatcher.
import { describe, expect, it } from 'vitest';
import { isTrustedSender, registerIpcDoor } from '../../../../electron/main/ipc-door';
import { silentLogger } from '../../../../electron/services/logger';
import { statusOnlyDispatcher } from '../../../support/status-dispatcher';

type Frame = { url: string; parent: unknown } | null;
const event = (frame: Frame) => ({ senderFrame: frame }) as never;
const top = (url: string): Frame => ({ url, parent: null });

describe('isTrustedSender', () => {
  it('trusts only the app://kiosk top frame', () => {
    expect(isTrustedSender(event(top('app://kiosk/index.html')))).toBe(true);
    expect(isTrustedSender(event({ url: 'app://kiosk/index.html', parent: {} }))).toBe(false);
    expect(isTrustedSender(event(top('https://ais.example/portal')))).toBe(false);
    expect(isTrustedSender(event(top('app://kiosk.evil/index.html')))).toBe(false);
    expect(isTrustedSender(event(top('file:///index.html')))).toBe(false);
    expect(isTrustedSender(event(top('')))).toBe(false);
    expect(isTrustedSender(event(null))).toBe(false);
  });
});

describe('registerIpcDoor', () => {
  function setup() {
    const handlers = new Map<string, (e: unknown, p: unknown) => Promise<unknown>>();
    let calls = 0;
    const dispatcher = statusOnlyDispatcher('k', () => {
      calls += 1;
    });
    registerIpcDoor({ handle: (c: string, fn: never) => handlers.set(c, fn) } as never, dispatcher, silentLogger);
    return { handlers, calls: () => calls };
  }

  it('refuses a foreign frame with FORBIDDEN before the handler runs', async () => {
    const { handlers, calls } = setup();
    const result = await handlers.get('kiosk:status')!(event(top('https://evil.example/')), {});
    expect(result).toEqual({ ok: false, code: 'FORBIDDEN' });
    expect(calls()).toBe(0);
  });

  it('dispatches a trusted call with schema validation', async () => {
    const { handlers, calls } = setup();
    await expect(handlers.get('kiosk:status')!(event(top('app://kiosk/index.html')), {})).resolves.toMatchObject({
      ok: true,
    });
    await expect(handlers.get('kiosk:status')!(event(top('app://kiosk/index.html')), { evil: true })).resolves.toEqual({
      ok: false,
      code: 'BAD_REQUEST',
    });
    expect(calls()).toBe(1);
  });
});
