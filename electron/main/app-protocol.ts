// The app:// protocol: serves the built renderer from disk with the kiosk's CSP, and nothing
// outside the renderer folder (see resolveRendererFile for the traversal rules).
import { contentTypeFor, resolveRendererFile, SECURITY_HEADERS } from '../services/renderer-files';

export const APP_SCHEME = 'app';
export const APP_HOST = 'kiosk';
/** The kiosk's one page. */
export const KIOSK_URL = `${APP_SCHEME}://${APP_HOST}/index.html`;

/**
 * True for app://kiosk/… only. Compares protocol and host, not URL.origin: Node's URL reports
 * origin "null" for custom schemes, which would make every origin check fail or match wrongly.
 */
export function isKioskAppUrl(url: string): boolean {
  try {
    const parsed = new URL(url);
    return parsed.protocol === `${APP_SCHEME}:` && parsed.host === APP_HOST;
  } catch {
    return false;
  }
}

export function createAppProtocolHandler(
  rendererDir: string,
  readFile: (path: string) => Promise<Uint8Array>,
): (request: Request) => Promise<Response> {
  // Refusals carry the same CSP and nosniff as pages: a 404's body is never run or sniffed.
  const refuse = (status: 400 | 404) =>
    new Response(status === 404 ? 'not found' : 'bad request', {
      status,
      headers: { ...SECURITY_HEADERS, 'Content-Type': 'text/plain; charset=utf-8' },
    });
  return async (request) => {
    let url: URL;
    try {
      url = new URL(request.url);
    } catch {
      return refuse(400);
    }
    if (url.protocol !== `${APP_SCHEME}:` || url.host !== APP_HOST) return refuse(404);
    const file = resolveRendererFile(rendererDir, url.pathname);
    if (!file) return refuse(404);
    try {
      const body = await readFile(file);
      return new Response(body, { headers: { ...SECURITY_HEADERS, 'Content-Type': contentTypeFor(file) } });
    } catch {
      return refuse(404);
    }
  };
}
