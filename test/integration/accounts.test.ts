// Accounts on a real slapd: eligibility codes, offered names, creation with server-side hashing,
// NAME_TAKEN, double submits, rollback, interrupted creation, reset with the directory's policy,
// and hostile input.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Attribute, Change, type Client } from 'ldapts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIXTURE } from '../../dev/slapd/fixture-directory';
import { startReferenceMailStore, type ReferenceMailStore } from '../../dev/mail-store/reference-mail-store';
import { startSlapd, type RunningSlapd } from '../../dev/slapd/throwaway-slapd';
import { createLdapConnector, type LdapConnector } from '../../electron/services/directory/ldap-connector';
import { childDn, equals } from '../../electron/services/directory/ldap-names';
import { asAdmin, canBind, entriesForStaffId } from '../support/directory-checks';
import { backendOn, codeOf, signIn, STRONG_PASSWORD } from '../support/kiosk-people';
import { checkAccount } from '../../electron/services/accounts/account-handlers';

let slapd: RunningSlapd;
beforeAll(async () => {
  slapd = await startSlapd();
});
afterAll(() => slapd?.stop());

const people = (id: string) => `uid=${id},ou=people,${FIXTURE.baseDn}`;
const person = (id: string, name_en: string, name = '測試員') => ({ id, name_en, name });

describe('eligibility', () => {
  it.each([
    ['z10001', 'USER(-1)'],
    ['z10002', 'USER(-3)'],
    ['z10008', 'USER(-5)'],
  ])('apply: %s is refused with %s, naming the account', async (id, code) => {
    const backend = backendOn(slapd);
    const session = await signIn(backend, person(id, 'WANG,HSIAO-MING'));
    await expect(checkAccount(backend, session)).rejects.toMatchObject({
      code,
      facts: { account: expect.stringMatching(/@mx\.nthu\.edu\.tw$/) },
    });
    await backend.close();
  });

  it('apply: someone without an account may go on', async () => {
    const backend = backendOn(slapd);
    await expect(checkAccount(backend, await signIn(backend, person('z20001', 'LEE,AN')))).resolves.toEqual({
      purpose: 'apply',
    });
    await backend.close();
  });

  it.each([
    ['z10001', 'ok'],
    ['z29999', 'USER(-2)'],
    ['z10002', 'USER(-3)'],
    ['z10008', 'USER(-5)'],
  ])('reset: %s → %s', async (id, code) => {
    const backend = backendOn(slapd);
    const session = await signIn(backend, person(id, 'WANG,HSIAO-MING'), 'reset');
    expect(await codeOf(checkAccount(backend, session))).toBe(code);
    await backend.close();
  });
});

/** A connector whose clients count their searches: the round trips the kiosk makes. */
function countingConnector(base: LdapConnector) {
  const counter = { searches: 0 };
  const connect: LdapConnector = async (url) => {
    const client = await base(url);
    const search = client.search.bind(client);
    client.search = ((...args: Parameters<Client['search']>) => {
      counter.searches += 1;
      return search(...args);
    }) as Client['search'];
    return client;
  };
  return { connect, counter };
}

