// Twenty kiosks at once against one real slapd: overlapping names and one staff ID at many
// counters. The directory must end with unique uids, unique uidNumbers and one account per person.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIXTURE } from '../../dev/slapd/fixture-directory';
import { startSlapd, type RunningSlapd } from '../../dev/slapd/throwaway-slapd';
import { asAdmin } from '../support/directory-checks';
import { backendOn, codeOf, signIn, STRONG_PASSWORD } from '../support/kiosk-people';
import { testRater } from '../support/test-config';

let slapd: RunningSlapd;
beforeAll(async () => {
  slapd = await startSlapd();
});
afterAll(() => slapd?.stop());

const KIOSKS = 20;
const request = (account: string) => ({ account, password: STRONG_PASSWORD, confirm: STRONG_PASSWORD });

async function allAccounts() {
  return asAdmin(
    slapd,
    async (c) =>
      (
        await c.search(`ou=people,${FIXTURE.baseDn}`, {
          filter: '(objectClass=posixAccount)',
          attributes: ['uid', 'uidNumber', 'sn'],
        })
      ).searchEntries,
  );
}

describe(`${KIOSKS} concurrent creations`, () => {
  it('give overlapping names to different people without a duplicate uid or uidNumber', async () => {
    const kiosks = Array.from({ length: KIOSKS }, () => backendOn(slapd));
    const outcomes = await Promise.all(
      kiosks.map(async (backend, i) => {
        const session = await signIn(backend, {
          id: `z3${String(i).padStart(4, '0')}`,
          name_en: 'CHEN,YI-TING',
          name: '陳怡婷',
        });
        let names = await backend.creation.candidates(session);
        // Everyone aims at the same three names; whoever loses picks again from a fresh list
        // (spread by kiosk, as people choosing would be, rather than all on its first name).
        let choice = names[i % 3]!;
        for (let attempt = 0; attempt < 8; attempt += 1) {
          try {
            return (await backend.creation.create(session, request(choice), '127.0.0.1')).uid;
          } catch (error) {
            if ((error as { code?: string }).code !== 'NAME_TAKEN') throw error;
            names = await backend.creation.candidates(session);
            choice = names[(i + attempt) % names.length]!;
          }
        }
        return null;
      }),
    );
    await Promise.all(kiosks.map((k) => k.close()));

    const made = (await allAccounts()).filter((e) => String(e.sn).startsWith('z3'));
    expect(outcomes.filter(Boolean)).toHaveLength(KIOSKS);
    expect(made).toHaveLength(KIOSKS);
    expect(new Set(made.map((e) => e.uid)).size).toBe(KIOSKS);
    expect(new Set(made.map((e) => e.uidNumber)).size).toBe(KIOSKS);
    expect(new Set(made.map((e) => e.sn)).size).toBe(KIOSKS);
    // And no number was handed out twice across the whole directory either.
    const everyone = await allAccounts();
    expect(new Set(everyone.map((e) => e.uidNumber)).size).toBe(everyone.length);
  });

  it('make at most one account for the same staff ID at twenty counters', async () => {
    const kiosks = Array.from({ length: KIOSKS }, () => backendOn(slapd));
    const results = await Promise.allSettled(
      kiosks.map(async (backend, i) => {
        const session = await signIn(backend, { id: 'z40000', name_en: 'LIU,CHIA-HAO', name: '劉家豪' });
        const names = await backend.creation.candidates(session);
        return backend.creation.create(session, request(names[i % names.length]!), '127.0.0.1');
      }),
    );
    await Promise.all(kiosks.map((k) => k.close()));

    const accounts = (await allAccounts()).filter((e) => e.sn === 'z40000');
    expect(accounts).toHaveLength(1);
    expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
    const codes = results.flatMap((r) => (r.status === 'rejected' ? [(r.reason as { code: string }).code] : []));
    // The others are told the person has a mailbox, or that it is being made right now: the claim
    // on the staff ID is taken before any name, so nobody loses a name race to themselves.
    for (const code of codes) expect(['USER(-1)', 'APPLICATION_IN_PROGRESS']).toContain(code);
    expect(codes).toHaveLength(KIOSKS - 1);
  });

  it('take an abandoned claim over once: one account, with its own claim, when twenty counters find it together', async () => {
    // A claim from a creation that stopped ten minutes ago, with no account behind it. Every
    // counter reads it as abandoned while its password is rated; only one may replace it.
    const staffId = 'z40600';
    const claimDn = `cn=${staffId},ou=claims,${slapd.baseDn}`;
    await asAdmin(slapd, (c) =>
      c.add(claimDn, {
        objectClass: 'applicationProcess',
        cn: staffId,
        seeAlso: `uid=nevermade,ou=people,${slapd.baseDn}`,
        description: `claimed(${Math.floor(Date.now() / 1000) - 600},counter-9)`,
      }),
    );
    const kiosks = Array.from({ length: KIOSKS }, () => backendOn(slapd));
    const sessions = await Promise.all(
      kiosks.map((b) => signIn(b, { id: staffId, name_en: 'HUANG,SHU-FEN', name: '黃淑芬' })),
    );
    const names = await Promise.all(kiosks.map((b, i) => b.creation.candidates(sessions[i]!)));
    const results = await Promise.allSettled(
      kiosks.map((b, i) => b.creation.create(sessions[i]!, request(names[i]![i % names[i]!.length]!), '127.0.0.1')),
    );
    await Promise.all(kiosks.map((k) => k.close()));

    const accounts = (await allAccounts()).filter((e) => e.sn === staffId);
    const codes = results.map((r) => (r.status === 'fulfilled' ? 'ok' : (r.reason as { code: string }).code));
    expect(accounts).toHaveLength(1);
    expect(codes.filter((c) => c === 'ok')).toHaveLength(1);
    for (const code of codes.filter((c) => c !== 'ok')) expect(['USER(-1)', 'APPLICATION_IN_PROGRESS']).toContain(code);
    // The claim left is the winner's: the mailbox finisher and the fleet check find the account through it.
    const claims = await asAdmin(
      slapd,
      async (c) => (await c.search(claimDn, { scope: 'base', attributes: ['seeAlso'] })).searchEntries,
    );
    expect(String(claims[0]?.seeAlso).toLowerCase()).toBe(accounts[0]!.dn.toLowerCase());
  }, 60_000);

  it('tell the person their application is in progress, not INTERNAL, when another tool adds their staff ID during the creation', async () => {
    // The other tool writes while the kiosk rates the password (after the kiosk has read the
    // person's standing); slapo-unique then refuses the kiosk's entry for its staff ID.
    const staffId = 'z40700';
    const foreign = async () => {
      await new Promise((resolve) => setTimeout(resolve, 300));
      await asAdmin(slapd, (c) =>
        c.add(`uid=othertool,ou=people,${slapd.baseDn}`, {
          objectClass: ['inetOrgPerson', 'posixAccount', 'shadowAccount'],
          uid: 'othertool',
          cn: 'othertool',
          sn: staffId,
          uidNumber: '59700',
          gidNumber: '100',
          homeDirectory: '/mx/u/othertool',
          userPassword: 'x',
        }),
      );
    };
    const rater = {
      ...testRater,
      score: async (password: string, inputs: string[]) =>
        (await Promise.all([testRater.score(password, inputs), foreign()]))[0],
    };
    const backend = backendOn(slapd, { rater });
    const session = await signIn(backend, { id: staffId, name_en: 'TSAI,MEI-LING', name: '蔡美玲' });
    const [name] = await backend.creation.candidates(session);
    const code = await codeOf(backend.creation.create(session, request(name!), '127.0.0.1'));
    await backend.close();
    expect(code).toBe('APPLICATION_IN_PROGRESS');
    // Nothing of the kiosk's stays: no entry of its own, and no claim.
    expect((await allAccounts()).filter((e) => e.sn === staffId).map((e) => e.uid)).toEqual(['othertool']);
    const claims = await asAdmin(
      slapd,
      async (c) =>
        (await c.search(`ou=claims,${slapd.baseDn}`, { filter: `(cn=${staffId})`, attributes: ['cn'] })).searchEntries,
    );
    expect(claims).toEqual([]);
  }, 30_000);
});
