// Soak: complete sessions, one after another, in ONE kiosk page that is never reloaded, as at a
// counter that runs all day. The host runs as `mx-kiosk serve --demo --ais-second-window` (AIS in a
// second window while the kiosk page waits, so the page never leaves), in its own process with a
// probe that reports its memory after a full GC. Every `--every` sessions the bench samples the
// renderer (JS heap after a forced GC, DOM nodes, event listeners), the host (RSS, JS heap),
// slapd's RSS and the median session time; it prints the series as a Markdown table and writes
// the chart docs/soak-chart.svg.
// Run: npm run build && npx tsx bench/soak.bench.ts [--sessions 500] [--every 25]
import { readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { chromium, type CDPSession, type Page } from '@playwright/test';
import { codeIn } from '../dev/mail-sink/mail-sink';
import { DEBIAN_CHROMIUM } from '../test/support/debian-chromium';
import { startDemoHost, type DemoHostProcess } from '../test/support/demo-host-process';
import { rememberSeededAccounts, restoreSeededAccounts } from '../test/e2e/fixtures/seeded-accounts';
import { logInAtAis } from '../test/e2e/specs/sign-in/ais-simulator';
import { percentile } from './bench-support';
import { splitHeapSnapshot } from './heap-snapshot-split';
import { growthVerdicts, soakChartSvg, type SoakSample } from './soak-report';

const { values } = parseArgs({
  options: { sessions: { type: 'string', default: '500' }, every: { type: 'string', default: '25' } },
  strict: true,
});
const SESSIONS = Number(values.sessions);
const EVERY = Number(values.every);
if (!Number.isInteger(SESSIONS) || SESSIONS < 1 || !Number.isInteger(EVERY) || EVERY < 1)
  throw new Error('--sessions and --every must be positive integers');

/** People of the demo roster who can apply (no mailbox yet, eligible, Chinese AIS profile); their accounts are removed after each session. */
const APPLICANTS = ['z10011', 'z10003', 'z10013', 'z10014', 'z10004', 'z10006'];
const PASSWORD = 'Vb7#qLm2!xTr9wKz';

type Ending = 'finish' | 'finish-confirming-contact' | 'reject' | 'idle';
/** Every tenth session is walked away from (the idle wipe), every tenth rejects a policy; of the rest, one in four confirms a contact address. */
function endingOf(n: number): Ending {
  if (n % 10 === 0) return 'idle';
  if (n % 10 === 5) return 'reject';
  return n % 5 === 2 ? 'finish-confirming-contact' : 'finish';
}

const PROBE = pathToFileURL(join(process.cwd(), 'bench', 'host-memory-probe.mjs')).href;
const host = await startDemoHost(['--ais-second-window'], 60_000, ['--expose-gc', '--import', PROBE]);
const seeded = await rememberSeededAccounts(host.ready);
const browser = await chromium.launch(DEBIAN_CHROMIUM);

/** The host's own memory after two full GCs, from the probe preloaded into it. */
function hostMemory(
  process: DemoHostProcess['child'],
): Promise<{ rss: number; heapUsed: number; machineCode: number }> {
  return new Promise((resolve) => {
    process.once('message', (message) => resolve(message as { rss: number; heapUsed: number; machineCode: number }));
    process.send('sample');
  });
}

/** slapd is the demo host's own child; its resident set from /proc. */
function slapdPid(parent: number): number {
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    try {
      const stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
      const comm = stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
      const ppid = Number(stat.slice(stat.lastIndexOf(')') + 2).split(' ')[1]);
      if (comm === 'slapd' && ppid === parent) return Number(entry);
    } catch {
      // the process ended while we looked
    }
  }
  throw new Error('slapd of the demo host not found');
}
const rssKiB = (pid: number) => Number(/^VmRSS:\s+(\d+) kB$/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1]);

