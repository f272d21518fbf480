// Who scores passwords for the meter: a Web Worker in the kiosk, anything else in tests.
import { createContext, useContext, type ReactNode } from 'react';
import type { Strength } from './strength-feedback';

export type StrengthScorer = (password: string, inputs: string[]) => Promise<Strength>;

type WorkerLike = Pick<Worker, 'postMessage'> &
  Partial<Pick<Worker, 'terminate'>> & {
    onmessage: ((event: MessageEvent<{ id: number; strength: Strength }>) => void) | null;
  };

/** How long a stale job may keep the latest text waiting before its worker is ended. */
export const STALE_AFTER_MS = 120;

interface Job {
  id: number;
  password: string;
  inputs: string[];
  resolve: (strength: Strength) => void;
}

/**
 * Scores in a worker, latest text only: at most one job runs and one waits. Typing faster than
 * zxcvbn can score replaces the waiting job instead of queueing a backlog; a running job that
 * keeps the latest text waiting longer than STALE_AFTER_MS is ended with its worker, so the label
 * follows the last key. A superseded request never resolves; callers only wait for the latest.
 *
 * The jobs live in this object's fields, never in a closure made while a password was in scope:
 * such a closure (the worker's message handler) would keep the first password, and the staff ID
 * among the inputs, reachable for as long as the page lives.
 */
class WorkerScorer {
  private worker: WorkerLike | undefined;
  private nextId = 0;
  private running: { id: number; resolve: (strength: Strength) => void } | null = null;
  private waiting: Job | null = null;
  private staleTimer: ReturnType<typeof setTimeout> | undefined;

  constructor(private readonly makeWorker: () => WorkerLike) {}

  score(password: string, inputs: string[]): Promise<Strength> {
    return new Promise((resolve) => this.enqueue({ id: (this.nextId += 1), password, inputs, resolve }));
  }

  private enqueue(job: Job): void {
    if (!this.running) return this.start(job);
    this.waiting = job;
    clearTimeout(this.staleTimer);
    const stale = this.running.id;
    this.staleTimer = setTimeout(() => this.endStale(stale), STALE_AFTER_MS);
  }

  private start(job: Job): void {
    this.running = { id: job.id, resolve: job.resolve };
    this.ensureWorker().postMessage({ id: job.id, password: job.password, inputs: job.inputs });
  }

  private ensureWorker(): WorkerLike {
    if (!this.worker) {
      const worker = this.makeWorker();
      worker.onmessage = (event) => this.answered(event.data);
      this.worker = worker;
    }
    return this.worker;
  }

  private answered(data: { id: number; strength: Strength }): void {
    if (this.running?.id !== data.id) return;
    clearTimeout(this.staleTimer);
    const done = this.running;
    this.running = null;
    done.resolve(data.strength);
    this.startWaiting();
  }

  private endStale(id: number): void {
    if (this.running?.id !== id || !this.waiting || !this.worker?.terminate) return;
    // The old text's answer no longer matters: end it with its worker and score the latest now.
    this.worker.terminate();
    this.worker = undefined;
    this.running = null;
    this.startWaiting();
  }

  private startWaiting(): void {
    const next = this.waiting;
    this.waiting = null;
    if (next) this.start(next);
  }
}

export function createWorkerScorer(
  makeWorker: () => WorkerLike = () => new Worker(new URL('./strength.worker.ts', import.meta.url), { type: 'module' }),
): StrengthScorer {
  const scorer = new WorkerScorer(makeWorker);
  return (password, inputs) => scorer.score(password, inputs);
}

const ScorerContext = createContext<StrengthScorer | null>(null);
let defaultScorer: StrengthScorer | undefined;

export function ScorerProvider({ scorer, children }: { scorer: StrengthScorer; children: ReactNode }) {
  return <ScorerContext.Provider value={scorer}>{children}</ScorerContext.Provider>;
}

export function useScorer(): StrengthScorer {
  const provided = useContext(ScorerContext);
  return provided ?? (defaultScorer ??= createWorkerScorer());
}
