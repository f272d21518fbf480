// The bilingual "temporarily out of service" page: shown when the configuration is bad or missing,
// or when a counter build was started with a switch it refuses. It shows a reference code and
// nothing internal; the log line with the same reference, and the doctor, carry the details.
// Served by the app:// handler as plain HTML and CSS, with no script, under the same CSP.
import { randomBytes } from 'node:crypto';
import { SECURITY_HEADERS } from '../services/renderer-files';

export type OutOfServiceCause = 'CONFIG' | 'SWITCH' | 'CRASH';

/** The page's path under app://kiosk/, next to the renderer's own files. */
export const OUT_OF_SERVICE_PAGE = 'out-of-service.html';
const STYLESHEET = 'out-of-service.css';

/** Is this app:// request for the out-of-service page or its stylesheet? */
export function isOutOfServiceRequest(url: string): boolean {
  const path = new URL(url).pathname;
  return path === `/${OUT_OF_SERVICE_PAGE}` || path === `/${STYLESHEET}`;
}

/** The page (or its stylesheet) as an app:// response, under the kiosk's CSP. */
export function outOfServiceResponse(url: string, reference: string): Response {
  const css = new URL(url).pathname === `/${STYLESHEET}`;
  return new Response(css ? OUT_OF_SERVICE_CSS : outOfServicePage(reference), {
    headers: { ...SECURITY_HEADERS, 'Content-Type': css ? 'text/css; charset=utf-8' : 'text/html; charset=utf-8' },
  });
}

/** A short code the operator finds in the log, e.g. CONFIG-7F3A2C; the random part tells two starts apart. */
export function outOfServiceReference(cause: OutOfServiceCause, random: Uint8Array = randomBytes(3)): string {
  return `${cause}-${Buffer.from(random).toString('hex').toUpperCase()}`;
}

const escapeHtml = (text: string) =>
  text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

export const OUT_OF_SERVICE_CSS = `body{margin:0;font-family:'Noto Sans CJK TC',sans-serif;background:#f7f6fa;color:#1b1f24}
main{max-width:46rem;margin:12vh auto;padding:0 1.5rem}h1{font-size:2.4rem;margin:0}h2{font-size:1.6rem;color:#4a5562;margin:.3rem 0 2rem}
p{font-size:1.2rem}.reference{margin-top:3rem;font-size:1rem;color:#4a5562}.reference code{font-size:1.2rem;color:#1b1f24}`;

export function outOfServicePage(reference: string): string {
  return `<!doctype html><html lang="zh-Hant-TW"><head><meta charset="utf-8"><title>暫停服務 Out of service</title>
<link rel="icon" href="data:,"><link rel="stylesheet" href="/out-of-service.css"></head><body><main>
<h1>本自助服務機暫停服務</h1><h2 lang="en">This kiosk is temporarily out of service</h2>
<p>請洽服務台人員協助，或稍後再試。</p><p lang="en">Please ask the helpdesk staff, or try again later.</p>
<p class="reference">請告知服務台人員此代碼 <span lang="en">Tell the helpdesk this code</span>: <code>${escapeHtml(reference)}</code></p>
</main></body></html>`;
}
