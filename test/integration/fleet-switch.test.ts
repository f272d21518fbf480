// The out-of-service switch holds, on a real slapd: one set by hand with ldapmodify stays set
// through the kiosk's heartbeats and takes the kiosk out of service; a read answered late (held
// by a proxy) cannot turn back a switch the kiosk wrote after that read began; racing consoles
// leave one switch, named by whoever set it; and the console shows who switched what and when.
import { Attribute, Change } from 'ldapts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIXTURE } from '../../dev/slapd/fixture-directory';
import { startSlapd, type RunningSlapd } from '../../dev/slapd/throwaway-slapd';
import type { FleetView } from '../../electron/services/health/fleet-entries';
import { startCuttingProxy, type CuttingProxy } from '../support/cutting-proxy';
import { asAdmin } from '../support/directory-checks';
import { backendOn, signIn } from '../support/kiosk-people';
import { isOutOfService, signInOperator } from '../support/operator-console';
import { until } from '../support/until';

let slapd: RunningSlapd;
let proxy: CuttingProxy;
beforeAll(async () => {
  slapd = await startSlapd();
  proxy = await startCuttingProxy({ host: '127.0.0.1', port: Number(new URL(slapd.ldapUrl).port) });
});
afterAll(async () => {
  await proxy?.close();
  await slapd?.stop();
});

const ctx = { clientIp: '127.0.0.1', transport: 'http' as const };
const plain = { allowPlainLdap: true, caFile: undefined };
/** Reads through the proxy, writes straight to slapd: only the reads can be held back. */
const kiosk = (kioskId: string) =>
  backendOn(slapd, {
    config: { kioskId, directory: { urls: undefined, read: [proxy.url], write: [slapd.ldapUrl], ...plain } },
  });

const switchIn = (kioskId: string) =>
  asAdmin(
    slapd,
    async (c) =>
      (
        await c.search(`cn=${kioskId},ou=kiosks,${slapd.baseDn}`, {
          scope: 'base',
          attributes: ['mxKioskOutOfService', 'mxKioskState'],
        })
      ).searchEntries[0],
  );
const setByHand = (kioskId: string, value: string) =>
  asAdmin(slapd, (c) =>
    c.modify(`cn=${kioskId},ou=kiosks,${slapd.baseDn}`, [
      new Change({
        operation: 'replace',
        modification: new Attribute({ type: 'mxKioskOutOfService', values: [value] }),
      }),
    ]),
  );

describe('the out-of-service switch holds', () => {
  it('set with ldapmodify, it survives the heartbeats and takes the kiosk out of service, wiping the person there', async () => {
    const k = kiosk('switch-a');
    try {
      expect(await k.fleet.heartbeat()).toBe(true);
      await setByHand('switch-a', 'TRUE');
      await signIn(k, { id: 'z87001', name_en: 'HAND,SET' });
      // The heartbeat fires before the next check, as it did when it overwrote the switch.
      expect(await k.fleet.heartbeat()).toBe(true);
      expect(await switchIn('switch-a')).toMatchObject({ mxKioskOutOfService: 'TRUE' });
      await k.fleet.refresh();
      expect(await isOutOfService(k)).toBe(true);
      expect(k.sessions.hasLive()).toBe(false);
      expect(await k.fleet.heartbeat()).toBe(true);
      expect(await switchIn('switch-a')).toMatchObject({ mxKioskOutOfService: 'TRUE', mxKioskState: 'out-of-service' });
      // Switched back by hand: the kiosk follows the directory again.
      await setByHand('switch-a', 'FALSE');
      await k.fleet.refresh();
      expect(await isOutOfService(k)).toBe(false);
    } finally {
      await k.close();
    }
  });

  it('drops a read that began before its own switch and was answered after it, so the switch stays on here and in the directory', async () => {
    const k = kiosk('switch-b');
    try {
      await signInOperator(k);
      await k.fleet.refresh();
      expect(await isOutOfService(k)).toBe(false);
      proxy.holdAnswers();
      const before = proxy.count;
      const late = k.fleet.refresh();
      await until(
        'the read sent',
        async () => proxy.count,
        (n) => n > before,
      );
      expect(await k.dispatcher.dispatch('helpdesk:setOutOfService', { on: true }, ctx)).toEqual({
        ok: true,
        data: { on: true },
      });
      proxy.releaseAnswers();
      await late;
      expect(await isOutOfService(k)).toBe(true);
      expect(await switchIn('switch-b')).toMatchObject({ mxKioskOutOfService: 'TRUE' });
      // Later reads and beats agree: nothing turned it back.
      await k.fleet.refresh();
      await k.fleet.heartbeat();
      expect(await isOutOfService(k)).toBe(true);
      expect(await switchIn('switch-b')).toMatchObject({ mxKioskOutOfService: 'TRUE', mxKioskState: 'out-of-service' });
    } finally {
      proxy.releaseAnswers();
      await k.close();
    }
  });

  it('lets one of two consoles racing on the fleet switch write it, and shows who switched it, from where and when', async () => {
    const a = kiosk('switch-c');
    const b = kiosk('switch-d');
    try {
      await Promise.all([signInOperator(a), signInOperator(b)]);
      const [fromA, fromB] = await Promise.all([a.fleet.switchFleet(true, 'op-a'), b.fleet.switchFleet(true, 'op-b')]);
      expect([fromA.changed, fromB.changed].filter(Boolean)).toHaveLength(1);
      const winner = fromA.changed ? 'switch-c' : 'switch-d';
      // The loser reports what stands, named after the winner.
      expect(fromA.mark).toEqual(fromB.mark);
      expect(fromA.mark).toMatchObject({ on: true, by: fromA.changed ? 'op-a' : 'op-b', from: winner });
      const view = ((await a.dispatcher.dispatch('helpdesk:fleetStatus', {}, ctx)) as { ok: true; data: FleetView })
        .data;
      expect(view.fleetSwitch).toEqual(fromA.mark);
      expect(Date.parse(view.fleetSwitch.at!)).not.toBeNaN();

      // Through the console: audited on the kiosk that did it, with the operator's uid.
      expect(await a.dispatcher.dispatch('helpdesk:setOutOfService', { on: false, scope: 'fleet' }, ctx)).toEqual({
        ok: true,
        data: { on: false },
      });
      expect(a.auditLines.filter((l) => l.action === 'operator').map((l) => [l.operator, l.detail])).toContainEqual([
        FIXTURE.operators.member.uid,
        'fleet out-of-service off',
      ]);
      // Already off: said so, and written over nothing.
      await b.dispatcher.dispatch('helpdesk:setOutOfService', { on: false, scope: 'fleet' }, ctx);
      expect(b.auditLines.at(-1)?.detail).toMatch(
        new RegExp(`^fleet out-of-service off: already, by ${FIXTURE.operators.member.uid} from switch-c at `),
      );
      expect(await isOutOfService(b)).toBe(false);
    } finally {
      await Promise.all([a.close(), b.close()]);
    }
  });
});