async function rendererMetrics(
  cdp: CDPSession,
): Promise<{ heap: number; nodes: number; listeners: number; codeBytes: number; objectBytes: number }> {
  await cdp.send('HeapProfiler.collectGarbage');
  const { metrics } = await cdp.send('Performance.getMetrics');
  const metric = (name: string) => metrics.find((m) => m.name === name)?.value ?? NaN;
  // After the metrics: what the heap holds, code apart from objects (the snapshot itself leaves nothing behind in the page).
  const chunks: string[] = [];
  const onChunk = ({ chunk }: { chunk: string }) => chunks.push(chunk);
  cdp.on('HeapProfiler.addHeapSnapshotChunk', onChunk);
  await cdp.send('HeapProfiler.takeHeapSnapshot', { reportProgress: false });
  cdp.off('HeapProfiler.addHeapSnapshotChunk', onChunk);
  return {
    heap: metric('JSHeapUsedSize'),
    nodes: metric('Nodes'),
    listeners: metric('JSEventListeners'),
    ...splitHeapSnapshot(chunks.join('')),
  };
}

function newestMailTo(outbox: string, address: string, seen: number): string | undefined {
  const mails = readdirSync(outbox)
    .filter((f) => f.endsWith('.eml'))
    .sort();
  return mails
    .slice(seen)
    .map((f) => readFileSync(join(outbox, f), 'utf8'))
    .find((m) => m.includes(`To: ${address}`));
}

async function confirmContact(page: Page, n: number): Promise<void> {
  const outbox = host.ready.mailOutbox!;
  const seen = readdirSync(outbox).filter((f) => f.endsWith('.eml')).length;
  const address = `soak${n}@example.org`;
  await page.getByLabel('聯絡用電子郵件信箱', { exact: true }).fill(address);
  await page.getByRole('button', { name: '核對地址' }).click();
  await page.getByRole('button', { name: '寄送確認碼' }).click();
  await page.getByLabel('確認碼').waitFor();
  let mail: string | undefined;
  for (let tries = 0; !(mail = newestMailTo(outbox, address, seen)); tries += 1) {
    if (tries > 200) throw new Error(`no code mailed to ${address}`);
    await new Promise((r) => setTimeout(r, 50));
  }
  await page.getByLabel('確認碼').fill(codeIn(mail)!);
  await page.getByRole('button', { name: '確認', exact: true }).click();
  await page.getByText(/^已確認聯絡用信箱/).waitFor();
}

const heading = (page: Page, name: string) => page.getByRole('heading', { level: 1, name, exact: true }).waitFor();

/** One person at the counter, from Welcome back to Welcome. */
async function session(page: Page, n: number): Promise<void> {
  const ending = endingOf(n);
  await page.getByRole('button', { name: '申請教職員電子郵件帳號' }).click();
  await heading(page, '以校務資訊系統登入');
  const aisWindow = await page.context().newPage();
  await aisWindow.goto(host.ready.aisWindow!);
  await logInAtAis(aisWindow, APPLICANTS[n % APPLICANTS.length]!);
  await aisWindow.getByText('Continue in the kiosk window').waitFor();
  await aisWindow.close();
  await heading(page, '個人資料');
  await page.getByRole('button', { name: '電子郵件帳號申請' }).click();
  await heading(page, '校園網路使用規範');
  if (ending === 'reject') {
    await page.getByRole('button', { name: '不同意' }).click();
    await heading(page, '未同意使用規範');
    await page.getByRole('button', { name: '回到首頁' }).click();
    return heading(page, '電子郵件帳號服務');
  }
  await page.getByRole('button', { name: '同意，繼續' }).click();
  await heading(page, '電子郵件信箱使用規範');
  if (ending === 'idle') {
    // The person walks away at step 2: the page's clock jumps past the idle question and its countdown.
    await page.clock.fastForward('01:32');
    await page.getByRole('alertdialog').waitFor();
    await page.clock.fastForward('00:21');
    return heading(page, '電子郵件帳號服務');
  }
  await page.getByRole('button', { name: '同意，繼續' }).click();
  await heading(page, '設定帳號');
  await page.locator('.candidate input').first().check();
  await page.getByLabel('信箱新密碼').fill(PASSWORD);
  await page.getByLabel('新密碼確認').fill(PASSWORD);
  await page.getByRole('button', { name: '確定申請' }).click();
  await heading(page, '您的電子郵件帳號已建立');
  if (ending === 'finish-confirming-contact') await confirmContact(page, n);
  await page.getByRole('button', { name: '完成' }).click();
  await heading(page, '電子郵件帳號服務');
  // The next time this person comes, they apply again.
  await restoreSeededAccounts(host.ready, seeded);
}

