// The bilingual "temporarily out of service" page: shown when the configuration is bad or missing
// (with the validation errors for the operator), and by the helpdesk switch. Served by the app://
// handler as plain HTML and CSS, with no script, under the same CSP.
const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

export const OUT_OF_SERVICE_CSS = `body{margin:0;font-family:'Noto Sans CJK TC',sans-serif;background:#f7f6fa;color:#1b1f24}
main{max-width:46rem;margin:12vh auto;padding:0 1.5rem}h1{font-size:2.4rem;margin:0}h2{font-size:1.6rem;color:#4a5562;margin:.3rem 0 2rem}
p{font-size:1.2rem}section{margin-top:3rem;font-size:.9rem;color:#4a5562;border-top:1px solid #d7d2e0}li{font-family:monospace}`;

export function outOfServicePage(operatorDetails: { title: string; lines: readonly string[] } | null): string {
  const details = operatorDetails
    ? `<section lang="en" aria-label="For the operator"><h3>${escapeHtml(operatorDetails.title)}</h3><ul>${operatorDetails.lines.map((l) => `<li>${escapeHtml(l)}</li>`).join('')}</ul></section>`
    : '';
  return `<!doctype html><html lang="zh-Hant-TW"><head><meta charset="utf-8"><title>暫停服務 Out of service</title>
<link rel="icon" href="data:,"><link rel="stylesheet" href="out-of-service.css"></head><body><main>
<h1>本服務台暫停服務</h1><h2 lang="en">This kiosk is temporarily out of service</h2>
<p>請洽服務台人員協助，或稍後再試。</p><p lang="en">Please ask the helpdesk staff, or try again later.</p>${details}
</main></body></html>`;
}
