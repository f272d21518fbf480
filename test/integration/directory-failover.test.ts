// Failover on real slapd instances: a dead first URL, an outage and its end, and failing back to
// the primary once it returns.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSlapd, type RunningSlapd } from '../../dev/slapd/throwaway-slapd';
import { createLdapConnector, type LdapConnector } from '../../electron/services/directory/ldap-connector';
import { backendOn, codeOf, signIn } from '../support/kiosk-people';
import { checkAccount } from '../../electron/services/accounts/account-handlers';

let primary: RunningSlapd;
let secondary: RunningSlapd;
beforeAll(async () => {
  [primary, secondary] = await Promise.all([startSlapd(), startSlapd()]);
});
afterAll(async () => {
  await Promise.all([primary?.stop(), secondary?.stop()]);
});

/** Records which server each new connection went to. Both instances share one CA file's trust. */
function recordingConnector() {
  const opened: string[] = [];
  const connectors = new Map<string, LdapConnector>();
  for (const s of [primary, secondary])
    connectors.set(
      s.ldapsUrl,
      createLdapConnector({ startTls: false, caPem: s.caPem, connectTimeoutMs: 1000, timeoutMs: 3000 }),
    );
  const connect: LdapConnector = async (url) => {
    opened.push(url);
    const connector =
      connectors.get(url) ?? createLdapConnector({ startTls: false, connectTimeoutMs: 1000, timeoutMs: 3000 });
    return connector(url);
  };
  return { connect, opened };
}

const person = { id: 'z50001', name_en: 'WU,AN-NA', name: '吳安娜' };

describe('directory failover', () => {
  it('skips a dead first server and works on the next', async () => {
    const backend = backendOn(primary, { urls: ['ldaps://127.0.0.1:1', primary.ldapsUrl] });
    await expect(checkAccount(backend, await signIn(backend, person))).resolves.toEqual({ purpose: 'apply' });
    await backend.close();
  });

  it('reports DIRECTORY_UNAVAILABLE while every server is down and recovers when one is back', async () => {
    const backend = backendOn(primary);
    const session = await signIn(backend, person);
    await checkAccount(backend, session);
    await primary.pause();
    try {
      expect(await codeOf(checkAccount(backend, session))).toBe('DIRECTORY_UNAVAILABLE');
    } finally {
      await primary.resume();
    }
    await expect(checkAccount(backend, session)).resolves.toEqual({ purpose: 'apply' });
    await backend.close();
  });

  it('moves to the second server when the first stops, and back to the first once it returns', async () => {
    const clock = {
      t: Date.now(),
      now() {
        return this.t;
      },
    };
    const { connect, opened } = recordingConnector();
    const backend = backendOn(primary, {
      urls: [primary.ldapsUrl, secondary.ldapsUrl],
      connectLdap: connect,
      clock,
      config: { directory: { failbackSeconds: 60 } },
    });
    const session = await signIn(backend, person, 'apply', clock.t);
    await checkAccount(backend, session);
    expect(opened).toEqual([primary.ldapsUrl]);

    await primary.pause();
    await checkAccount(backend, session);
    expect(opened.slice(1)).toEqual([primary.ldapsUrl, secondary.ldapsUrl]);
    await primary.resume();

    clock.t += 30_000; // still within the fail-back delay: stays on the second server
    await checkAccount(backend, session);
    expect(opened).toHaveLength(3);
    clock.t += 31_000;
    await checkAccount(backend, session);
    expect(opened.at(-1)).toBe(primary.ldapsUrl);
    await backend.close();
  });
});
