// The renderer's initial JavaScript in gzipped bytes (what index.html loads before anything is
// typed), side by side with the chunks kept out of it: the zxcvbn worker and the English strings.
// Reads the build.
// Run: npm run build && npx tsx bench/initial-bundle.bench.ts
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

const dir = join(process.cwd(), 'out', 'renderer');
const html = readFileSync(join(dir, 'index.html'), 'utf8');
const initial = [...html.matchAll(/(?:src|href)="\.\/(assets\/[^"]+\.js)"/g)].map((m) => m[1]!);
const gz = (file: string) => gzipSync(readFileSync(join(dir, file)), { level: 9 }).length;
const assets = (prefix: string) =>
  readdirSync(join(dir, 'assets'))
    .filter((f) => f.startsWith(prefix) && f.endsWith('.js'))
    .map((f) => `assets/${f}`);
const worker = assets('strength.worker');
const english = assets('en-');
const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;

const initialBytes = initial.reduce((sum, f) => sum + gz(f), 0);
const workerBytes = worker.reduce((sum, f) => sum + gz(f), 0);
console.log('Renderer JavaScript, gzip -9 of the production build');
console.log('| what | files | gzipped |');
console.log('|---|---|---:|');
console.log(`| initial JS (loaded by index.html) | ${initial.join(', ')} | ${kb(initialBytes)} |`);
console.log(`| zxcvbn worker chunk (loaded on the first typed password) | ${worker.join(', ')} | ${kb(workerBytes)} |`);
console.log(
  `| English strings (loaded on the switch, or once Welcome is up and idle) | ${english.join(', ')} | ${kb(english.reduce((sum, f) => sum + gz(f), 0))} |`,
);
console.log(
  `| initial JS if zxcvbn were bundled in | | ${kb(initialBytes + workerBytes)} (${((initialBytes + workerBytes) / initialBytes).toFixed(1)}×) |`,
);
console.log(`goal: initial ≤ 200 KB → ${initialBytes <= 200 * 1024 ? 'met' : 'NOT met'}`);