describe('offered names', () => {
  it("checks the whole list in two searches, sent beside the two that read the person's standing, and offers the 2 variant of a taken name", async () => {
    const { connect, counter } = countingConnector(
      createLdapConnector({ startTls: false, caPem: slapd.caPem, connectTimeoutMs: 1500, timeoutMs: 5000 }),
    );
    const backend = backendOn(slapd, { connectLdap: connect });
    const session = await signIn(backend, person('z20010', 'WANG,HSIAO-MING'));
    counter.searches = 0;
    const names = await backend.creation.candidates(session);
    expect(counter.searches).toBe(4);
    expect(names).toContain('hmwang2'); // hmwang exists
    expect(names).not.toContain('hmwang');
    for (const n of ['hm.wang', 'wanghm', 'hsiaoming', 'hsiaomingwang', 'wanghsiaoming', 'hsiaoming.wang'])
      expect(names).toContain(n);
    await backend.close();
  });

  it('offers the 2 variant of a mail alias, the 3 variant when 2 is taken too, and skips system accounts', async () => {
    const backend = backendOn(slapd);
    const lin = await backend.creation.candidates(await signIn(backend, person('z20011', 'Ming-Zhi Lin')));
    expect(lin).toContain('mzlin2'); // mzlin is an alias
    expect(lin).toEqual(expect.arrayContaining(['mingzhi', 'lin.mingzhi']));
    await asAdmin(slapd, (c) =>
      c.add(`cn=mzlin2,ou=aliases,${FIXTURE.baseDn}`, {
        objectClass: 'nisMailAlias',
        cn: 'mzlin2',
        rfc822MailMember: 'x@example.org',
      }),
    );
    const again = await backend.creation.candidates(await signIn(backend, person('z20011', 'Ming-Zhi Lin')));
    expect(again).toContain('mzlin3');
    expect(again).not.toContain('mzlin2');
    const mail = await backend.creation.candidates(await signIn(backend, person('z20012', 'MAIL')));
    expect(mail).toEqual(['mail2']);
    await backend.close();
  });

  it('makes only plain, valid names out of a hostile passport name', async () => {
    const backend = backendOn(slapd);
    const names = await backend.creation.candidates(await signIn(backend, person('z20015', '*)(uid=*')));
    expect(names).toEqual(['uid']);
    await backend.close();
  });

  it('folds the accented name AIS sent: GÖDEL,KURT offers kgodel', async () => {
    const backend = backendOn(slapd);
    expect(await backend.creation.candidates(await signIn(backend, person('z20013', 'GÖDEL,KURT')))).toContain(
      'kgodel',
    );
    await backend.close();
  });

  it('sends a person without a usable passport name to the helpdesk with NAME_UNUSABLE', async () => {
    const backend = backendOn(slapd);
    for (const name_en of ['', '  ', '123', '王小明', '😀😀', ')(*\\']) {
      expect({
        name_en,
        code: await codeOf(backend.creation.candidates(await signIn(backend, person('z20014', name_en)))),
      }).toEqual({ name_en, code: 'NAME_UNUSABLE' });
    }
    await backend.close();
  });
});

