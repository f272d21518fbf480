// How a new account gets its password, on real slapd: in the add itself where the server hashes
// a cleartext userPassword (olcPPolicyHashCleartext), so no entry ever exists without it; by
// Password Modify after the add where it does not, with that path's guarantees; and a probe that
// lied is caught by the read-back after the add.
import { Attribute, Change, type Client } from 'ldapts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSlapd, type RunningSlapd } from '../../dev/slapd/throwaway-slapd';
import { createLdapConnector, type LdapConnector } from '../../electron/services/directory/ldap-connector';
import { PASSWORD_MODIFY_OID } from '../../electron/services/directory/password-modify';
import { asAdmin, canBind, entriesForStaffId } from '../support/directory-checks';
import { backendOn, signIn, STRONG_PASSWORD } from '../support/kiosk-people';

const person = (id: string, name_en: string) => ({ id, name_en, name: '測試員' });
const request = (account: string) => ({ account, password: STRONG_PASSWORD, confirm: STRONG_PASSWORD });

/** What the kiosk sent: for each add, whether it carried a userPassword; and how many Password Modify requests. */
function recordingConnector(slapd: RunningSlapd, tamper?: (client: Client) => void) {
  const sent = { adds: [] as Array<{ dn: string; withPassword: boolean }>, passwordModifies: 0 };
  const base = createLdapConnector({ startTls: false, caPem: slapd.caPem, connectTimeoutMs: 1500, timeoutMs: 5000 });
  const connect: LdapConnector = async (url) => {
    const client = await base(url);
    const add = client.add.bind(client);
    client.add = ((dn: string, attributes: Parameters<Client['add']>[1]) => {
      const types = (Array.isArray(attributes) ? attributes.map((a) => a.type) : Object.keys(attributes)).map((t) =>
        t.toLowerCase(),
      );
      sent.adds.push({ dn, withPassword: types.includes('userpassword') });
      return add(dn, attributes);
    }) as Client['add'];
    const exop = client.exop.bind(client);
    client.exop = ((oid: string, ...rest: unknown[]) => {
      if (oid === PASSWORD_MODIFY_OID) sent.passwordModifies += 1;
      return (exop as (...args: unknown[]) => ReturnType<Client['exop']>)(oid, ...rest);
    }) as Client['exop'];
    tamper?.(client);
    return client;
  };
  return { connect, sent };
}

const accountAdds = (sent: { adds: Array<{ dn: string; withPassword: boolean }> }) =>
  sent.adds.filter((a) => a.dn.includes('ou=people') && !a.dn.startsWith('cn=mx-kiosk-hash-probe-'));

/** Polls the directory as fast as it answers, for account entries without a password, until stopped. */
function watchForPasswordless(slapd: RunningSlapd) {
  const seen = new Set<string>();
  let polls = 0;
  let running = true;
  const done = asAdmin(slapd, async (client) => {
    while (running) {
      const { searchEntries } = await client.search(slapd.baseDn, {
        filter: '(&(objectClass=posixAccount)(!(userPassword=*)))',
        attributes: ['uid'],
      });
      for (const entry of searchEntries) seen.add(entry.dn);
      polls += 1;
    }
  });
  return {
    async stop() {
      running = false;
      await done;
      return { seen: [...seen], polls };
    },
  };
}

