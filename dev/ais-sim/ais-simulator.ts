// A stand-in for the university's AIS, for the demo and tests only (never packaged). It logs a
// person in against a demo roster, shows the "Computer and Communication Center Services →
// Division of Network Systems" choice, and hands over a sealed token exactly as AIS would.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { z } from 'zod';
import { normaliseIp, serializeHandoffFields } from '../../electron/services/ais/handoff-payload';
import type { AisTokenCodec } from '../../electron/services/ais/token-codec';
import type { Clock } from '../../electron/services/clock';

const RosterSchema = z.object({
  password: z.string().min(1),
  people: z.array(
    z.object({
      id: z.string().min(1),
      name: z.string(),
      name_en: z.string(),
      condition: z.string(),
      language: z.string(),
      note: z.string().default(''),
    }),
  ),
});
export type Roster = z.infer<typeof RosterSchema>;

export const DEMO_ROSTER_PATH = new URL('./demo-roster.json', import.meta.url);

export function loadRoster(path: URL | string = DEMO_ROSTER_PATH): Roster {
  return RosterSchema.parse(JSON.parse(readFileSync(path, 'utf8')));
}

/** The address the "another network" simulation pretends AIS saw (TEST-NET-3, never routed). */
export const OTHER_NETWORK_IP = '203.0.113.7';
/** How old the "expired link" simulation makes its token: past the 2-minute validity. */
export const EXPIRED_AGE_SECONDS = 180;

export interface AisSimulatorOptions {
  codec: AisTokenCodec;
  roster: Roster;
  clock: Clock;
  port?: number;
}

export interface AisSimulator {
  url: string;
  /** The kiosk's portal URL the handoff redirects to; set once the kiosk is listening. */
  setPortalUrl(url: string): void;
  close(): Promise<void>;
}

const escapeHtml = (text: string) =>
  text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

function page(title: string, body: string): string {
  return `<!doctype html><html lang="zh-Hant-TW"><head><meta charset="utf-8"><link rel="icon" href="data:,"><title>${title}</title>
<style>body{font-family:'Noto Sans CJK TC',sans-serif;margin:0;background:#eef1f5;color:#222;font-size:18px}
header{background:#2c4a7a;color:#fff;padding:12px 24px}main{padding:24px;max-width:52rem}
label{display:block;margin:12px 0 4px}input{font:inherit;padding:8px;width:16rem}
button,a.button{font:inherit;display:inline-block;margin-top:16px;padding:10px 20px;background:#2c4a7a;color:#fff;border:0;border-radius:6px;text-decoration:none}
table{border-collapse:collapse;margin-top:24px;font-size:15px}td,th{border:1px solid #bbb;padding:4px 8px;text-align:left}
.sim{margin-top:32px;padding:12px;border:2px dashed #a66;background:#fff7f7}.error{color:#a00}</style></head>
<body><header>校務資訊系統（模擬器） Academic Information System (simulator)</header><main>${body}</main></body></html>`;
}

function readForm(req: IncomingMessage): Promise<URLSearchParams> {
  return new Promise((resolve, reject) => {
    let body = '';
    req.setEncoding('utf8');
    req.on('data', (c: string) => {
      body += c;
      if (body.length > 4096) req.destroy();
    });
    req.on('end', () => resolve(new URLSearchParams(body)));
    req.on('error', reject);
  });
}

/** Logins the simulator remembers; an older one must log in again. */
export const SIMULATOR_SESSIONS_KEPT = 64;