describe('creating an account', () => {
  it('adds the legacy entry shape, lets the server hash the password, and proves it binds', async () => {
    const backend = backendOn(slapd);
    const session = await signIn(backend, person('z20020', 'Ou Yang, Fei Fei', '歐陽菲菲'));
    const names = await backend.creation.candidates(session);
    expect(names).toContain('ffouyang');
    const before = Math.floor(Date.now() / 1000);
    const result = await backend.creation.create(
      session,
      { account: 'ffouyang', password: STRONG_PASSWORD, confirm: STRONG_PASSWORD },
      '127.0.0.1',
    );
    expect(result).toEqual({
      address: 'ffouyang@mx.nthu.edu.tw',
      uid: 'ffouyang',
      mailbox: { mode: 'none', homeCreated: false, quota: null, mbox: null, unfinished: null },
      effectiveInMinutes: 10,
    });

    const [entry] = await entriesForStaffId(slapd, 'z20020');
    expect(entry).toMatchObject({
      dn: people('ffouyang'),
      objectClass: ['inetOrgPerson', 'posixAccount', 'shadowAccount'],
      uid: 'ffouyang',
      cn: '歐陽菲菲',
      sn: 'z20020',
      gecos: 'ffouyang',
      loginShell: '/bin/false',
      gidNumber: '100',
      homeDirectory: '/mx/u/ff/ffouyang',
    });
    expect(Number(entry!.uidNumber)).toBeGreaterThanOrEqual(1011); // 1010 belongs to a legacy entry
    // The legacy portal's value, then the attempt that made it (what a cleanup asserts).
    const descriptions = ([] as unknown[]).concat(entry!.description).map(String);
    const created = /^create\((\d+),127\.0\.0\.1\);$/.exec(descriptions[0] ?? '');
    expect(Number(created?.[1])).toBeGreaterThanOrEqual(before);
    expect(descriptions[1]).toMatch(/^attempt\(test-counter,[0-9a-f]+\.\d+\)$/);
    expect(String(entry!.userPassword).startsWith('{ARGON2}')).toBe(true);
    expect(await canBind(slapd, people('ffouyang'), STRONG_PASSWORD)).toBe(true);
    expect(backend.auditLines.at(-1)).toMatchObject({
      action: 'create',
      result: 'ok',
      staffId: 'z20020',
      account: 'ffouyang',
    });
    expect(JSON.stringify(backend.auditLines)).not.toContain(STRONG_PASSWORD);
    await backend.close();
  });

  it('skips a uidNumber another tool already used', async () => {
    const numbers = await asAdmin(
      slapd,
      async (c) =>
        (await c.search(`ou=people,${FIXTURE.baseDn}`, { filter: '(uidNumber=1010)', attributes: ['uid'] }))
          .searchEntries,
    );
    expect(numbers.map((e) => e.uid)).toEqual(['tlchou']);
  });

  it('takes the next number when slapo-unique refuses the counter a number an account holds, not INTERNAL', async () => {
    // The counter one below 1001-1003 (all used): moving it to 1001 collides with slapo-unique on uidNumber.
    const counterDn = `cn=uidNext,${FIXTURE.baseDn}`;
    await asAdmin(slapd, (c) =>
      c.modify(counterDn, [
        new Change({ operation: 'replace', modification: new Attribute({ type: 'uidNumber', values: ['1000'] }) }),
      ]),
    );
    const backend = backendOn(slapd);
    const session = await signIn(backend, person('z20030', 'HUNG,KAI-WEN'));
    const names = await backend.creation.candidates(session);
    await expect(
      backend.creation.create(
        session,
        { account: names[0]!, password: STRONG_PASSWORD, confirm: STRONG_PASSWORD },
        '127.0.0.1',
      ),
    ).resolves.toMatchObject({ uid: names[0] });
    const [entry] = await entriesForStaffId(slapd, 'z20030');
    expect(entry!.uidNumber).toBe('1000');
    const counter = await asAdmin(
      slapd,
      async (c) => (await c.search(counterDn, { scope: 'base', attributes: ['uidNumber'] })).searchEntries[0],
    );
    expect(counter!.uidNumber).toBe('1004');
    expect(backend.auditLines.at(-1)).toMatchObject({ action: 'create', result: 'ok', uidNumber: 1000 });
    await backend.close();
  });

  it('accepts only a name the session offered', async () => {
    const backend = backendOn(slapd);
    const session = await signIn(backend, person('z20021', 'CHANG,WEI'));
    await backend.creation.candidates(session);
    for (const account of ['hmwang', 'root', 'zzzzzz']) {
      expect(
        await codeOf(
          backend.creation.create(
            session,
            { account, password: STRONG_PASSWORD, confirm: STRONG_PASSWORD },
            '127.0.0.1',
          ),
        ),
      ).toBe('NAME_NOT_OFFERED');
    }
    expect(await entriesForStaffId(slapd, 'z20021')).toEqual([]);
    await backend.close();
  });

  it('refuses a weak password before writing anything (no entry, no claim, the counter unmoved), then accepts a strong one', async () => {
    const backend = backendOn(slapd);
    const session = await signIn(backend, person('z20022', 'CHANG,WEI'));
    const [name] = await backend.creation.candidates(session);
    // The policy is decided while the directory is read; what matters is that nothing was written.
    const written = () =>
      asAdmin(slapd, async (c) => ({
        counter: (await c.search(`cn=uidNext,${FIXTURE.baseDn}`, { scope: 'base', attributes: ['uidNumber'] }))
          .searchEntries[0]!.uidNumber,
        claims: (await c.search(`ou=claims,${FIXTURE.baseDn}`, { filter: '(cn=z20022)', attributes: ['cn'] }))
          .searchEntries.length,
      }));
    const before = await written();
    expect(
      await codeOf(
        backend.creation.create(
          session,
          { account: name!, password: 'password1234', confirm: 'password1234' },
          '127.0.0.1',
        ),
      ),
    ).toBe('PASSWORD_WEAK');
    expect(await entriesForStaffId(slapd, 'z20022')).toEqual([]);
    expect(await written()).toEqual({ ...before, claims: 0 });
    await backend.creation.create(
      session,
      { account: name!, password: STRONG_PASSWORD, confirm: STRONG_PASSWORD },
      '127.0.0.1',
    );
    expect(await entriesForStaffId(slapd, 'z20022')).toHaveLength(1);
    await backend.close();
  });

  it('answers NAME_TAKEN with a fresh list when the name went to someone else meanwhile', async () => {
    const backend = backendOn(slapd);
    const session = await signIn(backend, person('z20023', 'HSU,CHIA-JUNG'));
    expect(await backend.creation.candidates(session)).toContain('cjhsu');
    await asAdmin(slapd, (c) =>
      c.add(people('cjhsu'), {
        objectClass: ['inetOrgPerson', 'posixAccount'],
        uid: 'cjhsu',
        cn: 'x',
        sn: 'z88888',
        uidNumber: '5001',
        gidNumber: '100',
        homeDirectory: '/x',
      }),
    );
    await expect(
      backend.creation.create(
        session,
        { account: 'cjhsu', password: STRONG_PASSWORD, confirm: STRONG_PASSWORD },
        '127.0.0.1',
      ),
    ).rejects.toMatchObject({ code: 'NAME_TAKEN' });
    const fresh = await backend.creation.candidates(session);
    expect(fresh).toContain('cjhsu2');
    await backend.creation.create(
      session,
      { account: 'cjhsu2', password: STRONG_PASSWORD, confirm: STRONG_PASSWORD },
      '127.0.0.1',
    );
    expect((await entriesForStaffId(slapd, 'z20023')).map((e) => e.uid)).toEqual(['cjhsu2']);
    await backend.close();
  });

  it('treats a double submit as one creation with one outcome', async () => {
    const backend = backendOn(slapd);
    const session = await signIn(backend, person('z20024', 'KAO,YU'));
    const [name] = await backend.creation.candidates(session);
    const request = { account: name!, password: STRONG_PASSWORD, confirm: STRONG_PASSWORD };
    const [a, b] = await Promise.all([
      backend.creation.create(session, request, '127.0.0.1'),
      backend.creation.create(session, request, '127.0.0.1'),
    ]);
    expect(a).toEqual(b);
    await expect(backend.creation.create(session, request, '127.0.0.1')).resolves.toEqual(a);
    expect(await entriesForStaffId(slapd, 'z20024')).toHaveLength(1);
    await backend.close();
  });

  it('provisions the mailbox through the campus protocols and reports quota and .MBOX', async () => {
    const root = await mkdtemp(join(tmpdir(), 'mx-mail-'));
    const store: ReferenceMailStore = await startReferenceMailStore(root);
    const campus = {
      mode: 'campus' as const,
      campus: {
        host: store.host,
        mkhomedirPort: store.mkhomedirPort,
        setquotaPort: store.setquotaPort,
        getquotaPort: store.getquotaPort,
      },
    };
    const backend = backendOn(slapd, { config: { mailbox: campus } });
    try {
      const session = await signIn(backend, person('z20025', 'TSAI,MEI'));
      const [name] = await backend.creation.candidates(session);
      const result = await backend.creation.create(
        session,
        { account: name!, password: STRONG_PASSWORD, confirm: STRONG_PASSWORD },
        '127.0.0.1',
      );
      expect(result.mailbox).toEqual({
        mode: 'campus',
        homeCreated: true,
        quota: { usedKB: 2, quotaKB: 62914560 },
        mbox: { sizeKB: 2, files: 3 },
        unfinished: null,
      });
      expect(store.homeOf(name!)).toBe(join(root, 'mx', 'u', name!.slice(0, 2), name!));

      // A mail-store refusal leaves the working account and names the step; the person's retry
      // finishes the mailbox under the same account (test/integration/mail-faults.test.ts cuts
      // every line service mid-call).
      const next = await signIn(backend, person('z20026', 'TSAI,LING'));
      const [other] = await backend.creation.candidates(next);
      store.failNext(1);
      const request = { account: other!, password: STRONG_PASSWORD, confirm: STRONG_PASSWORD };
      const left = await backend.creation.create(next, request, '127.0.0.1');
      expect(left.mailbox).toEqual({
        mode: 'campus',
        homeCreated: false,
        quota: null,
        mbox: null,
        unfinished: 'mkhomedir',
      });
      expect(await entriesForStaffId(slapd, 'z20026')).toHaveLength(1);
      expect(backend.auditLines.at(-1)).toMatchObject({
        action: 'create',
        result: 'ok',
        code: 'MAILBOX_UNFINISHED',
        stage: 'password-set',
        detail: expect.stringContaining('mkhomedir refused'),
      });
      await backend.sessions.end('finish');
      const retry = await signIn(backend, person('z20026', 'TSAI,LING'));
      expect(await backend.creation.candidates(retry)).toEqual([other]);
      expect((await backend.creation.create(retry, request, '127.0.0.1')).mailbox.unfinished).toBeNull();
      expect(await entriesForStaffId(slapd, 'z20026')).toHaveLength(1);
    } finally {
      await backend.close();
      await store.close();
      await rm(root, { recursive: true, force: true });
    }
  });
});

