// One directory account per kiosk, under build/ldap/mx-kiosk-access.ldif as shipped, on a real
// slapd: kiosk A's account cannot add, change or delete kiosk B's fleet entry, nor write the
// fleet switch (the console says SWITCH_NOT_ALLOWED), while its rights are enough for every step
// of a creation, a reset, its heartbeat and its own switch.
import { Attribute, Change, Client } from 'ldapts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIXTURE } from '../../dev/slapd/fixture-directory';
import { startSlapd, type RunningSlapd } from '../../dev/slapd/throwaway-slapd';
import { sshaHash } from '../../dev/slapd/ssha';
import { asAdmin, canBind } from '../support/directory-checks';
import { request } from '../support/fleet-kiosks';
import { backendOn, codeOf, signIn, STRONG_PASSWORD } from '../support/kiosk-people';

const b = FIXTURE.baseDn;
const accountOf = (kioskId: string) => `cn=${kioskId},ou=kiosks,ou=services,${b}`;
const entryOf = (kioskId: string) => `cn=${kioskId},ou=kiosks,${b}`;
const ctx = { clientIp: '127.0.0.1', transport: 'http' as const };

let slapd: RunningSlapd;
beforeAll(async () => {
  slapd = await startSlapd();
  await asAdmin(slapd, async (c) => {
    await c.add(`ou=kiosks,ou=services,${b}`, { objectClass: 'organizationalUnit', ou: 'kiosks' });
    for (const kioskId of ['kiosk-a', 'kiosk-b']) {
      await c.add(accountOf(kioskId), {
        objectClass: ['organizationalRole', 'simpleSecurityObject'],
        cn: kioskId,
        userPassword: sshaHash(slapd.servicePassword),
      });
    }
    await c.add(entryOf('fleet'), { objectClass: 'mxKiosk', cn: 'fleet', mxKioskOutOfService: 'FALSE' });
  });
});
afterAll(async () => {
  await slapd?.stop();
});

const kiosk = (kioskId: string) => backendOn(slapd, { config: { kioskId, directory: { bindDn: accountOf(kioskId) } } });

/** What the directory answers kiosk A's account when it tries fn (ok, or the LDAP error's name). */
async function asKioskA(fn: (client: Client) => Promise<unknown>): Promise<string> {
  const client = new Client({ url: slapd.ldapUrl });
  try {
    await client.bind(accountOf('kiosk-a'), slapd.servicePassword);
    await fn(client);
    return 'ok';
  } catch (error) {
    return (error as Error).constructor.name;
  } finally {
    await client.unbind();
  }
}

const replace = (type: string, value: string) => [
  new Change({ operation: 'replace', modification: new Attribute({ type, values: [value] }) }),
];

describe('a service account per kiosk', () => {
  it("lets kiosk A write only its own fleet entry: not kiosk B's, not a new one under another name, not the fleet switch", async () => {
    const [a, bee] = [kiosk('kiosk-a'), kiosk('kiosk-b')];
    try {
      expect(await Promise.all([a.fleet.heartbeat(), bee.fleet.heartbeat()])).toEqual([true, true]);
      expect(await asKioskA((c) => c.modify(entryOf('kiosk-b'), replace('mxKioskOutOfService', 'TRUE')))).toBe(
        'InsufficientAccessError',
      );
      expect(await asKioskA((c) => c.modify(entryOf('kiosk-b'), replace('mxKioskState', 'in-service')))).toBe(
        'InsufficientAccessError',
      );
      expect(await asKioskA((c) => c.del(entryOf('kiosk-b')))).toBe('InsufficientAccessError');
      expect(await asKioskA((c) => c.add(entryOf('kiosk-c'), { objectClass: 'mxKiosk', cn: 'kiosk-c' }))).toBe(
        'InsufficientAccessError',
      );
      expect(await asKioskA((c) => c.modify(entryOf('fleet'), replace('mxKioskOutOfService', 'TRUE')))).toBe(
        'InsufficientAccessError',
      );
      // Its own entry, and reading everyone's, it may.
      expect(await asKioskA((c) => c.modify(entryOf('kiosk-a'), replace('mxKioskState', 'in-service')))).toBe('ok');
      expect(
        await asKioskA(async (c) =>
          expect((await c.search(`ou=kiosks,${b}`, { scope: 'one' })).searchEntries.length).toBe(3),
        ),
      ).toBe('ok');

      // Through the console: its own switch works, the fleet's is refused with a clear code.
      const op = FIXTURE.operators.member;
      expect(await a.dispatcher.dispatch('operator:signIn', { uid: op.uid, password: op.password }, ctx)).toMatchObject(
        { ok: true },
      );
      expect(await a.dispatcher.dispatch('helpdesk:setOutOfService', { on: true }, ctx)).toEqual({
        ok: true,
        data: { on: true },
      });
      expect(await a.dispatcher.dispatch('helpdesk:setOutOfService', { on: true, scope: 'fleet' }, ctx)).toEqual({
        ok: false,
        code: 'SWITCH_NOT_ALLOWED',
      });
      expect(await a.dispatcher.dispatch('helpdesk:setOutOfService', { on: false }, ctx)).toEqual({
        ok: true,
        data: { on: false },
      });
      const fleet = await asAdmin(
        slapd,
        async (c) => (await c.search(entryOf('fleet'), { scope: 'base' })).searchEntries[0],
      );
      expect(fleet).toMatchObject({ mxKioskOutOfService: 'FALSE' });
    } finally {
      await Promise.all([a.close(), bee.close()]);
    }
  });

  it('has every right a creation and a reset need', async () => {
    const a = kiosk('kiosk-a');
    try {
      const who = { id: 'z88001', name_en: 'LIN,PER-KIOSK', name: '林個機' };
      const session = await signIn(a, who);
      const [name] = await a.creation.candidates(session);
      await expect(a.creation.create(session, request(name!), '127.0.0.1')).resolves.toMatchObject({ uid: name });
      expect(await canBind(slapd, `uid=${name},ou=people,${b}`, STRONG_PASSWORD)).toBe(true);

      const second = 'Qz4!mWp8#Lr2vKx6';
      const again = await signIn(a, who, 'reset');
      expect(await codeOf(a.reset.resetPassword(again, { password: second, confirm: second }))).toBe('ok');
      expect(await canBind(slapd, `uid=${name},ou=people,${b}`, second)).toBe(true);
      expect(
        a.auditLines.filter((l) => l.action === 'create' || l.action === 'reset').map((l) => [l.action, l.result]),
      ).toEqual([
        ['create', 'ok'],
        ['reset', 'ok'],
      ]);
    } finally {
      await a.close();
    }
  });
});
