// The browser host: serves the built renderer and the kiosk API over loopback HTTP, so the whole
// kiosk runs and is tested in Chromium without the Electron binary. Dev-only, never packaged.
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import { randomBytes, timingSafeEqual } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import type { AddressInfo } from 'node:net';
import type { ResultCode } from '../../shared/contract/codes';
import type { Dispatcher } from '../../electron/services/dispatcher';
import type { Logger } from '../../electron/services/logger';
import { SECURITY_HEADERS, contentTypeFor, resolveRendererFile } from '../../electron/services/renderer-files';
import { SECOND_WINDOW_PATH, type AisSecondWindow } from './ais-second-window';

export const API_PREFIX = '/api/';
export const LAUNCH_PATH = '/launch';
/** Where AIS sends the browser back, with ?data=<token>, as it did to the legacy portal. */
export const PORTAL_PATH = '/portal/index.cgi';
const COOKIE = 'mxk';
const MAX_BODY_BYTES = 64 * 1024;

export interface BrowserHostOptions {
  rendererDir: string;
  dispatcher: Dispatcher;
  logger: Logger;
  /** 0 picks a free port. */
  port?: number;
  /** Per-launch secret; generated when omitted. */
  secret?: string;
  /**
   * Takes the AIS token from the portal route. Returns null when a session started, or the
   * result code to show; the page is then sent back to the kiosk with ?handoff=ok|<code>.
   */
  completeHandoff?: (data: string | null, clientIp: string) => ResultCode | null;
  /**
   * AIS in a second window while the kiosk page waits (ais-second-window.ts), instead of the
   * page leaving for AIS: the portal route then answers that window, not the kiosk page.
   */
  secondWindow?: Pick<AisSecondWindow, 'loginUrlWhenWaiting' | 'takeHandoff'>;
}

export interface BrowserHost {
  origin: string;
  /** Opening this URL once sets the secret cookie and redirects to the kiosk. */
  launchUrl: string;
  port: number;
  close(): Promise<void>;
}

function sameSecret(given: string | undefined, secret: string): boolean {
  if (!given) return false;
  const a = Buffer.from(given);
  const b = Buffer.from(secret);
  return a.length === b.length && timingSafeEqual(a, b);
}

function cookieValue(req: IncomingMessage): string | undefined {
  for (const part of (req.headers.cookie ?? '').split(';')) {
    const [name, ...rest] = part.trim().split('=');
    if (name === COOKIE) return rest.join('=');
  }
  return undefined;
}

function send(
  res: ServerResponse,
  status: number,
  type: string,
  body: string | Buffer,
  extra: Record<string, string> = {},
): void {
  res.writeHead(status, { ...SECURITY_HEADERS, 'Content-Type': type, 'Cache-Control': 'no-store', ...extra });
  res.end(body);
}

const FORBIDDEN_TEXT = '403 禁止存取 / Forbidden: open the kiosk through the launch URL the host printed.\n';

const NOTHING_WAITING_TEXT = '目前沒有等待中的登入 / No sign-in is waiting: start it on the kiosk first.\n';
const BACK_TO_KIOSK_TEXT = '請回到自助服務機視窗 / Continue in the kiosk window.\n';

async function readBody(req: IncomingMessage): Promise<string | null> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > MAX_BODY_BYTES) return null;
    chunks.push(chunk);
  }
  return Buffer.concat(chunks).toString('utf8');
}