export async function startAisSimulator(options: AisSimulatorOptions): Promise<AisSimulator> {
  const { codec, roster, clock } = options;
  const sessions = new Map<string, string>();
  let portalUrl = '';

  const loginPage = (error = '') =>
    page(
      '登入 Log in',
      `<h1>登入 Log in</h1>${error ? `<p class="error">${error}</p>` : ''}
<form method="post" action="/login">
<label for="id">帳號（職號／學號） Account (staff or student ID)</label><input id="id" name="id" autocomplete="off">
<label for="password">密碼 Password</label><input id="password" name="password" type="password">
<br><button type="submit">登入 Log in</button></form>
<table><caption>示範帳號（密碼皆為 <code>${escapeHtml(roster.password)}</code>） Demo people (password <code>${escapeHtml(roster.password)}</code>)</caption>
<tr><th>ID</th><th>Name</th><th>English name</th><th>Condition</th><th>Why</th></tr>
${roster.people.map((p) => `<tr><td>${escapeHtml(p.id)}</td><td>${p.name}</td><td>${escapeHtml(p.name_en)}</td><td>${escapeHtml(p.condition)}</td><td>${escapeHtml(p.note)}</td></tr>`).join('')}
</table>`,
    );

  const servicesPage = () =>
    page(
      '計通中心相關服務',
      `<h1>計通中心相關服務 Computer and Communication Center Services</h1>
<p><a class="button" href="/handoff">網路系統組線上服務 Division of Network Systems</a></p>
<div class="sim"><strong>模擬選項（僅供展示與測試） Simulation (demo and tests only)</strong><br>
<a class="button" href="/handoff?simulate=expired">過期連結 Expired link</a>
<a class="button" href="/handoff?simulate=other-network">不同網路 Another network (IP mismatch)</a></div>`,
    );

  const send = (res: ServerResponse, status: number, html: string, headers: Record<string, string> = {}) => {
    res.writeHead(status, { 'Content-Type': 'text/html; charset=utf-8', 'Cache-Control': 'no-store', ...headers });
    res.end(html);
  };
  const sessionOf = (req: IncomingMessage) => {
    const match = /(?:^|;\s*)aissim=([0-9a-f]+)/.exec(req.headers.cookie ?? '');
    return match ? sessions.get(match[1]!) : undefined;
  };

  const server = createServer((req, res) => {
    void (async () => {
      const url = new URL(req.url ?? '/', 'http://sim');
      if (req.method === 'POST' && url.pathname === '/login') {
        const form = await readForm(req);
        const id = (form.get('id') ?? '').trim().toLowerCase();
        const person = roster.people.find((p) => p.id === id);
        if (!person || form.get('password') !== roster.password) {
          return send(res, 401, loginPage('帳號或密碼錯誤 Wrong account or password'));
        }
        const sid = randomBytes(16).toString('hex');
        sessions.set(sid, person.id);
        // A demo runs all day: only the most recent logins are kept (a Map keeps insertion order).
        if (sessions.size > SIMULATOR_SESSIONS_KEPT) sessions.delete(sessions.keys().next().value!);
        res.writeHead(303, { Location: '/services', 'Set-Cookie': `aissim=${sid}; HttpOnly; SameSite=Lax; Path=/` });
        return res.end();
      }
      if (url.pathname === '/services') {
        return sessionOf(req) ? send(res, 200, servicesPage()) : send(res, 303, '', { Location: '/' });
      }
      if (url.pathname === '/handoff') {
        const person = roster.people.find((p) => p.id === sessionOf(req));
        if (!person) return send(res, 303, '', { Location: '/' });
        if (!portalUrl) return send(res, 503, page('503', '<p>The kiosk portal is not ready yet.</p>'));
        const simulate = url.searchParams.get('simulate');
        const now = Math.floor(clock.now() / 1000);
        const token = codec.seal(
          serializeHandoffFields({
            charset: 'utf-8',
            name: person.name,
            name_en: person.name_en,
            id: person.id,
            // AIS binds the link to the address it sees the browser at.
            ip: simulate === 'other-network' ? OTHER_NETWORK_IP : normaliseIp(req.socket.remoteAddress ?? ''),
            timestamp: String(simulate === 'expired' ? now - EXPIRED_AGE_SECONDS : now),
            language: person.language,
            condition: person.condition,
          }),
        );
        return send(res, 303, '', { Location: `${portalUrl}?data=${token}` });
      }
      if (url.pathname === '/') return send(res, 200, loginPage());
      return send(res, 404, page('404', '<p>404</p>'));
    })().catch(() => {
      if (!res.headersSent) send(res, 500, page('500', '<p>500</p>'));
    });
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}/`,
    setPortalUrl: (url) => {
      portalUrl = url;
    },
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