describe('on a directory that hashes a password given in an add', () => {
  let slapd: RunningSlapd;
  beforeAll(async () => {
    slapd = await startSlapd();
  });
  afterAll(() => slapd?.stop());

  it('adds each account with its password in one request, and no entry is ever seen without one', async () => {
    const { connect, sent } = recordingConnector(slapd);
    // Six counters on one directory, each creating at once.
    const passportNames = ['KUO,AN-PING', 'HSU,BO-WEN', 'TSAI,CHIA-HUI', 'YEH,DE-REN', 'LO,EN-CHI', 'SU,FANG-YU'];
    const people = passportNames.map((name, n) => person(`z6100${n + 1}`, name));
    const backends = people.map(() => backendOn(slapd, { connectLdap: connect }));
    const sessions = await Promise.all(people.map((p, n) => signIn(backends[n]!, p)));
    const names = await Promise.all(sessions.map(async (s, n) => (await backends[n]!.creation.candidates(s))[0]!));
    // Passwordless entries the fixture holds on purpose are not the kiosk's: only new ones count.
    const before = await asAdmin(slapd, async (c) =>
      (
        await c.search(slapd.baseDn, {
          filter: '(&(objectClass=posixAccount)(!(userPassword=*)))',
          attributes: ['uid'],
        })
      ).searchEntries.map((e) => e.dn),
    );
    const watcher = watchForPasswordless(slapd);
    const results = await Promise.all(
      sessions.map((s, n) => backends[n]!.creation.create(s, request(names[n]!), '127.0.0.1')),
    ).finally(() => watcher.stop());
    const { seen, polls } = await watcher.stop();
    expect(results.map((r) => r.uid)).toEqual(names);
    expect(polls).toBeGreaterThan(0);
    expect(seen.filter((dn) => !before.includes(dn))).toEqual([]);
    expect(accountAdds(sent)).toHaveLength(6);
    expect(accountAdds(sent).every((a) => a.withPassword)).toBe(true);
    expect(sent.passwordModifies).toBe(0);
    for (const p of people) {
      const [entry] = await entriesForStaffId(slapd, p.id);
      expect(String(entry!.userPassword)).toMatch(/^\{ARGON2\}/);
      expect(await canBind(slapd, entry!.dn, STRONG_PASSWORD)).toBe(true);
    }
    await Promise.all(backends.map((b) => b.close()));
  });

  it('refuses, with the directory’s reason, a password its policy refuses inside the add, and leaves neither entry nor claim', async () => {
    const policy = `cn=default,ou=policies,${slapd.baseDn}`;
    const quality = (values: string[][]) =>
      asAdmin(slapd, (c) =>
        c.modify(
          policy,
          values.map(
            ([type, value]) =>
              new Change({
                operation: 'replace',
                modification: new Attribute({ type: type!, values: value ? [value] : [] }),
              }),
          ),
        ),
      );
    await quality([
      ['pwdCheckQuality', '2'],
      ['pwdMinLength', '20'],
    ]);
    try {
      const backend = backendOn(slapd);
      const session = await signIn(backend, person('z61010', 'SHORT,PASS'));
      const [name] = await backend.creation.candidates(session);
      await expect(backend.creation.create(session, request(name!), '127.0.0.1')).rejects.toMatchObject({
        code: 'PASSWORD_REFUSED',
      });
      expect(await entriesForStaffId(slapd, 'z61010')).toEqual([]);
      const claims = await asAdmin(
        slapd,
        async (c) => (await c.search(`ou=claims,${slapd.baseDn}`, { filter: '(cn=z61010)' })).searchEntries,
      );
      expect(claims).toEqual([]);
      await backend.close();
    } finally {
      await quality([
        ['pwdCheckQuality', ''],
        ['pwdMinLength', ''],
      ]);
    }
  });
});