export async function startBrowserHost(options: BrowserHostOptions): Promise<BrowserHost> {
  const secret = options.secret ?? randomBytes(32).toString('hex');
  const { dispatcher, logger, rendererDir } = options;
  let origin = '';
  let allowedHosts: string[] = [];

  const server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => {
      logger.error('browser host request failed', { error, path: req.url?.split('?')[0] });
      if (!res.headersSent) send(res, 500, 'text/plain; charset=utf-8', '500\n');
      else res.destroy();
    });
  });

  async function handle(req: IncomingMessage, res: ServerResponse): Promise<void> {
    // A Host check defeats DNS rebinding: only our own loopback name may address us.
    if (!allowedHosts.includes(req.headers.host ?? ''))
      return send(res, 403, 'text/plain; charset=utf-8', FORBIDDEN_TEXT);
    const url = new URL(req.url ?? '/', origin);

    if (url.pathname === LAUNCH_PATH) {
      if (req.method !== 'GET' || !sameSecret(url.searchParams.get('k') ?? undefined, secret)) {
        return send(res, 403, 'text/plain; charset=utf-8', FORBIDDEN_TEXT);
      }
      // HttpOnly keeps the secret away from page scripts; Strict keeps other sites from using it.
      return send(res, 303, 'text/plain; charset=utf-8', '', {
        'Set-Cookie': `${COOKIE}=${secret}; HttpOnly; SameSite=Strict; Path=/`,
        Location: '/',
      });
    }
    if (!sameSecret(cookieValue(req), secret)) return send(res, 403, 'text/plain; charset=utf-8', FORBIDDEN_TEXT);

    if (options.secondWindow && url.pathname === SECOND_WINDOW_PATH) {
      const loginUrl = await options.secondWindow.loginUrlWhenWaiting();
      if (!loginUrl) return send(res, 409, 'text/plain; charset=utf-8', NOTHING_WAITING_TEXT);
      return send(res, 303, 'text/plain; charset=utf-8', '', { Location: loginUrl });
    }
    if (url.pathname === PORTAL_PATH && options.secondWindow) {
      const code = options.secondWindow.takeHandoff(url.searchParams.get('data'), req.socket.remoteAddress ?? '');
      // This window is not the kiosk: it only says where to go on; the kiosk page shows the outcome.
      return send(
        res,
        code ? 400 : 200,
        'text/plain; charset=utf-8',
        code ? `${code}\n${BACK_TO_KIOSK_TEXT}` : BACK_TO_KIOSK_TEXT,
      );
    }
    if (url.pathname === PORTAL_PATH && options.completeHandoff) {
      const code = options.completeHandoff(url.searchParams.get('data'), req.socket.remoteAddress ?? '');
      // The token never reaches the renderer: the page comes back with only the outcome.
      return send(res, 303, 'text/plain; charset=utf-8', '', {
        Location: `/?handoff=${encodeURIComponent(code ?? 'ok')}`,
      });
    }
    if (url.pathname.startsWith(API_PREFIX)) {
      // Only same-origin JSON posts: a cross-site form cannot send this content type.
      const originHeader = req.headers.origin;
      if (req.method !== 'POST' || (originHeader !== undefined && originHeader !== origin)) {
        return send(res, 403, 'application/json', JSON.stringify({ ok: false, code: 'FORBIDDEN' }));
      }
      if (!(req.headers['content-type'] ?? '').startsWith('application/json')) {
        return send(res, 415, 'application/json', JSON.stringify({ ok: false, code: 'BAD_REQUEST' }));
      }
      const body = await readBody(req);
      if (body === null) return send(res, 413, 'application/json', JSON.stringify({ ok: false, code: 'BAD_REQUEST' }));
      let payload: unknown;
      try {
        payload = JSON.parse(body || '{}');
      } catch {
        payload = undefined;
      }
      if (typeof payload !== 'object' || payload === null) {
        return send(res, 400, 'application/json', JSON.stringify({ ok: false, code: 'BAD_REQUEST' }));
      }
      let channel: string;
      try {
        channel = decodeURIComponent(url.pathname.slice(API_PREFIX.length));
      } catch {
        // A malformed %-escape is a bad request like any other, answered in the API's own shape.
        return send(res, 400, 'application/json', JSON.stringify({ ok: false, code: 'BAD_REQUEST' }));
      }
      const result = await dispatcher.dispatch(channel, payload, {
        clientIp: req.socket.remoteAddress ?? '',
        transport: 'http',
      });
      return send(res, 200, 'application/json', JSON.stringify(result));
    }

    if (req.method !== 'GET' && req.method !== 'HEAD') return send(res, 405, 'text/plain; charset=utf-8', '405\n');
    const file = resolveRendererFile(rendererDir, url.pathname);
    if (!file) return send(res, 404, 'text/plain; charset=utf-8', '404\n');
    let content: Buffer;
    try {
      content = await readFile(file);
    } catch {
      return send(res, 404, 'text/plain; charset=utf-8', '404\n');
    }
    send(res, 200, contentTypeFor(file), req.method === 'HEAD' ? '' : content);
  }

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  const { port } = server.address() as AddressInfo;
  origin = `http://127.0.0.1:${port}`;
  allowedHosts = [`127.0.0.1:${port}`, `localhost:${port}`];
  return {
    origin,
    port,
    launchUrl: `${origin}${LAUNCH_PATH}?k=${secret}`,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
