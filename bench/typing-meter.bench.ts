// The longest main-thread block while a 64-character password is typed into step 3, in Debian's
// Chromium through the demo host, side by side in one run: the kiosk's meter (zxcvbn in a Web
// Worker) and the same page with zxcvbn also run on the main thread at every keystroke.
// The block is measured with an event-loop sampler (the largest gap between MessageChannel pings),
// since the Long Tasks API reports only tasks over 50 ms.
// Run: npm run build && npx tsx bench/typing-meter.bench.ts
import { chromium, type Page } from '@playwright/test';
import { startDemoHost } from '../test/support/demo-host-process';
import { toStep3 as toStep3From } from './kiosk-page';

const PASSWORD = 'Vb7#qLm2!xTr9wKz$Pq8@Zn4^Lc6&Rt1*Ys5(Hu3)Wd7+Gm9=Bk2~Jf4|Xe6?Na8'.slice(0, 64);
const ROUNDS = 5;
const CHROMIUM_ARGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'];

const host = await startDemoHost();
const browser = await chromium.launch({ executablePath: process.env.CHROMIUM_PATH ?? '/usr/bin/chromium', args: CHROMIUM_ARGS });

const toStep3 = (page: Page, staffId: string) => toStep3From(page, host.ready.url, staffId);

/** After the last key: how long until the meter shows a level for the whole password. */
async function meterCatchUpMs(page: Page): Promise<number> {
  // A string, not a function: tsx would wrap named inner functions in a helper the page lacks.
  return page.evaluate(`new Promise((resolve) => {
    const started = performance.now();
    const check = () => {
      const level = document.querySelector('.meter strong')?.getAttribute('data-level');
      if (level && level !== 'none') resolve(performance.now() - started);
      else requestAnimationFrame(check);
    };
    check();
  })`) as Promise<number>;
}

async function longestBlockWhileTyping(page: Page): Promise<number> {
  // Warm up: the worker (or main-thread zxcvbn) has loaded before timing starts.
  await page.getByLabel('信箱新密碼').fill('warm-up-1');
  await page.waitForTimeout(300);
  await page.getByLabel('信箱新密碼').fill('');
  await page.evaluate(() => {
    const w = window as unknown as { __maxGap: number; __stop: boolean };
    w.__maxGap = 0;
    w.__stop = false;
    const channel = new MessageChannel();
    let last = performance.now();
    channel.port1.onmessage = () => {
      const now = performance.now();
      w.__maxGap = Math.max(w.__maxGap, now - last);
      last = now;
      if (!w.__stop) channel.port2.postMessage(0);
    };
    channel.port2.postMessage(0);
  });
  await page.getByLabel('信箱新密碼').pressSequentially(PASSWORD, { delay: 25 });
  catchUp.push(await meterCatchUpMs(page));
  await page.waitForTimeout(300);
  return page.evaluate(() => {
    const w = window as unknown as { __maxGap: number; __stop: boolean };
    w.__stop = true;
    return w.__maxGap;
  });
}

const samples = { worker: [] as number[], mainThread: [] as number[] };
const catchUp: number[] = [];
const people = ['z10003', 'z10004', 'z10006', 'z10011', 'z10013'];
try {
  for (let round = 0; round < ROUNDS; round += 1) {
    // The kiosk as built: zxcvbn in the worker.
    const kiosk = await browser.newPage();
    await toStep3(kiosk, people[round % people.length]!);
    samples.worker.push(await longestBlockWhileTyping(kiosk));
    await kiosk.getByRole('button', { name: '取消申請' }).click();
    await kiosk.close();

    // The same page, plus zxcvbn on the main thread at every keystroke (CSP bypassed to inject it).
    const context = await browser.newContext({ bypassCSP: true });
    const naive = await context.newPage();
    await toStep3(naive, people[round % people.length]!);
    await naive.addScriptTag({ path: 'node_modules/zxcvbn/dist/zxcvbn.js' });
    await naive.evaluate(() => {
      const input = document.querySelector('input[type=password]') as HTMLInputElement;
      const z = (window as unknown as { zxcvbn: (p: string) => unknown }).zxcvbn;
      input.addEventListener('input', () => z(input.value));
    });
    samples.mainThread.push(await longestBlockWhileTyping(naive));
    await naive.getByRole('button', { name: '取消申請' }).click();
    await context.close();
  }
} finally {
  await browser.close();
  await host.stop();
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)]!;
const max = (xs: number[]) => Math.max(...xs);
console.log(`Longest main-thread block while typing a 64-character password (25 ms between keys), ${ROUNDS} rounds, Chromium ${browser.version()}`);
console.log('| what | median of rounds ms | worst round ms |');
console.log('|---|---:|---:|');
console.log(`| kiosk: zxcvbn in a Web Worker | ${median(samples.worker).toFixed(1)} | ${max(samples.worker).toFixed(1)} |`);
console.log(`| same page + zxcvbn on the main thread | ${median(samples.mainThread).toFixed(1)} | ${max(samples.mainThread).toFixed(1)} |`);
console.log(`| ratio main-thread / worker | ${(median(samples.mainThread) / median(samples.worker)).toFixed(1)}× | |`);
console.log(`goal: < 50 ms → ${max(samples.worker) < 50 ? 'met' : 'NOT met'}`);
console.log(`meter shows the full password's level ${median(catchUp).toFixed(0)} ms (median; worst ${max(catchUp).toFixed(0)} ms) after the last key`);
