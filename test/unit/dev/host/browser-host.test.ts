// The browser host over real loopback HTTP: the per-launch secret, Host/Origin checks, and the
// same dispatcher results as IPC.
import { mkdtemp, mkdir, writeFile } from 'node:fs/promises';
import { request } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startBrowserHost, type BrowserHost } from '../../../../dev/host/browser-host';
import { silentLogger } from '../../../../electron/services/logger';
import { statusOnlyDispatcher } from '../../../support/status-dispatcher';

let host: BrowserHost;
let cookie: string;
let seenIp: string | undefined;

interface Reply {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

// node:http rather than fetch: fetch cannot send a forged Host header.
function call(
  path: string,
  options: { method?: string; headers?: Record<string, string>; body?: string } = {},
): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const req = request(
      { host: '127.0.0.1', port: host.port, path, method: options.method ?? 'GET', headers: options.headers },
      (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (c: string) => (body += c));
        res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
      },
    );
    req.on('error', reject);
    req.end(options.body);
  });
}

const api = (channel: string, body = '{}', headers: Record<string, string> = {}) =>
  call(`/api/${channel}`, {
    method: 'POST',
    body,
    headers: { 'Content-Type': 'application/json', Cookie: cookie, ...headers },
  });

beforeAll(async () => {
  const rendererDir = join(await mkdtemp(join(tmpdir(), 'mx-kiosk-host-')), 'renderer');
  await mkdir(rendererDir);
  await writeFile(join(rendererDir, 'index.html'), '<!doctype html><title>host</title>');
  const dispatcher = statusOnlyDispatcher('host-test', (context) => {
    seenIp = context.clientIp;
  });
  host = await startBrowserHost({ rendererDir, dispatcher, logger: silentLogger, secret: 'a'.repeat(64) });
  const launch = await call(new URL(host.launchUrl).pathname + new URL(host.launchUrl).search);
  expect(launch.status).toBe(303);
  cookie = String(launch.headers['set-cookie']).split(';')[0]!;
});

afterAll(() => host.close());

describe('browser host', () => {
  it('listens on loopback only', () => {
    expect(host.origin).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
  });

  it('sets the secret as an HttpOnly, SameSite=Strict cookie on launch', async () => {
    const launch = await call(`/launch?k=${'a'.repeat(64)}`);
    expect(String(launch.headers['set-cookie'])).toMatch(/HttpOnly; SameSite=Strict/);
    expect(launch.headers.location).toBe('/');
  });

  it.each([
    ['/launch?k=wrong', {}],
    ['/launch', {}],
    ['/', {}],
    ['/', { Cookie: 'mxk=' + 'b'.repeat(64) }],
  ])('answers 403 to %s without the right secret', async (path, headers) => {
    expect((await call(path, { headers: headers as Record<string, string> })).status).toBe(403);
  });

  it('answers 403 to an API call without the secret, and never runs the handler', async () => {
    seenIp = undefined;
    const res = await call('/api/kiosk:status', {
      method: 'POST',
      body: '{}',
      headers: { 'Content-Type': 'application/json' },
    });
    expect(res.status).toBe(403);
    expect(seenIp).toBeUndefined();
  });

  it('refuses a foreign Host header (DNS rebinding) even with the secret', async () => {
    const res = await call('/', { headers: { Cookie: cookie, Host: 'evil.example:80' } });
    expect(res.status).toBe(403);
  });

  it('refuses a cross-origin API call even with the secret', async () => {
    const res = await api('kiosk:status', '{}', { Origin: 'http://evil.example' });
    expect(res.status).toBe(403);
    expect(JSON.parse(res.body)).toEqual({ ok: false, code: 'FORBIDDEN' });
  });

  it('serves the renderer with the CSP once launched', async () => {
    const res = await call('/', { headers: { Cookie: cookie } });
    expect(res.status).toBe(200);
    expect(res.body).toContain('<title>host</title>');
    expect(res.headers['content-security-policy']).toContain("script-src 'self'");
  });

  it('answers 404 to traversal', async () => {
    for (const path of ['/../../etc/passwd', '/%2e%2e/%2e%2e/etc/passwd', '/..%2f..%2fetc%2fpasswd']) {
      expect((await call(path, { headers: { Cookie: cookie } })).status).toBe(404);
    }
  });

  it('runs the API through the dispatcher, with the peer address as client IP', async () => {
    const res = await api('kiosk:status');
    expect(res.status).toBe(200);
    expect(JSON.parse(res.body)).toMatchObject({ ok: true, data: { kioskId: 'host-test' } });
    expect(seenIp).toMatch(/127\.0\.0\.1$/);
    expect(res.headers['cache-control']).toBe('no-store');
  });

  it('maps bad input to contract codes, never to a stack', async () => {
    expect(JSON.parse((await api('kiosk:nope')).body)).toEqual({ ok: false, code: 'UNKNOWN_CHANNEL' });
    expect(JSON.parse((await api('kiosk:status', '{"x":1}')).body)).toEqual({ ok: false, code: 'BAD_REQUEST' });
    const broken = await api('kiosk:status', '{not json');
    expect(broken.status).toBe(400);
    expect(broken.body).not.toMatch(/SyntaxError|at /);
    expect((await api('kiosk:status', '{}', { 'Content-Type': 'text/plain' })).status).toBe(415);
    expect((await api('kiosk:status', JSON.stringify({ pad: 'x'.repeat(70_000) }))).status).toBe(413);
    expect((await call('/api/kiosk:status', { headers: { Cookie: cookie } })).status).toBe(403);
  });

  it('answers a malformed %-escape in an API path with a JSON 400, not a plain-text 500', async () => {
    const bad = await api('kiosk%E0%A4%A:status');
    expect(bad.status).toBe(400);
    expect(JSON.parse(bad.body)).toEqual({ ok: false, code: 'BAD_REQUEST' });
  });
});
