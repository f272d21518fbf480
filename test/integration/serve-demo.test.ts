// `mx-kiosk serve --demo` as a process: the ready line, --port, the secret, and a clean stop
// that leaves no slapd behind. Needs the built renderer (npm run build).
import { existsSync } from 'node:fs';
import { dirname } from 'node:path';
import { createServer } from 'node:net';
import { Client } from 'ldapts';
import { describe, expect, it } from 'vitest';
import { startDemoHost } from '../support/demo-host-process';

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((r) => server.listen(0, '127.0.0.1', r));
  const { port } = server.address() as { port: number };
  await new Promise((r) => server.close(r));
  return port;
}

describe('mx-kiosk names --demo', () => {
  it('checks availability against the demo directory: hmwang exists, so hmwang2 is offered', async () => {
    const { execFile } = await import('node:child_process');
    const { promisify } = await import('node:util');
    const { MX_KIOSK_BIN } = await import('../support/demo-host-process');
    const { stdout } = await promisify(execFile)(process.execPath, [
      MX_KIOSK_BIN,
      'names',
      'WANG,HSIAO-MING',
      '--demo',
    ]);
    const names = stdout.trim().split('\n');
    expect(names).toContain('hmwang2');
    expect(names).not.toContain('hmwang');
    expect(names).toContain('hm.wang');
  });
});

describe('mx-kiosk serve --demo', () => {
  it('prints one ready line, honours --port, serves the API behind the secret, and stops everything on SIGTERM', async () => {
    const port = await freePort();
    const host = await startDemoHost(['--port', String(port)]);
    const { ready } = host;
    try {
      expect(ready.url).toMatch(new RegExp(`^http://127\\.0\\.0\\.1:${port}/launch\\?k=[0-9a-f]{64}$`));
      expect(ready.ldap.bindDn).toMatch(/^cn=admin,/);
      expect(ready.ais).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/$/);
      const aisLogin = await fetch(ready.ais!);
      expect(await aisLogin.text()).toContain('Academic Information System');

      const origin = new URL(ready.url).origin;
      const denied = await fetch(`${origin}/api/kiosk:status`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json' },
        body: '{}',
      });
      expect(denied.status).toBe(403);

      const launch = await fetch(ready.url, { redirect: 'manual' });
      const cookie = (launch.headers.get('set-cookie') ?? '').split(';')[0]!;
      const res = await fetch(`${origin}/api/kiosk:status`, {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Cookie: cookie },
        body: '{}',
      });
      expect(await res.json()).toMatchObject({
        ok: true,
        data: { kioskId: 'demo-counter', directory: { state: 'online', serversReachable: 1 } },
      });

      // The printed LDAP credentials really open the demo directory.
      const admin = new Client({ url: ready.ldap.url });
      await admin.bind(ready.ldap.bindDn, ready.ldap.password);
      await admin.unbind();
    } finally {
      expect(await host.stop('SIGTERM')).toBe(0);
    }
    const probe = new Client({ url: ready.ldap.url, connectTimeout: 1000 });
    await expect(probe.bind(ready.ldap.bindDn, ready.ldap.password)).rejects.toThrow();
    expect(existsSync(dirname(ready.ldap.caFile))).toBe(false);
    await expect(fetch(ready.url)).rejects.toThrow();
    await expect(fetch(ready.ais!)).rejects.toThrow();
  });

  it('stops cleanly on SIGINT too', async () => {
    const host = await startDemoHost();
    expect(await host.stop('SIGINT')).toBe(0);
    expect(existsSync(dirname(host.ready.ldap.caFile))).toBe(false);
  });
});