describe('resetting a password', () => {
  it('sets the new password on the account found by staff ID, and refuses a recent one with the directory’s reason', async () => {
    const backend = backendOn(slapd);
    const session = await signIn(backend, person('z10001', 'WANG,HSIAO-MING'), 'reset');
    await expect(
      backend.reset.resetPassword(session, { password: STRONG_PASSWORD, confirm: STRONG_PASSWORD }),
    ).resolves.toEqual({ address: 'hmwang@mx.nthu.edu.tw' });
    expect(await canBind(slapd, people('hmwang'), STRONG_PASSWORD)).toBe(true);
    expect(await canBind(slapd, people('hmwang'), FIXTURE.accounts.active.password)).toBe(false);

    // The current password again, then a remembered one: both refused by the directory's policy.
    const same = backend.reset.resetPassword(session, { password: STRONG_PASSWORD, confirm: STRONG_PASSWORD });
    await expect(same).rejects.toMatchObject({
      code: 'PASSWORD_IN_HISTORY',
      facts: { reason: 'Password is not being changed from existing value' },
    });
    const second = 'Qw9!rTz#4kLp@2mN';
    await backend.reset.resetPassword(session, { password: second, confirm: second });
    const old = backend.reset.resetPassword(session, { password: STRONG_PASSWORD, confirm: STRONG_PASSWORD });
    await expect(old).rejects.toMatchObject({
      code: 'PASSWORD_IN_HISTORY',
      facts: { reason: expect.stringMatching(/history/i) },
    });
    expect(await canBind(slapd, people('hmwang'), second)).toBe(true);
    expect(backend.auditLines.map((l) => [l.action, l.result, l.code])).toEqual([
      ['reset', 'ok', undefined],
      ['reset', 'failed', 'PASSWORD_IN_HISTORY'],
      ['reset', 'ok', undefined],
      ['reset', 'failed', 'PASSWORD_IN_HISTORY'],
    ]);
    await backend.close();
  });

  it('refuses to reset in an apply session, and to create in a reset session', async () => {
    const backend = backendOn(slapd);
    expect(
      await codeOf(
        backend.reset.resetPassword(await signIn(backend, person('z10001', 'W')), {
          password: STRONG_PASSWORD,
          confirm: STRONG_PASSWORD,
        }),
      ),
    ).toBe('WRONG_STEP');
    expect(await codeOf(backend.creation.candidates(await signIn(backend, person('z10001', 'W'), 'reset')))).toBe(
      'WRONG_STEP',
    );
    await backend.close();
  });
});