const samples: SoakSample[] = [];
try {
  const context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
  const page = await context.newPage();
  // The page's clock runs at the real pace; only the idle sessions jump it forward.
  await page.clock.install();
  await page.goto(host.ready.url);
  await page.getByRole('button', { name: '申請教職員電子郵件帳號' }).waitFor();
  // A value only this loaded page holds: a reload or a navigation would drop it.
  await page.evaluate(() => ((window as unknown as { soakPage: string }).soakPage = 'first load'));
  const cdp = await context.newCDPSession(page);
  await cdp.send('Performance.enable');
  const slapd = slapdPid(host.child.pid!);
  let times: number[] = [];
  const sample = async (n: number) => {
    const renderer = await rendererMetrics(cdp);
    const hostNow = await hostMemory(host.child);
    const row: SoakSample = {
      session: n,
      rendererHeapMiB: renderer.heap / 2 ** 20,
      rendererCodeMiB: renderer.codeBytes / 2 ** 20,
      rendererObjectsMiB: renderer.objectBytes / 2 ** 20,
      domNodes: renderer.nodes,
      listeners: renderer.listeners,
      hostRssMiB: hostNow.rss / 2 ** 20,
      hostHeapMiB: hostNow.heapUsed / 2 ** 20,
      hostMachineCodeMiB: hostNow.machineCode / 2 ** 20,
      slapdRssMiB: rssKiB(slapd) / 1024,
      medianSessionMs: times.length ? percentile(times, 50) : NaN,
    };
    samples.push(row);
    times = [];
    console.error(JSON.stringify(row));
  };
  await sample(0);
  for (let n = 1; n <= SESSIONS; n += 1) {
    const started = performance.now();
    await session(page, n);
    times.push(performance.now() - started);
    if (n % EVERY === 0 || n === SESSIONS) await sample(n);
  }
  const kept = await page.evaluate(() => (window as unknown as { soakPage?: string }).soakPage);
  if (kept !== 'first load') throw new Error('the kiosk page was reloaded during the soak');
  console.log(`${SESSIONS} sessions in one kiosk page, never reloaded, Chromium ${browser.version()}`);
} finally {
  await browser.close();
  await host.stop();
}

const f1 = (v: number) => (Number.isNaN(v) ? '–' : v.toFixed(1));
const f2 = (v: number) => v.toFixed(2);
console.log(
  '| after session | renderer JS heap MiB | (code / objects in its snapshot) | DOM nodes | event listeners | host RSS MiB | host JS heap MiB | (machine code) | slapd RSS MiB | median session ms |',
);
console.log('|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|');
for (const s of samples) {
  console.log(
    `| ${s.session} | ${f2(s.rendererHeapMiB)} | ${f2(s.rendererCodeMiB)} / ${f2(s.rendererObjectsMiB)} | ${s.domNodes} | ${s.listeners} | ${f1(s.hostRssMiB)} | ${f2(s.hostHeapMiB)} | ${f2(s.hostMachineCodeMiB)} | ${f1(s.slapdRssMiB)} | ${f1(s.medianSessionMs)} |`,
  );
}
for (const line of growthVerdicts(samples, Math.round(SESSIONS / 5))) console.log(line);
const chart = join(process.cwd(), 'docs', 'soak-chart.svg');
writeFileSync(chart, soakChartSvg(samples));
console.log(`chart: ${chart}`);
