// Who scores passwords for the meter: a Web Worker in the kiosk, anything else in tests.
import { createContext, useContext, type ReactNode } from 'react';

export type StrengthScorer = (password: string, inputs: string[]) => Promise<number>;

export function createWorkerScorer(): StrengthScorer {
  let worker: Worker | undefined;
  let nextId = 0;
  const pending = new Map<number, (score: number) => void>();
  return (password, inputs) => {
    if (!worker) {
      worker = new Worker(new URL('./strength.worker.ts', import.meta.url), { type: 'module' });
      worker.onmessage = ({ data }: MessageEvent<{ id: number; score: number }>) => {
        pending.get(data.id)?.(data.score);
        pending.delete(data.id);
      };
    }
    const id = (nextId += 1);
    return new Promise((resolve) => {
      pending.set(id, resolve);
      worker!.postMessage({ id, password, inputs });
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
