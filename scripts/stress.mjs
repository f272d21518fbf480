// `npm run test:e2e:stress` and `npm run test:integration:stress`: the suites repeated while every
// core is kept busy, to surface the races a quiet machine hides. A tool, not a gate: scripts/test.mjs
// never runs it. Usage: node scripts/stress.mjs e2e|integration [--repeat N] [runner args…]
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { startCpuLoad } from './cpu-load.mjs';

const root = join(import.meta.dirname, '..');
const bin = (name) => join(root, 'node_modules', '.bin', name);
const reports = join(root, 'test-results');
const env = { ...process.env, PLAYWRIGHT_SKIP_BROWSER_DOWNLOAD: '1' };

const [target, ...rest] = process.argv.slice(2);
if (target !== 'e2e' && target !== 'integration') {
  process.stderr.write('usage: node scripts/stress.mjs e2e|integration [--repeat N] [runner args…]\n');
  process.exit(2);
}
let repeat = target === 'e2e' ? 5 : 3;
const passThrough = [];
for (let i = 0; i < rest.length; i += 1) {
  // --repeat-each is Playwright's own spelling; taking it here keeps one count per run.
  if (rest[i] === '--repeat' || rest[i] === '--repeat-each') repeat = Number(rest[(i += 1)]);
  else passThrough.push(rest[i]);
}
if (!Number.isInteger(repeat) || repeat < 1) {
  process.stderr.write('--repeat needs a positive whole number\n');
  process.exit(2);
}
// The E2E host serves the built renderer; a stale or missing build would test something else.
if (target === 'e2e' && !existsSync(join(root, 'out', 'renderer', 'index.html'))) {
  process.stderr.write('no build in out/: run `npm run build` first\n');
  process.exit(2);
}
// Well above a repeat's time under load: the cap only keeps a hung run from burning CPU for ever.
const maxMinutes = Number(process.env.STRESS_LOAD_MAX_MINUTES ?? (target === 'e2e' ? 20 : 15) * repeat);

let child = null;
let exited = Promise.resolve();
let stopping = false;
function runner(command, args) {
  // Once interrupted, the loop below must not start the next run while this one is stopped.
  if (stopping) return new Promise(() => {});
  process.stdout.write(`\n=== stress ${target}: ${[command, ...args].join(' ')}\n`);
  return new Promise((resolve) => {
    // Its own process group: what its workers start (slapd, Chromium, demo hosts) can be found
    // and stopped as a group if the run is interrupted.
    child = spawn(command, args, { cwd: root, env, stdio: 'inherit', detached: true });
    exited = new Promise((done) => child.on('exit', done));
    child.on('exit', (code, signal) => {
      child = null;
      resolve(code ?? signal);
    });
  });
}
const within = (ms, promise) => Promise.race([promise, new Promise((done) => setTimeout(done, ms).unref())]);
const signalGroup = (pgid, signal) => {
  try {
    process.kill(-pgid, signal);
  } catch {
    // ESRCH: nothing of the group is left.
  }
};
for (const signal of ['SIGINT', 'SIGTERM']) {
  process.on(signal, async () => {
    stopping = true;
    const running = child;
    if (running) {
      // The runner first, alone, so it stops its workers and servers its own way; whatever
      // outlives it in its group (a slapd a worker started during that shutdown) goes after.
      running.kill(signal);
      await within(15_000, exited);
      signalGroup(running.pid, 'SIGTERM');
      await new Promise((done) => setTimeout(done, 2_000));
      signalGroup(running.pid, 'SIGKILL');
    }
    process.exit(128 + (signal === 'SIGINT' ? 2 : 15));
  });
}

function readJson(path) {
  try {
    return JSON.parse(readFileSync(path, 'utf8'));
  } catch {
    return null;
  }
}

/** Playwright's JSON report: counts, and the title of every test that did not pass as expected. */
function e2eOutcome(report) {
  const failures = [];
  const walk = (suite, path) => {
    for (const spec of suite.specs ?? []) {
      for (const test of spec.tests ?? []) {
        if (test.status === 'unexpected' || test.status === 'flaky')
          failures.push(`${spec.file}:${spec.line} › ${[...path, spec.title].join(' › ')}`);
      }
    }
    for (const inner of suite.suites ?? [])
      walk(inner, inner.title && inner.title !== inner.file ? [...path, inner.title] : path);
  };
  for (const suite of report.suites ?? []) walk(suite, []);
  const { expected, unexpected, flaky, skipped } = report.stats;
  return {
    tests: expected + unexpected + flaky + skipped,
    passed: expected,
    failed: unexpected + flaky,
    skipped,
    failures,
  };
}