describe('hostile input against the real directory', () => {
  const HOSTILE = ['*)(uid=*', '*', '\\', ',=+<>#;', 'a'.repeat(300), '王小明', '😀', ' x ', '#x', '(|(uid=*))'];

  it('finds nothing, and fails nothing, for hostile staff IDs and names', async () => {
    const backend = backendOn(slapd);
    const directory = backend.reads;
    for (const value of [...HOSTILE, 'a\0b']) expect(await directory.findByStaffId(value)).toEqual({ state: 'none' });
    expect(await directory.takenNames([...HOSTILE, 'hmwang'])).toEqual(new Set(['hmwang']));
    await backend.close();
  });

  it('stores and finds hostile values exactly, through escaped DNs and filter objects', async () => {
    await asAdmin(slapd, async (client) => {
      // (300 characters exceed slapd's own limit for an RDN; the searches above use them.)
      for (const value of [...HOSTILE.filter((v) => v.length < 300), 'a'.repeat(120)]) {
        const dn = childDn('cn', value, `ou=aliases,${FIXTURE.baseDn}`);
        await client.add(dn, [
          new Attribute({ type: 'objectClass', values: ['nisMailAlias'] }),
          new Attribute({ type: 'cn', values: [value] }),
        ]);
        const { searchEntries } = await client.search(`ou=aliases,${FIXTURE.baseDn}`, {
          filter: equals('cn', value),
          attributes: ['cn'],
        });
        expect(searchEntries.map((e) => e.cn)).toEqual([value]);
      }
    });
  });
});
