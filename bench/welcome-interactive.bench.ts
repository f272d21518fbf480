// Time from navigation to an interactive Welcome screen (the Apply button visible; the demo's directory is online, so it is enabled), in
// Debian's Chromium, side by side in one run with a bare Vite + React page that renders one button,
// built here with the same Vite and React. Each load is in a fresh browser context (cold cache).
// Run: npm run build && npx tsx bench/welcome-interactive.bench.ts
// The goal (≤ 1.5×) is against the plain bare page, by Playwright's figure.
// Playwright's wait polls at growing gaps (0, 20, 50, 100, 100, 500 ms), so its figure moves in steps;
// the page's own clock (performance.now(), from navigation start) also records when the button first
// reached a painted frame, which is the finer figure to compare changes by.
import { createServer } from 'node:http';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { extname, join } from 'node:path';
import { chromium, type Browser } from '@playwright/test';
import react from '@vitejs/plugin-react';
import { build } from 'vite';
import { SECURITY_HEADERS } from '../electron/services/renderer-files';
import { DEBIAN_CHROMIUM } from '../test/support/debian-chromium';
import { startDemoHost } from '../test/support/demo-host-process';

const RUNS = 15;

// The baseline: the least a Vite + React page can be.
const bareRoot = await mkdtemp(join(tmpdir(), 'mx-bare-react-'));
await writeFile(
  join(bareRoot, 'index.html'),
  '<!doctype html><html><head><meta charset="utf-8"><title>bare</title></head><body><div id="root"></div><script type="module" src="./main.jsx"></script></body></html>',
);
// The same Chinese label as the kiosk's: drawing CJK text (the system's Noto CJK font) is part of
// any Chinese first screen, so the baseline pays it too.
await writeFile(
  join(bareRoot, 'main.jsx'),
  "import { createRoot } from 'react-dom/client';\ncreateRoot(document.getElementById('root')).render(<button type=\"button\">申請教職員電子郵件帳號</button>);\n",
);
await build({
  root: bareRoot,
  logLevel: 'silent',
  plugins: [react()],
  resolve: {
    alias: {
      react: join(process.cwd(), 'node_modules/react'),
      'react-dom': join(process.cwd(), 'node_modules/react-dom'),
    },
  },
  build: { outDir: join(bareRoot, 'dist') },
});
const types: Record<string, string> = { '.html': 'text/html', '.js': 'text/javascript' };
// The same page twice: plain, as the goal's baseline, and with the kiosk's own response headers
// (its CSP and Cross-Origin-Opener-Policy), so what the headers cost shows apart from the renderer's.
// COOP puts the page in a new browsing context group, so Chromium starts a new renderer process for it.
const serveBare = (headers: Record<string, string>) =>
  createServer(async (req, res) => {
    const path = req.url === '/' ? '/index.html' : (req.url ?? '/');
    try {
      const body = await readFile(join(bareRoot, 'dist', path));
      res.writeHead(200, { ...headers, 'Content-Type': types[extname(path)] ?? 'application/octet-stream' });
      res.end(body);
    } catch {
      res.writeHead(404).end();
    }
  });
const bare = serveBare({});
const bareWithHeaders = serveBare(SECURITY_HEADERS);
await new Promise<void>((r) => bare.listen(0, '127.0.0.1', r));
await new Promise<void>((r) => bareWithHeaders.listen(0, '127.0.0.1', r));
const bareUrl = `http://127.0.0.1:${(bare.address() as { port: number }).port}/`;
const bareWithHeadersUrl = `http://127.0.0.1:${(bareWithHeaders.address() as { port: number }).port}/`;

const host = await startDemoHost();
const browser: Browser = await chromium.launch(DEBIAN_CHROMIUM);

