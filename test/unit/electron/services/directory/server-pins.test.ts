import { describe, expect, it } from 'vitest';
import { ServerPins } from '../../../../../electron/services/directory/server-pins';

const MINUTE = 60_000;

function pinsAt(start: number) {
  const clock = { at: start, now: () => clock.at };
  return { clock, pins: new ServerPins(clock) };
}

describe('ServerPins', () => {
  it('sends a person back to the server that took their write, for fifteen minutes', () => {
    const { clock, pins } = pinsAt(1_000_000);
    pins.pin('112233', 'ldap://provider-b');
    expect(pins.pinned('112233')).toBe('ldap://provider-b');
    expect(pins.pinned('445566')).toBeUndefined();
    clock.at += 15 * MINUTE - 1;
    expect(pins.pinned('112233')).toBe('ldap://provider-b');
    clock.at += 1;
    expect(pins.pinned('112233')).toBeUndefined();
  });

  it('moves a pin to the newest write and restarts its time', () => {
    const { clock, pins } = pinsAt(1_000_000);
    pins.pin('112233', 'ldap://provider-a');
    clock.at += 10 * MINUTE;
    pins.pin('112233', 'ldap://provider-b');
    clock.at += 10 * MINUTE;
    expect(pins.pinned('112233')).toBe('ldap://provider-b');
  });

  it('forgets expired pins when a new one is added, and keeps the live ones', () => {
    const { clock, pins } = pinsAt(1_000_000);
    pins.pin('old', 'ldap://provider-a');
    clock.at += 14 * MINUTE;
    pins.pin('newer', 'ldap://provider-a');
    clock.at += 2 * MINUTE;
    pins.pin('newest', 'ldap://provider-b');
    expect((pins as unknown as { recent: Map<string, unknown> }).recent.has('old')).toBe(false);
    expect(pins.pinned('newer')).toBe('ldap://provider-a');
    expect(pins.pinned('newest')).toBe('ldap://provider-b');
  });
});
