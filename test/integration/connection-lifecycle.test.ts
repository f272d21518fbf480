// Connections have a lifecycle, on real slapd: a closed connection refuses every later request and
// opens nothing (even when closed while it was opening), and a session that ends while an assisted
// creation is still writing as the operator closes the operator's connection only once that work
// has settled, after which nothing reopens it.
import type { Client } from 'ldapts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { FIXTURE } from '../../dev/slapd/fixture-directory';
import { startSlapd, type RunningSlapd } from '../../dev/slapd/throwaway-slapd';
import { DirectoryConnection } from '../../electron/services/directory/directory-connection';
import { createLdapConnector, type LdapConnector } from '../../electron/services/directory/ldap-connector';
import { silentLogger } from '../../electron/services/logger';
import { Secret } from '../../electron/services/secret';
import { systemClock } from '../../electron/services/clock';
import { asAdmin, entriesForStaffId } from '../support/directory-checks';
import { backendOn, codeOf, signIn, STRONG_PASSWORD } from '../support/kiosk-people';
import { awaitApplicantThroughAis } from '../support/operator-console';

let slapd: RunningSlapd;
beforeAll(async () => {
  slapd = await startSlapd();
});
afterAll(() => slapd?.stop());

/** A connector that keeps every client it made, with the DN each bound as; adds under people can be slowed. */
function watchingConnector(options: { slowAddsAs?: string; slowMs?: number; slowConnectMs?: number } = {}) {
  const clients: Array<{ client: Client; boundAs: string | null }> = [];
  const base = createLdapConnector({ startTls: false, caPem: slapd.caPem, connectTimeoutMs: 1500, timeoutMs: 5000 });
  const connect: LdapConnector = async (url) => {
    if (options.slowConnectMs) await new Promise((r) => setTimeout(r, options.slowConnectMs));
    const client = await base(url);
    const record: { client: Client; boundAs: string | null } = { client, boundAs: null };
    clients.push(record);
    const bind = client.bind.bind(client);
    client.bind = (async (dn: string, ...rest: unknown[]) => {
      record.boundAs = dn;
      return (bind as (...args: unknown[]) => Promise<void>)(dn, ...rest);
    }) as Client['bind'];
    const add = client.add.bind(client);
    client.add = (async (dn: string, ...rest: unknown[]) => {
      if (options.slowAddsAs && record.boundAs === options.slowAddsAs && dn.includes(',ou=people,'))
        await new Promise((r) => setTimeout(r, options.slowMs ?? 500));
      return (add as (...args: unknown[]) => Promise<void>)(dn, ...rest);
    }) as Client['add'];
    return client;
  };
  return { connect, clients };
}

const settings = () => ({
  urls: [slapd.ldapUrl],
  bindDn: slapd.serviceDn,
  bindPassword: new Secret(slapd.servicePassword),
  failbackMs: 0,
});
const read = (c: Client) => c.search(slapd.baseDn, { scope: 'base', attributes: ['1.1'] });

describe('a closed connection', () => {
  it('refuses every later request with DIRECTORY_UNAVAILABLE and opens nothing', async () => {
    const { connect, clients } = watchingConnector();
    const connection = new DirectoryConnection(settings(), connect, systemClock, silentLogger);
    await connection.run(read, { idempotent: true });
    expect(clients).toHaveLength(1);
    await connection.close();
    expect(clients[0]!.client.isConnected).toBe(false);
    expect(await codeOf(connection.run(read, { idempotent: true }))).toBe('DIRECTORY_UNAVAILABLE');
    expect(await codeOf(connection.run(read, { idempotent: false }))).toBe('DIRECTORY_UNAVAILABLE');
    expect(clients).toHaveLength(1);
  });

  it('closed while it is opening: the request is refused and the new connection is not kept', async () => {
    const { connect, clients } = watchingConnector({ slowConnectMs: 200 });
    const connection = new DirectoryConnection(settings(), connect, systemClock, silentLogger);
    const running = codeOf(connection.run(read, { idempotent: true }));
    await new Promise((r) => setTimeout(r, 50));
    await connection.close();
    expect(await running).toBe('DIRECTORY_UNAVAILABLE');
    expect(clients.every((c) => !c.client.isConnected)).toBe(true);
    expect(await codeOf(connection.run(read, { idempotent: true }))).toBe('DIRECTORY_UNAVAILABLE');
    expect(clients.length).toBeLessThanOrEqual(1);
  });
});

describe('a session that ends during an assisted creation', () => {
  it('lets the creation finish as the operator, then closes the operator’s connection for good', async () => {
    const op = FIXTURE.operators.member;
    const operatorDn = `uid=${op.uid},ou=operators,${slapd.baseDn}`;
    const { connect, clients } = watchingConnector({ slowAddsAs: operatorDn, slowMs: 700 });
    const backend = backendOn(slapd, {
      urls: [slapd.ldapUrl],
      connectLdap: connect,
      config: { directory: { allowPlainLdap: true, caFile: undefined } },
    });
    try {
      expect(await awaitApplicantThroughAis(backend, 'z86001')).toMatchObject({ ok: true });
      const session = await signIn(backend, { id: 'z86001', name_en: 'LIFE,CYCLE', name: '生命' });
      const creator = session.holdings.creator!;
      expect(creator).toBeTruthy();
      const [name] = await backend.creation.candidates(session);
      const creating = backend.creation.create(
        session,
        { account: name!, password: STRONG_PASSWORD, confirm: STRONG_PASSWORD },
        '127.0.0.1',
      );
      // The person walks away mid-creation: the session ends while the operator's add is on its way.
      await new Promise((r) => setTimeout(r, 150));
      expect(backend.wipe('cancel')).toBe(true);
      const asOperator = () => clients.filter((c) => c.boundAs === operatorDn);
      await expect(creating).resolves.toMatchObject({ uid: name });
      const [entry] = await entriesForStaffId(slapd, 'z86001');
      const [made] = await asAdmin(
        slapd,
        async (c) => (await c.search(entry!.dn, { scope: 'base', attributes: ['creatorsName'] })).searchEntries,
      );
      expect(made?.creatorsName).toBe(operatorDn);
      // Closed once the creation settled; give the close its turn.
      for (let i = 0; i < 50 && asOperator().some((c) => c.client.isConnected); i += 1)
        await new Promise((r) => setTimeout(r, 20));
      expect(asOperator().length).toBeGreaterThan(0);
      expect(asOperator().filter((c) => c.client.isConnected)).toEqual([]);
      const opened = asOperator().length;
      expect(await codeOf(creator.begin())).toBe('DIRECTORY_UNAVAILABLE');
      expect(asOperator()).toHaveLength(opened);
    } finally {
      await backend.close();
    }
  });
});
