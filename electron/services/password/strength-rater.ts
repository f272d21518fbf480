// zxcvbn off the main thread. Its cost grows steeply with length (a 64-character mixed password
// took 0.7-1.5 s here), and in main or the browser host that would stall every other request, the
// watchdog and the idle timer. One worker scores in the background, with a time limit per check.
import { createRequire } from 'node:module';
import { Worker } from 'node:worker_threads';
import { KioskError } from '../kiosk-error';

export interface StrengthRater {
  /** zxcvbn's score (0-4) of password against the person's own words. */
  score(password: string, userInputs: readonly string[]): Promise<number>;
  close(): Promise<void>;
}

// Plain CommonJS, evaluated as the worker: no build step and no file of its own to ship or find.
const WORKER_SOURCE = `
const { parentPort, workerData } = require('node:worker_threads');
const zxcvbn = require(workerData.zxcvbnPath);
parentPort.on('message', (job) => {
  parentPort.postMessage({ id: job.id, score: zxcvbn(job.password, job.userInputs).score });
});
`;

/** The longest one check may take before the worker is ended and the check fails. */
export const STRENGTH_TIMEOUT_MS = 10_000;

export function createWorkerStrengthRater(timeoutMs: number = STRENGTH_TIMEOUT_MS): StrengthRater {
  const zxcvbnPath = createRequire(import.meta.url).resolve('zxcvbn');
  let worker: Worker | null = null;
  let nextId = 0;
  const waiting = new Map<number, { resolve: (score: number) => void; reject: (error: Error) => void; timer: ReturnType<typeof setTimeout> }>();

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
    w.on('message', (answer: { id: number; score: number }) => {
      const job = waiting.get(answer.id);
      if (!job) return;
      waiting.delete(answer.id);
      clearTimeout(job.timer);
      job.resolve(answer.score);
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

  return {
    score(password, userInputs) {
      worker ??= start();
      const id = (nextId += 1);
      const current = worker;
      return new Promise<number>((resolve, reject) => {
        const timer = setTimeout(() => {
          // A stuck check ends its worker; the next check starts a fresh one.
          waiting.delete(id);
          if (worker === current) worker = null;
          void current.terminate();
          reject(new KioskError('INTERNAL', 'password strength check timed out'));
        }, timeoutMs);
        timer.unref?.();
        waiting.set(id, { resolve, reject, timer });
        current.postMessage({ id, password, userInputs: [...userInputs] });
      });
    },
    async close() {
      const w = worker;
      worker = null;
      failAll(new Error('strength rater closed'));
      await w?.terminate();
    },
  };
}
