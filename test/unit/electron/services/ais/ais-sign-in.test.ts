// AisSignIn: purpose carried through the launcher, the previous person's session ended first.
import { describe, expect, it } from 'vitest';
import type { AisLauncher } from '../../../../../electron/services/ais/ais-sign-in';
import { KioskError } from '../../../../../electron/services/kiosk-error';
import { aisSignInAt, mint, T0 } from '../../../../support/ais-tokens';

function setup() {
  const { sessions, signIn } = aisSignInAt({ now: () => T0 * 1000 });
  const launcher: AisLauncher = {
    launch: async () => ({ kind: 'redirect', url: 'https://ais.example.edu/' }),
    cancel: () => false,
  };
  return { sessions, signIn, launcher };
}

describe('AisSignIn', () => {
  it('starts the session with the purpose chosen before AIS', async () => {
    const { sessions, signIn, launcher } = setup();
    await expect(signIn.begin('reset', launcher)).resolves.toEqual({
      kind: 'redirect',
      url: 'https://ais.example.edu/',
    });
    signIn.completeHandoff(mint(), ['192.0.2.10']);
    expect(sessions.require().purpose).toBe('reset');
  });

  it('ends the previous person’s session as soon as a new sign-in begins', async () => {
    const { sessions, signIn, launcher } = setup();
    signIn.completeHandoff(mint(), ['192.0.2.10']);
    expect(sessions.hasLive()).toBe(true);
    await signIn.begin('apply', launcher);
    expect(sessions.hasLive()).toBe(false);
  });

  it('defaults to applying when AIS sends someone straight to the portal', () => {
    const { sessions, signIn } = setup();
    signIn.completeHandoff(mint(), ['192.0.2.10']);
    expect(sessions.require().purpose).toBe('apply');
  });

  it('starts no session for a refused token and rethrows its code', async () => {
    const { sessions, signIn, launcher } = setup();
    await signIn.begin('reset', launcher);
    expect(() => signIn.completeHandoff(mint({ condition: '離職' }), ['192.0.2.10'])).toThrow(KioskError);
    expect(sessions.hasLive()).toBe(false);
    // The purpose does not linger for the next person.
    signIn.completeHandoff(mint(), ['192.0.2.10']);
    expect(sessions.require().purpose).toBe('apply');
  });
});
