// Choosing a write server when the first one hangs: a host that accepts connections and never
// answers (as a server down hard behind a firewall looks) must not make every creation wait a
// whole timeout once a later server is known to take writes. The later server is a real slapd.
import { createServer, type Server, type Socket } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSlapd, type RunningSlapd } from '../../dev/slapd/throwaway-slapd';
import { systemClock } from '../../electron/services/clock';
import { createLdapConnector } from '../../electron/services/directory/ldap-connector';
import { WriteServers } from '../../electron/services/directory/write-servers';
import { silentLogger } from '../../electron/services/logger';
import { Secret } from '../../electron/services/secret';

let slapd: RunningSlapd;
let silent: Server;
/** Every connection the silent server accepted, in order. */
const accepted: Socket[] = [];
const open = new Set<Socket>();
let silentUrl = '';

beforeAll(async () => {
  slapd = await startSlapd({ passwordHash: 'SSHA' });
  silent = createServer((socket) => {
    accepted.push(socket);
    open.add(socket);
    socket.on('close', () => open.delete(socket));
    socket.on('error', () => undefined);
  });
  await new Promise<void>((resolve) => silent.listen(0, '127.0.0.1', resolve));
  silentUrl = `ldap://127.0.0.1:${(silent.address() as { port: number }).port}`;
});
afterAll(async () => {
  for (const socket of open) socket.destroy();
  await new Promise((resolve) => silent?.close(resolve));
  await slapd?.stop();
});

describe('WriteServers with a first server that never answers', () => {
  it('finds the second the first time, then stops waiting on the first while still asking it', async () => {
    // A connection that gave up on the silent server says so here: how the test sees whether a unit waited for it.
    const gaveUp: string[] = [];
    const logger = { ...silentLogger, error: (message: string) => void gaveUp.push(message) };
    const writes = new WriteServers(
      {
        urls: [silentUrl, slapd.ldapUrl],
        bindDn: slapd.serviceDn,
        bindPassword: new Secret(slapd.servicePassword),
        probeDn: `cn=mx-kiosk-write-probe,ou=mx-kiosk-write-probe,${slapd.baseDn}`,
      },
      createLdapConnector({ startTls: false, connectTimeoutMs: 1500, timeoutMs: 1500 }),
      systemClock,
      logger,
    );
    try {
      // Nothing known yet: the first server is waited for until it times out, then the second is used.
      expect((await writes.begin()).url).toBe(slapd.ldapUrl);
      expect(accepted).toHaveLength(1);
      expect(gaveUp).toHaveLength(1);
      // Now the second is known to work: the first is asked again, but the unit goes on without it.
      const second = await writes.begin();
      expect(second.url).toBe(slapd.ldapUrl);
      expect(accepted).toHaveLength(2);
      // The re-probe had not given up yet when the unit went on.
      expect(gaveUp).toHaveLength(1);
      expect((await writes.roles()).map((r) => r.role)).toEqual(['unreachable', 'writable']);
    } finally {
      await writes.close();
    }
  });

  it('says the directory is away, not read-only, when no server answers, unless reads go elsewhere', async () => {
    const deadUrl = 'ldap://127.0.0.1:1';
    const settings = {
      urls: [deadUrl],
      bindDn: slapd.serviceDn,
      bindPassword: new Secret(slapd.servicePassword),
      probeDn: `cn=p,${slapd.baseDn}`,
    };
    const connect = createLdapConnector({ startTls: false, connectTimeoutMs: 500, timeoutMs: 500 });
    for (const [readsElsewhere, code] of [
      [false, 'DIRECTORY_UNAVAILABLE'],
      [true, 'DIRECTORY_READ_ONLY'],
    ] as const) {
      const writes = new WriteServers({ ...settings, readsElsewhere }, connect, systemClock, silentLogger);
      try {
        await expect(writes.begin()).rejects.toMatchObject({ code });
      } finally {
        await writes.close();
      }
    }
  });
});
