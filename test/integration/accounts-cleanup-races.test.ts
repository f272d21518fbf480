// Two counters on one directory, one of them cut off mid-creation, on real slapd through loopback
// proxies that cut, hold back or drop chosen messages. The cleanup of an ended attempt (its own
// retry, the sweeper, a takeover) removes only what that attempt wrote, as it wrote it: never the
// other counter's entry or claim, never the claim of a suspended account.
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { startSlapd, type RunningSlapd } from '../../dev/slapd/throwaway-slapd';
import { ABANDONED_AFTER_MS } from '../../electron/services/accounts/account-standing';
import { PASSWORD_MODIFY_OID } from '../../electron/services/directory/password-modify';
import { startCuttingProxy, type CuttingProxy } from '../support/cutting-proxy';
import { asAdmin, canBind, entriesForStaffId } from '../support/directory-checks';
import { backendOn, codeOf, signIn, STRONG_PASSWORD } from '../support/kiosk-people';

const has = (text: string) => (message: Buffer) => message.includes(Buffer.from(text));
/** The account's add request ([APPLICATION 8], after the message ID), not the claim's add that names it in seeAlso. */
const addOf = (dn: string) => (message: Buffer) =>
  message.includes(Buffer.from(dn)) &&
  !message.includes(Buffer.from('ou=claims')) &&
  message.subarray(2, 12).includes(0x68);

async function claimOf(slapd: RunningSlapd, staffId: string) {
  return asAdmin(slapd, async (c) => {
    const found = await c.search(`ou=claims,${slapd.baseDn}`, {
      filter: `(cn=${staffId})`,
      attributes: ['description', 'seeAlso'],
    });
    return found.searchEntries[0] ? [found.searchEntries[0].description].flat().map(String) : null;
  });
}