// Runs in the page before its own scripts (injected by the browser, so the page's CSP does not
// apply): the first mutation after which the button is in the layout, then the next frame. A string,
// not a function: tsx would wrap a function's inner functions in a helper the page does not have.
const watchForButton = (label: string) => `(() => {
  const shown = () => [...document.querySelectorAll('button')].some((b) => b.textContent === ${JSON.stringify(label)} && b.getBoundingClientRect().width > 0);
  const observer = new MutationObserver(() => {
    if (!shown()) return;
    observer.disconnect();
    requestAnimationFrame(() => setTimeout(() => { window.buttonPaintedAt = performance.now(); }, 0));
  });
  observer.observe(document, { childList: true, subtree: true });
})();`;

async function timeToButton(
  url: string,
  name: string,
  launchFirst?: string,
): Promise<{ polled: number; painted: number }> {
  const context = await browser.newContext();
  await context.addInitScript(watchForButton(name));
  const page = await context.newPage();
  if (launchFirst) {
    // The launch URL sets the secret cookie; then a plain navigation to the kiosk is timed.
    await page.goto(launchFirst);
    await context.clearPermissions();
    await page.goto('about:blank');
  }
  const started = Date.now();
  await page.goto(url, { waitUntil: 'commit' });
  await page.getByRole('button', { name, exact: true }).waitFor({ state: 'visible' });
  const polled = Date.now() - started;
  const painted = await page
    .waitForFunction(() => (window as unknown as { buttonPaintedAt?: number }).buttonPaintedAt)
    .then((h) => h.jsonValue() as Promise<number>);
  await context.close();
  return { polled, painted: Math.round(painted) };
}

type Sample = { polled: number; painted: number };
const samples = { bare: [] as Sample[], bareWithHeaders: [] as Sample[], kiosk: [] as Sample[] };
try {
  const kioskUrl = new URL('/', host.ready.url).href;
  for (let i = 0; i < RUNS + 2; i += 1) {
    const b = await timeToButton(bareUrl, '申請教職員電子郵件帳號');
    const h = await timeToButton(bareWithHeadersUrl, '申請教職員電子郵件帳號');
    const k = await timeToButton(kioskUrl, '申請教職員電子郵件帳號', host.ready.url);
    if (i >= 2) {
      samples.bare.push(b);
      samples.bareWithHeaders.push(h);
      samples.kiosk.push(k);
    }
  }
} finally {
  await browser.close();
  await host.stop();
  bare.close();
  bareWithHeaders.close();
}

// Nearest rank: p50 is the median, p95 of 15 loads is the 15th.
const percentile = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.ceil((p / 100) * xs.length) - 1]!;
const column = (side: Sample[], key: keyof Sample) => side.map((s) => s[key]);
const row = (what: string, side: Sample[]) =>
  `| ${what} | ${percentile(column(side, 'polled'), 50)} | ${percentile(column(side, 'polled'), 95)} | ${percentile(column(side, 'painted'), 50)} | ${percentile(column(side, 'painted'), 95)} |`;
const ratio = (key: keyof Sample, p: number, to: Sample[] = samples.bare) =>
  percentile(column(samples.kiosk, key), p) / percentile(column(to, key), p);
console.log(
  `Navigation to an interactive first screen, ${RUNS} cold loads each (alternating), Chromium ${browser.version()}`,
);
console.log('| what | seen by Playwright p50 ms | p95 ms | painted (page clock) p50 ms | p95 ms |');
console.log('|---|---:|---:|---:|---:|');
console.log(row('bare Vite + React page (one button, the same Chinese label)', samples.bare));
console.log(row("the same bare page with the kiosk's response headers (CSP, COOP)", samples.bareWithHeaders));
console.log(row('kiosk Welcome (Apply button)', samples.kiosk));
const ratios = (what: string, to: Sample[]) =>
  `| ${what} | ${ratio('polled', 50, to).toFixed(2)}× | ${ratio('polled', 95, to).toFixed(2)}× | ${ratio('painted', 50, to).toFixed(2)}× | ${ratio('painted', 95, to).toFixed(2)}× |`;
console.log(ratios('ratio kiosk / bare', samples.bare));
console.log(ratios('ratio kiosk / bare with the headers', samples.bareWithHeaders));
console.log(`goal: ≤ 1.5× (p50 seen by Playwright) → ${ratio('polled', 50) <= 1.5 ? 'met' : 'NOT met'}`);
