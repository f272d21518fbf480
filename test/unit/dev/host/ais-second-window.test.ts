// The browser host's second-window launcher: AIS is reachable only while a sign-in waits, and the
// waiting kiosk page is answered by the handoff that window brings back.
import { describe, expect, it } from 'vitest';
import { AisSecondWindow } from '../../../../dev/host/ais-second-window';
import type { AisSignIn } from '../../../../electron/services/ais/ais-sign-in';
import { KioskError } from '../../../../electron/services/kiosk-error';

const LOGIN = 'http://127.0.0.1:9/login';

function launcher(refuseWith?: KioskError) {
  const handoffs: Array<[unknown, readonly string[]]> = [];
  const signIn = {
    completeHandoff(token: unknown, ips: readonly string[]) {
      handoffs.push([token, ips]);
      if (refuseWith) throw refuseWith;
    },
  } as unknown as AisSignIn;
  return { window: new AisSecondWindow(signIn, LOGIN), handoffs };
}

describe('AisSecondWindow', () => {
  it('leads a window that came before the sign-in began to AIS once it begins', async () => {
    const { window } = launcher();
    // Far longer than the test may take: only the beginning sign-in can answer it in time.
    const early = window.loginUrlWhenWaiting(60_000);
    void window.launch();
    expect(await early).toBe(LOGIN);
  });

  it('leads nowhere when no sign-in begins in time, and takes no token then', async () => {
    const { window, handoffs } = launcher();
    expect(await window.loginUrlWhenWaiting(20)).toBeNull();
    expect(window.takeHandoff('token', '127.0.0.1')).toBe('SESSION(0)');
    expect(handoffs).toEqual([]);
  });

  it('answers the waiting kiosk with completed when the handoff arrives, once', async () => {
    const { window, handoffs } = launcher();
    const outcome = window.launch();
    expect(window.takeHandoff('token', '127.0.0.1')).toBeNull();
    await expect(outcome).resolves.toEqual({ kind: 'completed' });
    expect(handoffs).toEqual([['token', ['127.0.0.1']]]);
    expect(window.takeHandoff('token', '127.0.0.1')).toBe('SESSION(0)');
  });

  it('passes a refused handoff to the kiosk as its code', async () => {
    const { window } = launcher(new KioskError('DECRYPT(-3)'));
    const outcome = window.launch();
    expect(window.takeHandoff('token', '127.0.0.1')).toBe('DECRYPT(-3)');
    await expect(outcome).rejects.toMatchObject({ code: 'DECRYPT(-3)' });
  });

  it('ends the wait on cancel (a wipe, or "back to the kiosk")', async () => {
    const { window } = launcher();
    const outcome = window.launch();
    expect(window.cancel()).toBe(true);
    await expect(outcome).resolves.toEqual({ kind: 'cancelled' });
    expect(window.cancel()).toBe(false);
    expect(await window.loginUrlWhenWaiting(0)).toBeNull();
  });
});