for (const path of ['add-then-modify', 'one-add'] as const) {
  describe(`a counter cut off mid-creation, the same person at another counter (${path})`, () => {
    let slapd: RunningSlapd;
    let proxyA: CuttingProxy;
    let proxyB: CuttingProxy;
    beforeAll(async () => {
      slapd = await startSlapd({ hashCleartext: path === 'one-add' });
      const upstream = new URL(slapd.ldapUrl);
      const start = () => startCuttingProxy({ host: upstream.hostname, port: Number(upstream.port) });
      [proxyA, proxyB] = await Promise.all([start(), start()]);
    });
    afterEach(() => {
      for (const proxy of [proxyA, proxyB]) {
        proxy.disarm();
        proxy.away(false);
      }
    });
    afterAll(async () => {
      await Promise.all([proxyA, proxyB].map((p) => p?.close()));
      await slapd?.stop();
    });
    const counter = (proxy: CuttingProxy, kioskId: string, clock?: { now(): number }) =>
      backendOn(slapd, {
        clock,
        urls: [proxy.url],
        config: { kioskId, directory: { allowPlainLdap: true, caFile: undefined, timeoutMs: 3000 } },
      });

    it('the cut-off counter’s cleanup and sweep leave the other counter’s entry and claim alone, even while its password is still on the way', async () => {
      const person = {
        id: path === 'one-add' ? 'z63001' : 'z63002',
        name_en: path === 'one-add' ? 'RACE,ONE-ADD' : 'RACE,TWO-STEP',
        name: '競賽',
      };
      const a = counter(proxyA, 'counter-a');
      // Counter B comes two minutes later, when A's claim is old enough to be taken over.
      const b = counter(proxyB, 'counter-b', { now: () => Date.now() + ABANDONED_AFTER_MS });
      try {
        const atA = await signIn(a, person);
        const [name] = await a.creation.candidates(atA);
        const dn = `uid=${name},ou=people,${slapd.baseDn}`;
        // A's account add never reaches slapd, and slapd stays away from A: A cannot learn what landed.
        proxyA.cutWhere(addOf(dn), 'drop', 'away');
        const codeA = await codeOf(
          a.creation.create(atA, { account: name!, password: STRONG_PASSWORD, confirm: STRONG_PASSWORD }, '127.0.0.1'),
        );
        expect(proxyA.cut).toBe(true);
        expect(['ACCOUNT_MAY_EXIST', 'DIRECTORY_UNAVAILABLE']).toContain(codeA);
        const claimA = await claimOf(slapd, person.id);
        expect(claimA?.some((d) => d.includes('counter-a'))).toBe(true);

        // The person tries again at B, whose password step (or add) is held back 3 s.
        const atB = await signIn(b, person, 'apply', Date.now() + ABANDONED_AFTER_MS);
        const [nameB] = await b.creation.candidates(atB);
        expect(nameB).toBe(name);
        proxyB.hold(path === 'one-add' ? addOf(dn) : has(PASSWORD_MODIFY_OID), 3000);
        const creatingB = codeOf(
          b.creation.create(atB, { account: name!, password: STRONG_PASSWORD, confirm: STRONG_PASSWORD }, '127.0.0.1'),
        );
        let doneB = false;
        void creatingB.then(() => (doneB = true));
        // Wait until B's held message is waiting (its claim taken over, its entry added without a password yet on the two-step path).
        for (let i = 0; i < 200 && !proxyB.held; i += 1) await new Promise((r) => setTimeout(r, 10));
        expect(proxyB.held).toBe(true);
        const claimB = await claimOf(slapd, person.id);
        expect(claimB?.some((d) => d.includes('counter-b'))).toBe(true);
        if (path === 'add-then-modify')
          expect((await entriesForStaffId(slapd, person.id)).map((e) => [e.userPassword ?? []].flat().length)).toEqual([
            0,
          ]);

        // A is back: its own leftovers and a whole sweep run while B's password is still held.
        proxyA.away(false);
        await a.sweeper.sweep();
        expect(doneB).toBe(false);
        expect(await claimOf(slapd, person.id)).toEqual(claimB);
        expect(await entriesForStaffId(slapd, person.id)).toHaveLength(path === 'add-then-modify' ? 1 : 0);
        expect(a.auditLines.filter((l) => l.action === 'cleanup')).toEqual([]);

        expect(await creatingB).toBe('ok');
        const [entry] = await entriesForStaffId(slapd, person.id);
        expect(await canBind(slapd, entry!.dn, STRONG_PASSWORD)).toBe(true);
        expect(await claimOf(slapd, person.id)).toEqual(expect.arrayContaining(claimB!));
        // And after B has finished, A's sweep still leaves the account and its claim.
        await a.sweeper.sweep();
        expect(await entriesForStaffId(slapd, person.id)).toHaveLength(1);
        expect((await claimOf(slapd, person.id))?.some((d) => d.includes('counter-b'))).toBe(true);
      } finally {
        await Promise.all([a.close(), b.close()]);
      }
    });
  });
}

describe('a suspended account’s claim', () => {
  let slapd: RunningSlapd;
  beforeAll(async () => {
    slapd = await startSlapd();
  });
  afterAll(() => slapd?.stop());

  it('stays through every sweep: the account is found by staff ID in ou=suspended, not through seeAlso', async () => {
    // The fixture's suspended person (z10002); the claim still names the account where it was made.
    const old = Math.floor(Date.now() / 1000) - 3600;
    const claimed = `claimed(${old},counter-x,0a0b0c0d.1)`;
    await asAdmin(slapd, (c) =>
      c.add(`cn=z10002,ou=claims,${slapd.baseDn}`, {
        objectClass: 'applicationProcess',
        cn: 'z10002',
        seeAlso: `uid=cychen,ou=people,${slapd.baseDn}`,
        description: [claimed, `mailbox(${old})`],
      }),
    );
    const backend = backendOn(slapd, { clock: { now: () => Date.now() + 10 * ABANDONED_AFTER_MS } });
    try {
      await backend.sweeper.sweep();
      expect(await claimOf(slapd, 'z10002')).toEqual(expect.arrayContaining([claimed]));
      expect(backend.auditLines.filter((l) => l.action === 'cleanup')).toEqual([]);
      // The person is told they are suspended, not that an application is in progress.
      const session = await signIn(
        backend,
        { id: 'z10002', name_en: 'CHEN,CHIH-YUAN', name: '陳志遠' },
        'apply',
        Date.now() + 10 * ABANDONED_AFTER_MS,
      );
      expect(await codeOf(backend.creation.check(session))).toBe('USER(-3)');
    } finally {
      await backend.close();
    }
  });
});
