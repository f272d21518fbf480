// zxcvbn and the breached-password filter off the main thread. zxcvbn's cost grows steeply with
// length (a 64-character mixed password took 0.7-1.5 s here), and in main or the browser host that
// would stall every other request, the watchdog and the idle timer; the filter's lookups are file
// reads. One worker does both in the background, with a time limit per check.
import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import { KioskError } from '../kiosk-error';
import { filterLookupSource } from './breached-filter-format';
import type { BreachedFilterSource } from './breached-filter-check';

export interface StrengthRater {
  /** zxcvbn's score (0-4) of password against the person's own words. */
  score(password: string, userInputs: readonly string[]): Promise<number>;
  /** Whether the password is in the breached-password filter; false while there is no usable filter. */
  breached(password: string): Promise<boolean>;
  close(): Promise<void>;
}

// Plain CommonJS, evaluated as the worker: no build step and no file of its own to ship or find.
// The filter's lookup is the same source the builder and the doctor run (filterLookupSource). An
// open filter is kept per path; a lookup that fails answers false (main has said why in its log).
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const fs = require('node:fs');
const crypto = require('node:crypto');
const { crc32 } = require('node:zlib');
const zxcvbn = require(workerData.zxcvbnPath);
${filterLookupSource()}
const filters = new Map();
function breached(path, password) {
  if (!path) return false;
  try {
    let filter = filters.get(path);
    if (!filter) filters.set(path, (filter = mxBreachedFilter.open(fs, crc32, path)));
    const key = mxBreachedFilter.key(crypto, password);
    return mxBreachedFilter.has(filter, key[0], key[1]);
  } catch {
    return false;
  }
}
parentPort.on('message', (job) => {
  const value = job.kind === 'breached' ? breached(job.filterPath, job.password) : zxcvbn(job.password, job.userInputs).score;
  parentPort.postMessage({ id: job.id, value });
});
`;

/** The longest one check may take before the worker is ended and the check fails. */
export const STRENGTH_TIMEOUT_MS = 10_000;

const noFilter: BreachedFilterSource = { current: () => null };

export function createWorkerStrengthRater(
  options: { timeoutMs?: number; filter?: BreachedFilterSource } = {},
): StrengthRater {
  const timeoutMs = options.timeoutMs ?? STRENGTH_TIMEOUT_MS;
  const filter = options.filter ?? noFilter;
  const zxcvbnPath = createRequire(import.meta.url).resolve('zxcvbn');
  let worker: Worker | null = null;
  let nextId = 0;
  const waiting = new Map<
    number,
    { resolve: (value: number | boolean) => void; reject: (error: Error) => void; timer: ReturnType<typeof setTimeout> }
  >();

  const failAll = (error: Error) => {
    for (const job of waiting.values()) {
      clearTimeout(job.timer);
      job.reject(error);
    }
    waiting.clear();
  };
  const start = (): Worker => {
    const w = new Worker(WORKER_SOURCE, { eval: true, workerData: { zxcvbnPath } });
    // Never the reason the process stays up.
    w.unref();
    w.on('message', (answer: { id: number; value: number | boolean }) => {
      const job = waiting.get(answer.id);
      if (!job) return;
      waiting.delete(answer.id);
      clearTimeout(job.timer);
      job.resolve(answer.value);
    });
    w.on('error', (error) => {
      if (worker === w) worker = null;
      failAll(error);
    });
    w.on('exit', () => {
      if (worker === w) worker = null;
    });
    return w;
  };

  const ask = (
    job:
      | { kind: 'score'; password: string; userInputs: string[] }
      | { kind: 'breached'; password: string; filterPath: string },
  ) => {
    worker ??= start();
    const id = (nextId += 1);
    const current = worker;
    return new Promise<number | boolean>((resolve, reject) => {
      const timer = setTimeout(() => {
        // A stuck check ends its worker; the next check starts a fresh one.
        waiting.delete(id);
        if (worker === current) worker = null;
        void current.terminate();
        reject(new KioskError('INTERNAL', 'password check timed out'));
      }, timeoutMs);
      timer.unref?.();
      waiting.set(id, { resolve, reject, timer });
      current.postMessage({ id, ...job });
    });
  };

  return {
    score: async (password, userInputs) => Number(await ask({ kind: 'score', password, userInputs: [...userInputs] })),
    async breached(password) {
      const filterPath = filter.current();
      return filterPath !== null && (await ask({ kind: 'breached', password, filterPath })) === true;
    },
    async close() {
      const w = worker;
      worker = null;
      failAll(new Error('strength rater closed'));
      await w?.terminate();
    },
  };
}
