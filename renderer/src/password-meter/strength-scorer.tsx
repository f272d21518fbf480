// Who scores passwords for the meter: a Web Worker in the kiosk, anything else in tests.
import { createContext, useContext, type ReactNode } from 'react';

export type StrengthScorer = (password: string, inputs: string[]) => Promise<number>;

type WorkerLike = Pick<Worker, 'postMessage'> & { onmessage: ((event: MessageEvent<{ id: number; score: number }>) => void) | null };

/**
 * Scores in a worker, latest text only: at most one job runs and one waits. Typing faster than
 * zxcvbn can score (long inputs take hundreds of ms) replaces the waiting job instead of queueing
 * a backlog, so the meter always catches up with what is in the field. A superseded request never
 * resolves; callers only ever wait for the latest one.
 */
export function createWorkerScorer(
  makeWorker: () => WorkerLike = () => new Worker(new URL('./strength.worker.ts', import.meta.url), { type: 'module' }),
): StrengthScorer {
  let worker: WorkerLike | undefined;
  let nextId = 0;
  let running: { id: number; resolve: (score: number) => void } | null = null;
  let waiting: { id: number; password: string; inputs: string[]; resolve: (score: number) => void } | null = null;
  const start = (job: NonNullable<typeof waiting>) => {
    running = { id: job.id, resolve: job.resolve };
    worker!.postMessage({ id: job.id, password: job.password, inputs: job.inputs });
  };
  return (password, inputs) => {
    if (!worker) {
      worker = makeWorker();
      worker.onmessage = ({ data }) => {
        if (running?.id === data.id) running.resolve(data.score);
        running = null;
        const next = waiting;
        waiting = null;
        if (next) start(next);
      };
    }
    return new Promise((resolve) => {
      const job = { id: (nextId += 1), password, inputs, resolve };
      if (running) waiting = job;
      else start(job);
    });
  };
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
