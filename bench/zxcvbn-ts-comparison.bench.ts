// Should the meter (and main's policy) move from zxcvbn 4.4.2 to @zxcvbn-ts/core? Measured in one
// Node process on the same strings, the two libraries alternated A B A B so that neither gets the
// quieter half of the run: the time per check (p50/p95 and the ratio), the gzipped size of each as
// the kiosk would bundle it (esbuild, minified, with the common and English dictionaries for
// zxcvbn-ts), and how often their Good/Strong decision (score >= 3) agrees on a few hundred
// passwords made here from a fixed seed. The rule: switch only if it is faster or
// smaller, and agrees on at least 98%.
// Run: npx tsx bench/zxcvbn-ts-comparison.bench.ts
import { build } from 'esbuild';
import { gzipSync } from 'node:zlib';
import zxcvbn from 'zxcvbn';
import { ZxcvbnFactory } from '@zxcvbn-ts/core';
import * as common from '@zxcvbn-ts/language-common';
import * as en from '@zxcvbn-ts/language-en';
import { ms, percentile } from './bench-support';

const ROUNDS = 6;

const ts = new ZxcvbnFactory({
  dictionary: { ...common.dictionary, ...en.dictionary },
  graphs: common.adjacencyGraphs,
  translations: en.translations,
});

