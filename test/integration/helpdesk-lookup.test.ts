// The helpdesk lookup on a real slapd finds people the way its label promises: accounts the kiosk
// created, by English name with or without accents, commas and spaces, by part of an account
// name, by a one-character surname; and it says when more matched than it lists.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIXTURE } from '../../dev/slapd/fixture-directory';
import { startSlapd, type RunningSlapd } from '../../dev/slapd/throwaway-slapd';
import { lookupTerms } from '../../shared/names/lookup-terms';
import { asAdmin } from '../support/directory-checks';
import { backendOn, signIn, STRONG_PASSWORD } from '../support/kiosk-people';

let slapd: RunningSlapd;
let backend: ReturnType<typeof backendOn>;
const ctx = { clientIp: '127.0.0.1', transport: 'http' as const };
const op = FIXTURE.operators.member;

// Two people as AIS and the HR records both know them; the kiosk makes their accounts.
const PEOPLE = [
  { id: 'z87001', name: '哥德爾', nameEn: 'GÖDEL,KURT' },
  { id: 'z87002', name: '歐陽菲菲', nameEn: 'Ou Yang, Fei Fei' },
];
const made = new Map<string, string>();

beforeAll(async () => {
  slapd = await startSlapd();
  await asAdmin(slapd, async (c) => {
    for (const p of PEOPLE) {
      await c.add(`employeeNumber=${p.id},ou=staff,${slapd.baseDn}`, {
        objectClass: ['inetOrgPerson'],
        employeeNumber: p.id,
        cn: p.name,
        sn: p.nameEn.split(',')[0]!,
        displayName: p.nameEn,
        employeeType: '一般',
      });
    }
    // Enough 王 to pass the list's limit.
    for (let i = 0; i < 22; i += 1) {
      const uid = `wangtest${String(i).padStart(2, '0')}`;
      await c.add(`uid=${uid},ou=people,${slapd.baseDn}`, {
        objectClass: ['inetOrgPerson', 'posixAccount'],
        uid,
        cn: `王測試${i}`,
        sn: `z8710${String(i).padStart(2, '0')}`,
        uidNumber: String(57000 + i),
        gidNumber: '100',
        homeDirectory: `/mx/u/wa/${uid}`,
      });
    }
  });
  backend = backendOn(slapd);
  for (const p of PEOPLE) {
    const session = await signIn(backend, { id: p.id, name: p.name, name_en: p.nameEn });
    const [name] = await backend.creation.candidates(session);
    await backend.creation.create(
      session,
      { account: name!, password: STRONG_PASSWORD, confirm: STRONG_PASSWORD },
      '127.0.0.1',
    );
    made.set(p.id, name!);
  }
  await backend.dispatcher.dispatch('operator:signIn', { uid: op.uid, password: op.password }, ctx);
}, 60_000);
afterAll(async () => {
  await backend?.close();
  await slapd?.stop();
});

type Lookup = {
  ok: true;
  data: { results: Array<{ account: string; staffId: string; name: string }>; tooMany?: boolean };
};
const lookup = async (query: string) =>
  (await backend.dispatcher.dispatch('helpdesk:lookup', { query }, ctx)) as Lookup;
const staffIds = async (query: string) => (await lookup(query)).data.results.map((r) => r.staffId);

describe('helpdesk lookup', () => {
  it('finds an account the kiosk created by its English name, accented or not, with or without comma and spaces', async () => {
    for (const query of ['GODEL,KURT', 'GÖDEL,KURT', 'godel kurt', 'Gödel', 'godelkurt', 'kurt', 'GODEL, KURT']) {
      expect({ query, ids: await staffIds(query) }).toEqual({ query, ids: ['z87001'] });
    }
    for (const query of [
      'Ou Yang, Fei Fei',
      'ou yang fei fei',
      'OUYANG,FEIFEI',
      'ouyangfeifei',
      'yang fei',
      'Fei Fei',
    ]) {
      expect({ query, ids: await staffIds(query) }).toEqual({ query, ids: ['z87002'] });
    }
    // Letters out of order are not a match, however the directory narrowed.
    expect(await staffIds('kurtgodel')).toEqual([]);
    expect(await staffIds('godelkurz')).toEqual([]);
  });

  it('finds by part of an account name and part of a staff ID, in any case', async () => {
    expect((await lookup('chen')).data.results.map((r) => r.account)).toContain('cychen');
    expect((await lookup('CyChEn')).data.results.map((r) => r.account)).toEqual(['cychen']);
    expect(await staffIds('10008')).toEqual(['z10008']);
    expect(await staffIds(made.get('z87002')!.slice(1, 5))).toContain('z87002');
  });

  it('finds by Chinese name with or without spaces, and by a one-character surname, saying when more matched', async () => {
    expect(await staffIds('歐陽 菲菲')).toEqual(['z87002']);
    expect(await staffIds('小明')).toEqual(['z10001']);
    const wang = await lookup('王');
    expect(wang.data.results).toHaveLength(20);
    expect(wang.data.tooMany).toBe(true);
    expect((await lookup('王小明')).data).toEqual({
      results: [expect.objectContaining({ account: 'hmwang' })],
      tooMany: false,
    });
  });

  it('keeps its minimum length (two letters or digits, or one Chinese character), and hostile text is only text', async () => {
    expect(lookupTerms('a')).toBeNull();
    expect(lookupTerms(' é ')).toBeNull();
    expect(lookupTerms('王')).not.toBeNull();
    expect(lookupTerms('z1')).not.toBeNull();
    expect((await lookup('a')).data).toEqual({ results: [], tooMany: false });
    for (const hostile of ['*', '*)(uid=*', '\\', '*)(|(sn=*', 'a*b'])
      expect(await lookup(hostile)).toMatchObject({ ok: true });
    expect(await staffIds('*)(|(sn=*')).toEqual([]);
  });
});
