// The test harness itself, against the real slapd it starts: what later tests rely on must hold.
import { existsSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { Attribute, Change, Client, InsufficientAccessError, NoSuchObjectError } from 'ldapts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encodePasswordModifyRequest, PASSWORD_MODIFY_OID } from '../../electron/services/directory/password-modify';
import { FIXTURE } from '../../dev/slapd/fixture-directory';
import {
  ACCESS_LDIF,
  ldifAccessToConf,
  startSlapd,
  type PasswordHash,
  type RunningSlapd,
} from '../../dev/slapd/throwaway-slapd';

async function bound(url: string, dn: string, password: string, caPem?: string): Promise<Client> {
  const client = new Client({ url, tlsOptions: caPem ? { ca: [caPem] } : undefined });
  await client.bind(dn, password);
  return client;
}

async function storedHash(slapd: RunningSlapd, dn: string): Promise<string> {
  const admin = await bound(slapd.ldapUrl, slapd.adminDn, slapd.adminPassword);
  try {
    const { searchEntries } = await admin.search(dn, { scope: 'base', attributes: ['userPassword'] });
    const value = searchEntries[0]?.userPassword;
    return Buffer.isBuffer(value) ? value.toString('utf8') : String(value);
  } finally {
    await admin.unbind();
  }
}

describe.each<PasswordHash>(['ARGON2', 'SSHA'])('throwaway slapd with {%s}', (hash) => {
  let slapd: RunningSlapd;
  const { active } = FIXTURE.accounts;
  const activeDn = `uid=${active.uid},ou=people,${FIXTURE.baseDn}`;

  beforeAll(async () => {
    slapd = await startSlapd({ passwordHash: hash });
  });
  afterAll(() => slapd?.stop());

  it('answers ldaps on 127.0.0.1 with a certificate its CA file validates', async () => {
    const client = await bound(slapd.ldapsUrl, slapd.serviceDn, slapd.servicePassword, slapd.caPem);
    await client.unbind();
    const untrusted = new Client({ url: slapd.ldapsUrl, connectTimeout: 2000 });
    await expect(untrusted.bind(slapd.serviceDn, slapd.servicePassword)).rejects.toThrow(/certificate/i);
  });

  it(`hashes a Password Modify password with {${hash}} on the server`, async () => {
    const service = await bound(slapd.ldapsUrl, slapd.serviceDn, slapd.servicePassword, slapd.caPem);
    await service.exop(PASSWORD_MODIFY_OID, encodePasswordModifyRequest(activeDn, 'Fresh-Harness-Pass-42'));
    await service.unbind();
    const stored = await storedHash(slapd, activeDn);
    expect(stored.startsWith(`{${hash}}`)).toBe(true);
    expect(stored).not.toContain('Fresh-Harness-Pass-42');
    const user = await bound(slapd.ldapsUrl, activeDn, 'Fresh-Harness-Pass-42', slapd.caPem);
    await user.unbind();
  });

  it('hashes a cleartext userPassword written by a client (ppolicy_hash_cleartext)', async () => {
    const service = await bound(slapd.ldapUrl, slapd.serviceDn, slapd.servicePassword);
    const dn = `uid=harness${hash.toLowerCase()},ou=people,${FIXTURE.baseDn}`;
    await service.add(dn, {
      objectClass: ['inetOrgPerson', 'posixAccount', 'shadowAccount'],
      uid: `harness${hash.toLowerCase()}`,
      cn: 'x',
      sn: 'z99999',
      uidNumber: '4999',
      gidNumber: '100',
      homeDirectory: '/mx/u/ha/harness',
      userPassword: 'Cleartext-Pass-77',
    });
    await service.unbind();
    expect((await storedHash(slapd, dn)).startsWith(`{${hash}}`)).toBe(true);
  });

  it('seeds the old portal subtrees, an alias, a suspended account and the group', async () => {
    const service = await bound(slapd.ldapUrl, slapd.serviceDn, slapd.servicePassword);
    const one = async (base: string, filter: string) =>
      (await service.search(`${base},${FIXTURE.baseDn}`, { filter })).searchEntries.length;
    expect(await one('ou=people', `(sn=${active.staffId})`)).toBe(1);
    expect(await one('ou=suspended', `(sn=${FIXTURE.accounts.suspended.staffId})`)).toBe(1);
    expect(await one('ou=aliases', '(&(objectClass=nisMailAlias)(cn=webmaster))')).toBe(1);
    expect(await one('ou=group', `(&(objectClass=posixGroup)(gidNumber=${FIXTURE.groupGid}))`)).toBe(1);
    await service.unbind();
  });

  it('runs the access rules shipped in build/ldap/mx-kiosk-access.ldif', async () => {
    const conf = await readFile(join(slapd.dir, 'slapd.conf'), 'utf8');
    expect(conf).toContain(ldifAccessToConf(await readFile(ACCESS_LDIF, 'utf8'), FIXTURE.baseDn));
  });

  it('lets the kiosk and helpdesk operators write accounts, and other users only read them', async () => {
    const { member } = FIXTURE.operators;
    const change = new Change({
      operation: 'replace',
      modification: new Attribute({ type: 'description', values: ['acl check'] }),
    });
    for (const [dn, password] of [
      [slapd.serviceDn, slapd.servicePassword],
      [`uid=${member.uid},ou=operators,${FIXTURE.baseDn}`, member.password],
    ] as const) {
      const writer = await bound(slapd.ldapUrl, dn, password);
      await writer.modify(activeDn, change);
      await writer.unbind();
    }
    const { legacy } = FIXTURE.accounts;
    const reader = await bound(slapd.ldapUrl, `uid=${legacy.uid},ou=people,${FIXTURE.baseDn}`, legacy.password);
    expect((await reader.search(activeDn, { scope: 'base', attributes: ['uid'] })).searchEntries).toHaveLength(1);
    await expect(reader.modify(activeDn, change)).rejects.toBeInstanceOf(InsufficientAccessError);
    await reader.unbind();
  });

  it('lets an anonymous client read the root DSE but not the people', async () => {
    const anon = new Client({ url: slapd.ldapUrl });
    const dse = await anon.search('', { scope: 'base', attributes: ['namingContexts'] });
    expect(dse.searchEntries[0]?.namingContexts).toBe(FIXTURE.baseDn);
    // slapd hides what anonymous may not see as noSuchObject, so it discloses nothing.
    await expect(anon.search(`ou=people,${FIXTURE.baseDn}`, { filter: '(uid=*)' })).rejects.toBeInstanceOf(
      NoSuchObjectError,
    );
    await anon.unbind();
  });
});

describe('throwaway slapd lifecycle', () => {
  it('stops its process by PID and removes its folder', async () => {
    const slapd = await startSlapd();
    const { pid, dir } = slapd;
    expect(() => process.kill(pid, 0)).not.toThrow();
    await slapd.stop();
    expect(() => process.kill(pid, 0)).toThrow();
    expect(existsSync(dir)).toBe(false);
  });

  it('can be paused and resumed on the same ports with its data', async () => {
    const slapd = await startSlapd({ passwordHash: 'SSHA' });
    try {
      await slapd.pause();
      const down = new Client({ url: slapd.ldapUrl, connectTimeout: 1000 });
      await expect(down.bind(slapd.serviceDn, slapd.servicePassword)).rejects.toThrow();
      await slapd.resume();
      const up = await bound(slapd.ldapUrl, slapd.serviceDn, slapd.servicePassword);
      await up.unbind();
    } finally {
      await slapd.stop();
    }
  });
});