/** A small seeded generator (mulberry32): the same passwords on every run. */
function seeded(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function passwords(): string[] {
  const rnd = seeded(13);
  const pick = <T>(xs: readonly T[]) => xs[Math.floor(rnd() * xs.length)]!;
  const words = en.dictionary['commonWords-en'].slice(200, 6000);
  const names = en.dictionary['firstnames-en'].slice(0, 2000);
  const seps = ['', '-', '.', '_', ' ', '!'];
  const leet = (w: string) => w.replace(/a/g, '@').replace(/o/g, '0').replace(/e/g, '3');
  const cap = (w: string) => w.charAt(0).toUpperCase() + w.slice(1);
  const printable = Array.from({ length: 94 }, (_, i) => String.fromCharCode(33 + i)).join('');
  const out = new Set<string>();
  const add = (n: number, make: () => string) => {
    for (let i = 0; i < n; ) {
      const p = make();
      if (p.length >= 8 && p.length <= 64 && !out.has(p)) {
        out.add(p);
        i += 1;
      }
    }
  };
  add(60, () => `${pick(words)}${Math.floor(rnd() * 10000)}`);
  add(60, () => `${cap(pick(words))}${pick(seps)}${pick(words)}`);
  add(60, () => [pick(words), pick(words), pick(words)].join(pick(seps)));
  add(60, () =>
    Array.from({ length: 8 + Math.floor(rnd() * 9) }, () => printable[Math.floor(rnd() * printable.length)]).join(''),
  );
  add(60, () => `${cap(pick(names))}${1960 + Math.floor(rnd() * 67)}`);
  add(40, () => `${leet(pick(words))}${pick(['!', '#', '$', '1', '123'])}`);
  add(40, () => `${pick(['qwerty', 'asdfgh', 'zxcvbn', '1qaz2wsx', 'abcdef', '987654'])}${pick(words)}`);
  add(20, () => [pick(words), pick(words), pick(words), pick(words)].join(' '));
  return [...out];
}

/** The meter's lengths, as the typing benchmark uses them. */
export const LENGTH_SAMPLES = [10, 16, 24, 32, 64].map((n) =>
  'Vb7#qLm2!xTr9wKz$Pq8@Zn4^Lc6&Rt1*Ys5(Hu3)Wd7+Gm9=Bk2~Jf4|Xe6?Na8'.slice(0, n),
);

function timeEach(list: string[], check: (p: string) => number, into: number[]): void {
  for (const p of list) {
    const started = process.hrtime.bigint();
    check(p);
    into.push(Number(process.hrtime.bigint() - started) / 1e6);
  }
}

async function gzippedBundle(source: string): Promise<number> {
  const result = await build({
    stdin: { contents: source, resolveDir: process.cwd(), loader: 'ts' },
    bundle: true,
    minify: true,
    format: 'esm',
    platform: 'browser',
    write: false,
    logLevel: 'silent',
  });
  return gzipSync(result.outputFiles[0]!.contents, { level: 9 }).length;
}

const list = passwords();
const old = (p: string) => zxcvbn(p).score;
const next = (p: string) => ts.check(p).score;

// Agreement on the decision the kiosk makes: Good or Strong (score >= 3), or not.
let agree = 0;
let scoreSame = 0;
for (const p of list) {
  const a = old(p);
  const b = next(p);
  if (a >= 3 === b >= 3) agree += 1;
  if (a === b) scoreSame += 1;
}

// Warm both up, then alternate A B A B.
timeEach(list.slice(0, 50), old, []);
timeEach(list.slice(0, 50), next, []);
const times = { old: [] as number[], next: [] as number[] };
const byLength = new Map<number, { old: number[]; next: number[] }>(
  LENGTH_SAMPLES.map((p) => [p.length, { old: [], next: [] }]),
);
for (let round = 0; round < ROUNDS; round += 1) {
  timeEach(list, old, times.old);
  for (const p of LENGTH_SAMPLES) timeEach([p], old, byLength.get(p.length)!.old);
  timeEach(list, next, times.next);
  for (const p of LENGTH_SAMPLES) timeEach([p], next, byLength.get(p.length)!.next);
}

const sizeOld = await gzippedBundle(`import z from 'zxcvbn'; export const score = (p) => z(p).score;`);
const sizeNext = await gzippedBundle(`
  import { ZxcvbnFactory } from '@zxcvbn-ts/core';
  import * as common from '@zxcvbn-ts/language-common';
  import * as en from '@zxcvbn-ts/language-en';
  const z = new ZxcvbnFactory({ dictionary: { ...common.dictionary, ...en.dictionary }, graphs: common.adjacencyGraphs, translations: en.translations });
  export const score = (p) => z.check(p).score;`);

const row = (what: string, xs: number[]) => `| ${what} | ${ms(percentile(xs, 50))} | ${ms(percentile(xs, 95))} |`;
console.log(
  `${list.length} passwords (8–64 characters, fixed seed), ${ROUNDS} alternated rounds, Node ${process.version}`,
);
console.log('| library | p50 ms per check | p95 ms per check |');
console.log('|---|---:|---:|');
console.log(row('zxcvbn 4.4.2', times.old));
console.log(row('@zxcvbn-ts/core 4 (common + en)', times.next));
const ratio50 = percentile(times.next, 50) / percentile(times.old, 50);
const ratio95 = percentile(times.next, 95) / percentile(times.old, 95);
console.log(`| ratio zxcvbn-ts / zxcvbn | ${ratio50.toFixed(2)}× | ${ratio95.toFixed(2)}× |`);
console.log('');
console.log('| length | zxcvbn p50 ms | zxcvbn-ts p50 ms |');
console.log('|---:|---:|---:|');
for (const [length, t] of byLength)
  console.log(`| ${length} | ${ms(percentile(t.old, 50))} | ${ms(percentile(t.next, 50))} |`);
console.log('');
console.log(`gzipped bundle: zxcvbn ${(sizeOld / 1024).toFixed(1)} KiB, zxcvbn-ts ${(sizeNext / 1024).toFixed(1)} KiB`);
console.log(
  `Good/Strong decision agrees on ${agree} of ${list.length} (${((100 * agree) / list.length).toFixed(1)} %); identical score on ${scoreSame}`,
);
const faster = ratio50 < 1;
const smaller = sizeNext < sizeOld;
const agrees = agree / list.length >= 0.98;
console.log(
  `switch? faster: ${faster}, smaller: ${smaller}, agrees >= 98 %: ${agrees} → ${(faster || smaller) && agrees ? 'yes' : 'no'}`,
);
