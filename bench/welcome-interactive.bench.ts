// Time from navigation to an interactive Welcome screen (the Apply button visible and enabled), in
// Debian's Chromium, side by side in one run with a bare Vite + React page that renders one button,
// built here with the same Vite and React. Each load is in a fresh browser context (cold cache).
// Run: npm run build && npx tsx bench/welcome-interactive.bench.ts
import { createServer } from 'node:http';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { extname, join } from 'node:path';
import { chromium, type Browser } from '@playwright/test';
import react from '@vitejs/plugin-react';
import { build } from 'vite';
import { startDemoHost } from '../test/support/demo-host-process';

const RUNS = 15;
const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

// The baseline: the least a Vite + React page can be.
const bareRoot = await mkdtemp(join(tmpdir(), 'mx-bare-react-'));
await writeFile(join(bareRoot, 'index.html'), '<!doctype html><html><head><meta charset="utf-8"><title>bare</title></head><body><div id="root"></div><script type="module" src="./main.jsx"></script></body></html>');
// The same Chinese label as the kiosk's: drawing CJK text (the system's Noto CJK font) is part of
// any Chinese first screen, so the baseline pays it too.
await writeFile(join(bareRoot, 'main.jsx'), "import { createRoot } from 'react-dom/client';\ncreateRoot(document.getElementById('root')).render(<button type=\"button\">申請教職員電子郵件帳號</button>);\n");
await build({ root: bareRoot, logLevel: 'silent', plugins: [react()], resolve: { alias: { react: join(process.cwd(), 'node_modules/react'), 'react-dom': join(process.cwd(), 'node_modules/react-dom') } }, build: { outDir: join(bareRoot, 'dist') } });
const types: Record<string, string> = { '.html': 'text/html', '.js': 'text/javascript' };
const bare = createServer(async (req, res) => {
  const path = req.url === '/' ? '/index.html' : (req.url ?? '/');
  try {
    const body = await readFile(join(bareRoot, 'dist', path));
    res.writeHead(200, { 'Content-Type': types[extname(path)] ?? 'application/octet-stream' });
    res.end(body);
  } catch {
    res.writeHead(404).end();
  }
});
await new Promise<void>((r) => bare.listen(0, '127.0.0.1', r));
const bareUrl = `http://127.0.0.1:${(bare.address() as { port: number }).port}/`;

const host = await startDemoHost();
const browser: Browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: CHROMIUM_ARGS });

async function timeToButton(url: string, name: string, launchFirst?: string): Promise<number> {
  const context = await browser.newContext();
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
  const elapsed = Date.now() - started;
  await context.close();
  return elapsed;
}

const samples = { bare: [] as number[], kiosk: [] as number[] };
try {
  const kioskUrl = new URL('/', host.ready.url).href;
  for (let i = 0; i < RUNS + 2; i += 1) {
    const b = await timeToButton(bareUrl, '申請教職員電子郵件帳號');
    const k = await timeToButton(kioskUrl, '申請教職員電子郵件帳號', host.ready.url);
    if (i >= 2) {
      samples.bare.push(b);
      samples.kiosk.push(k);
    }
  }
} finally {
  await browser.close();
  await host.stop();
  bare.close();
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
console.log(`Navigation to an interactive first screen, ${RUNS} cold loads each (alternating), Chromium ${browser.version()}`);
console.log('| what | median ms | worst ms |');
console.log('|---|---:|---:|');
console.log(`| bare Vite + React page (one button, the same Chinese label) | ${median(samples.bare)} | ${Math.max(...samples.bare)} |`);
console.log(`| kiosk Welcome (Apply button) | ${median(samples.kiosk)} | ${Math.max(...samples.kiosk)} |`);
console.log(`| ratio kiosk / bare | ${(median(samples.kiosk) / median(samples.bare)).toFixed(2)}× | |`);
console.log(`goal: ≤ 1.5× → ${median(samples.kiosk) / median(samples.bare) <= 1.5 ? 'met' : 'NOT met'}`);
