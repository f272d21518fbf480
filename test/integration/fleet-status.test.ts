// Fleet status and control through the directory, with two kiosk backends on one real slapd:
// each writes its heartbeat entry; the helpdesk at one switches the whole fleet out of service
// and the other sees it within its check interval; one kiosk's own switch stays its own; and a
// kiosk that cannot reach the directory keeps its last known picture and says it is stale.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSlapd, type RunningSlapd } from '../../dev/slapd/throwaway-slapd';
import type { FleetView } from '../../electron/services/health/fleet-entries';
import { asAdmin } from '../support/directory-checks';
import { backendOn, signIn } from '../support/kiosk-people';
import { isOutOfService, signInOperator } from '../support/operator-console';
import { until } from '../support/until';

let slapd: RunningSlapd;
beforeAll(async () => {
  slapd = await startSlapd();
});
afterAll(async () => {
  await slapd?.stop();
});

const ctx = { clientIp: '127.0.0.1', transport: 'http' as const };
const kiosk = (kioskId: string) =>
  backendOn(slapd, { config: { kioskId, fleet: { checkSeconds: 5, heartbeatSeconds: 10 } }, fleetBeacon: true });
type Kiosk = ReturnType<typeof kiosk>;

const fleetOf = async (k: Kiosk) =>
  ((await k.dispatcher.dispatch('helpdesk:fleetStatus', {}, ctx)) as { ok: true; data: FleetView }).data;
const stateOf = (view: FleetView, id: string) => view.kiosks.find((k) => k.kioskId === id)?.state;

describe('fleet status and control through the directory', () => {
  it('shows every kiosk, switches the fleet and one kiosk, and keeps the last picture when the directory is away', async () => {
    const a = kiosk('counter-a');
    const b = kiosk('counter-b');
    try {
      await signInOperator(a);
      // Both heartbeats arrive; nothing personal is in them.
      let view = await until(
        'both heartbeats',
        () => fleetOf(a),
        (v) => v.kiosks.filter((k) => k.kioskId.startsWith('counter-')).length === 2,
      );
      expect(view).toMatchObject({ fleetOutOfService: false, stale: false });
      expect(stateOf(view, 'counter-b')).toBe('in-service');
      const entry = await asAdmin(
        slapd,
        async (c) => (await c.search(`cn=counter-b,ou=kiosks,${slapd.baseDn}`, { scope: 'base' })).searchEntries[0]!,
      );
      // The heartbeat never writes a switch.
      expect(
        Object.keys(entry)
          .filter((k) => k !== 'dn')
          .sort(),
      ).toEqual(['cn', 'mxKioskCounts', 'mxKioskLastSeen', 'mxKioskState', 'mxKioskVersion', 'objectClass']);

      // A person is signed in at b when the helpdesk at a switches the whole fleet off.
      await signIn(b, { id: 'z86001', name_en: 'FLEET,SWITCH' });
      expect(await a.dispatcher.dispatch('helpdesk:setOutOfService', { on: true, scope: 'fleet' }, ctx)).toEqual({
        ok: true,
        data: { on: true },
      });
      expect(await isOutOfService(a)).toBe(true);
      await until(
        'b out of service',
        () => isOutOfService(b),
        (off) => off,
        12_000,
      );
      expect(b.sessions.hasLive()).toBe(false);
      expect(await b.dispatcher.dispatch('ais:begin', { purpose: 'apply' }, ctx)).toEqual({
        ok: false,
        code: 'OUT_OF_SERVICE',
      });
      view = await until(
        'the fleet shows it',
        () => fleetOf(a),
        (v) => v.fleetOutOfService && stateOf(v, 'counter-b') === 'fleet-out-of-service',
      );
      expect(a.auditLines.map((l) => l.detail)).toContain('fleet out-of-service on');

      // Back in service: b is open before its next check, since a sign-in reads the switches first.
      await a.dispatcher.dispatch('helpdesk:setOutOfService', { on: false, scope: 'fleet' }, ctx);
      expect(await b.dispatcher.dispatch('ais:begin', { purpose: 'apply' }, ctx)).toMatchObject({ ok: true });

      // a's own switch is a's alone.
      await a.dispatcher.dispatch('helpdesk:setOutOfService', { on: true }, ctx);
      expect(await isOutOfService(a)).toBe(true);
      view = await until(
        'a shown off, b on',
        () => fleetOf(a),
        (v) => stateOf(v, 'counter-a') === 'out-of-service' && stateOf(v, 'counter-b') === 'in-service',
      );
      expect(await isOutOfService(b)).toBe(false);
      await a.dispatcher.dispatch('helpdesk:setOutOfService', { on: false }, ctx);
      expect(await isOutOfService(a)).toBe(false);

      // The directory goes away: the last picture, marked stale.
      await slapd.pause();
      try {
        const stale = await fleetOf(a);
        expect(stale.stale).toBe(true);
        expect(stale.kiosks.map((k) => k.kioskId)).toEqual(expect.arrayContaining(['counter-a', 'counter-b']));
      } finally {
        await slapd.resume();
      }
    } finally {
      await Promise.all([a.close(), b.close()]);
    }
  }, 60_000);

  it('keeps one entry when 30 heartbeats of a new kiosk and 30 fleet switches race in the same tick', async () => {
    const c = backendOn(slapd, { config: { kioskId: 'counter-c' } });
    try {
      const beats = await Promise.all(Array.from({ length: 30 }, () => c.fleet.heartbeat()));
      expect(beats.every(Boolean)).toBe(true);
      await Promise.all(Array.from({ length: 30 }, (_, i) => c.fleet.switchFleet(i % 2 === 0, 'racer')));
      const entries = await asAdmin(
        slapd,
        async (client) =>
          (await client.search(`ou=kiosks,${slapd.baseDn}`, { scope: 'one', filter: '(|(cn=counter-c)(cn=fleet))' }))
            .searchEntries,
      );
      expect(entries.map((e) => e.cn).sort()).toEqual(['counter-c', 'fleet']);
      await c.fleet.switchFleet(false, 'racer');
      expect(await isOutOfService(c)).toBe(false);
    } finally {
      await c.close();
    }
  });
});