/** Vitest's JSON report: counts, and the full name of every failed test. */
function vitestOutcome(report) {
  const failures = report.testResults.flatMap((file) =>
    file.assertionResults
      .filter((a) => a.status === 'failed')
      .map((a) => `${file.name.replace(`${root}/`, '')} › ${a.fullName}`),
  );
  return {
    tests: report.numTotalTests,
    passed: report.numPassedTests,
    failed: report.numFailedTests,
    skipped: report.numPendingTests + report.numTodoTests,
    failures,
  };
}

mkdirSync(join(reports, 'stress'), { recursive: true });
const load = startCpuLoad({ maxMinutes });
process.stdout.write(
  `stress ${target}: ${load.threads} busy thread(s) for at most ${maxMinutes} min, ${repeat} repeat(s)\n`,
);
const started = new Date();
const runs = [];
if (target === 'e2e') {
  // Retries stay off: a test that needs a second try is the thing this run looks for.
  const exit = await runner(bin('playwright'), [
    'test',
    '--repeat-each',
    String(repeat),
    '--retries',
    '0',
    ...passThrough,
  ]);
  const report = readJson(join(reports, 'e2e-report.json'));
  runs.push({
    exit,
    ...(report
      ? e2eOutcome(report)
      : { tests: 0, passed: 0, failed: 1, skipped: 0, failures: ['no Playwright report'] }),
  });
} else {
  // Vitest has no repeat flag for whole files; separate runs also give each file a fresh slapd.
  for (let i = 1; i <= repeat; i += 1) {
    const out = join(reports, 'stress', `integration-run-${i}.json`);
    const exit = await runner(bin('vitest'), [
      'run',
      '--project',
      'integration',
      '--reporter=default',
      '--reporter=json',
      `--outputFile.json=${out}`,
      ...passThrough,
    ]);
    const report = readJson(out);
    runs.push({
      exit,
      ...(report
        ? vitestOutcome(report)
        : { tests: 0, passed: 0, failed: 1, skipped: 0, failures: [`run ${i}: no vitest report`] }),
    });
  }
}
const usage = await load.stop();

const sum = (key) => runs.reduce((total, run) => total + run[key], 0);
const summary = {
  target,
  started: started.toISOString(),
  repeat,
  runs: runs.length,
  tests: sum('tests'),
  passed: sum('passed'),
  failed: sum('failed'),
  skipped: sum('skipped'),
  failures: runs.flatMap((run) => run.failures),
  exits: runs.map((run) => run.exit),
  load: {
    ...usage,
    wallSeconds: Math.round(usage.wallSeconds),
    cpuSeconds: Math.round(usage.cpuSeconds),
    coresBusy: Number(usage.coresBusy.toFixed(2)),
    machineBusyPercent: usage.machineBusy === null ? null : Math.round(usage.machineBusy * 100),
  },
};
writeFileSync(join(reports, 'stress', `${target}-summary.json`), `${JSON.stringify(summary, null, 2)}\n`);
for (const failure of summary.failures) process.stdout.write(`failed: ${failure}\n`);
const repeats = target === 'e2e' ? `--repeat-each ${repeat}` : `${runs.length} run(s)`;
process.stdout.write(
  `\nstress ${target}: ${repeats}, ${summary.tests} tests, ${summary.passed} passed, ${summary.failed} failed, ${summary.skipped} skipped; ` +
    `load: ${usage.threads} busy threads, this process used ${summary.load.coresBusy} cores over ${summary.load.wallSeconds} s, ` +
    `the machine's ${availableParallelism()} cores were ${summary.load.machineBusyPercent ?? '?'}% busy` +
    `${usage.reachedDeadline ? ' (the load reached its cap before the end)' : ''}\n`,
);
process.exit(summary.failed === 0 && runs.every((run) => run.exit === 0) ? 0 : 1);
