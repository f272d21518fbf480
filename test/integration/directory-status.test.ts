// kiosk:status end to end on the node side: config → ldaps connector → root DSE → dispatcher.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startSlapd, type RunningSlapd } from '../../dev/slapd/throwaway-slapd';
import { testBackend, testConfig } from '../support/test-config';

let slapd: RunningSlapd;
beforeAll(async () => {
  slapd = await startSlapd();
});
afterAll(() => slapd?.stop());

// A port nobody listens on: connecting is refused at once.
const DEAD_URL = 'ldaps://127.0.0.1:1';

function backendFor(urls: string[], extra: Record<string, unknown> = {}) {
  return testBackend(
    testConfig(
      {
        kioskId: 'it-counter',
        directory: {
          urls,
          caFile: slapd.caFile,
          bindDn: slapd.serviceDn,
          baseDn: slapd.baseDn,
          connectTimeoutMs: 1500,
          ...extra,
        },
      },
      { TEST_LDAP_PASSWORD: slapd.servicePassword },
    ),
  );
}

const status = (backend: ReturnType<typeof backendFor>) =>
  backend.dispatcher.dispatch('kiosk:status', {}, { clientIp: '127.0.0.1', transport: 'http' });

describe('kiosk:status against a real slapd', () => {
  it('reports online over ldaps with the configured CA', async () => {
    await expect(status(backendFor([slapd.ldapsUrl]))).resolves.toEqual({
      ok: true,
      // The test config's AIS URL is a closed loopback port: AIS reads offline.
      data: {
        appVersion: 'test',
        kioskId: 'it-counter',
        directory: { state: 'online', serversConfigured: 1, serversReachable: 1, writable: true },
        ais: { state: 'offline' },
        outOfService: false,
        reference: null,
        notice: null,
      },
    });
  });

  it('reads the naming context from the root DSE', async () => {
    const [server] = await backendFor([slapd.ldapsUrl]).directoryHealth.probeAll();
    expect(server).toMatchObject({ reachable: true, namingContexts: [slapd.baseDn] });
  });

  it('reports online with one dead and one live server', async () => {
    const result = await status(backendFor([DEAD_URL, slapd.ldapsUrl]));
    expect(result).toMatchObject({
      ok: true,
      data: { directory: { state: 'online', serversConfigured: 2, serversReachable: 1 } },
    });
  });

  it('works over StartTLS on the plain port', async () => {
    const result = await status(backendFor([slapd.ldapUrl], { startTls: true }));
    expect(result).toMatchObject({ ok: true, data: { directory: { state: 'online', serversReachable: 1 } } });
  });

  it('counts a server whose certificate does not verify as unreachable', async () => {
    // No caFile: the throwaway CA is not in the system store, so verification must fail.
    const backend = testBackend(testConfig({ directory: { urls: [slapd.ldapsUrl], baseDn: slapd.baseDn } }));
    const [server] = await backend.directoryHealth.probeAll();
    expect(server).toMatchObject({ reachable: false });
    expect(server?.error).toMatch(/certificate/i);
  });

  it('reports offline while slapd is down and online once it is back', async () => {
    const backend = backendFor([slapd.ldapsUrl]);
    await slapd.pause();
    try {
      await expect(status(backend)).resolves.toMatchObject({
        ok: true,
        data: { directory: { state: 'offline', serversReachable: 0 } },
      });
    } finally {
      await slapd.resume();
    }
    await expect(status(backend)).resolves.toMatchObject({
      ok: true,
      data: { directory: { state: 'online', serversReachable: 1 } },
    });
  });
});