describe('on a directory that stores a cleartext password as given', () => {
  let slapd: RunningSlapd;
  beforeAll(async () => {
    slapd = await startSlapd({ hashCleartext: false });
  });
  afterAll(() => slapd?.stop());

  it('never sends the password in an add: the entry first, then Password Modify, which the server hashes', async () => {
    const { connect, sent } = recordingConnector(slapd);
    const backend = backendOn(slapd, { connectLdap: connect });
    const session = await signIn(backend, person('z62001', 'PLAIN,ADD'));
    const [name] = await backend.creation.candidates(session);
    await backend.creation.create(session, request(name!), '127.0.0.1');
    expect(accountAdds(sent)).toEqual([expect.objectContaining({ withPassword: false })]);
    expect(sent.passwordModifies).toBe(1);
    const [entry] = await entriesForStaffId(slapd, 'z62001');
    expect(String(entry!.userPassword)).toMatch(/^\{ARGON2\}/);
    await backend.close();
  });

  it('leaves no entry without a password when slapd stops between the add and the password set', async () => {
    let stopBeforeExop = true;
    // The fault: slapd goes away right when the kiosk sends the password.
    const { connect } = recordingConnector(slapd, (client) => {
      const exop = client.exop.bind(client);
      client.exop = (async (...args: Parameters<Client['exop']>) => {
        if (stopBeforeExop && args[0] === PASSWORD_MODIFY_OID) {
          stopBeforeExop = false;
          await slapd.pause();
        }
        return exop(...args);
      }) as Client['exop'];
    });
    const backend = backendOn(slapd, { connectLdap: connect });
    const session = await signIn(backend, person('z62027', 'PAN,CHIEN'));
    const [name] = await backend.creation.candidates(session);
    await expect(backend.creation.create(session, request(name!), '127.0.0.1')).rejects.toMatchObject({
      code: 'ACCOUNT_INCOMPLETE',
      facts: { account: `${name}@mx.nthu.edu.tw` },
    });
    expect(backend.auditLines.at(-1)).toMatchObject({
      code: 'ACCOUNT_INCOMPLETE',
      detail: expect.stringContaining('without a usable password'),
    });

    await slapd.resume();
    const [leftover] = await entriesForStaffId(slapd, 'z62027');
    expect(leftover?.userPassword ?? []).toEqual([]); // left without a password while slapd was down...
    // ...and the same person's retry at this counter is not blocked by it: it is removed, then created properly.
    await backend.creation.create(session, request(name!), '127.0.0.1');
    const entries = await entriesForStaffId(slapd, 'z62027');
    expect(entries).toHaveLength(1);
    expect(String(entries[0]!.userPassword)).toMatch(/^\{ARGON2\}/);
    expect(backend.auditLines.some((l) => l.action === 'cleanup')).toBe(true);
    await backend.close();
  });

  it('catches a probe that claimed hashing: the entry stored as sent is removed, the server distrusted, and the account made by Password Modify', async () => {
    // The probe's read-back is forged to show a hash; the server really keeps what it is given.
    const { connect, sent } = recordingConnector(slapd, (client) => {
      const search = client.search.bind(client);
      client.search = (async (dn: string, options: Parameters<Client['search']>[1]) => {
        const answer = await search(dn, options);
        if (!dn.startsWith('cn=mx-kiosk-hash-probe-')) return answer;
        return {
          ...answer,
          searchEntries: answer.searchEntries.map((e) => ({ ...e, userPassword: '{ARGON2}forged' })),
        };
      }) as Client['search'];
    });
    const backend = backendOn(slapd, { connectLdap: connect });
    const session = await signIn(backend, person('z62030', 'LIAR,PROBE'));
    const [name] = await backend.creation.candidates(session);
    const result = await backend.creation.create(session, request(name!), '127.0.0.1');
    expect(result.uid).toBe(name);
    // The first add carried the password (the probe said so); the second, after the read-back, did not.
    expect(accountAdds(sent).map((a) => a.withPassword)).toEqual([true, false]);
    expect(sent.passwordModifies).toBe(1);
    const entries = await entriesForStaffId(slapd, 'z62030');
    expect(entries).toHaveLength(1);
    expect(String(entries[0]!.userPassword)).toMatch(/^\{ARGON2\}/);
    expect(backend.auditLines.at(-1)).toMatchObject({
      action: 'create',
      result: 'ok',
      detail: expect.stringContaining('stored the password as sent'),
    });
    // The next creation goes straight to the add-then-modify path.
    const next = await signIn(backend, person('z62031', 'AFTER,LIAR'));
    const [second] = await backend.creation.candidates(next);
    await backend.creation.create(next, request(second!), '127.0.0.1');
    expect(accountAdds(sent).map((a) => a.withPassword)).toEqual([true, false, false]);
    await backend.close();
  });
});
