// The worker scorer's scheduling: one job at a time, only the latest text waits, and the answer
// for the latest text always arrives.
import { describe, expect, it } from 'vitest';
import type { Strength } from './strength-feedback';
import { createWorkerScorer, STALE_AFTER_MS } from './strength-scorer';

const rated = (score: number): Strength => ({ score, warning: null, suggestions: [] });

function fakeWorker() {
  const posted: Array<{ id: number; password: string }> = [];
  const worker = {
    onmessage: null as ((e: MessageEvent<{ id: number; strength: Strength }>) => void) | null,
    postMessage: (m: { id: number; password: string }) => void posted.push(m),
    answer(id: number, score: number) {
      worker.onmessage?.({ data: { id, strength: rated(score) } } as MessageEvent<{ id: number; strength: Strength }>);
    },
  };
  return { worker, posted };
}

describe('createWorkerScorer', () => {
  it('runs one job at a time and replaces the waiting one, so no backlog builds up', async () => {
    const { worker, posted } = fakeWorker();
    const score = createWorkerScorer(() => worker);
    const first = score('a', []);
    void score('ab', []);
    void score('abc', []);
    const latest = score('abcd', []);
    expect(posted.map((p) => p.password)).toEqual(['a']); // the rest wait, replacing each other
    worker.answer(posted[0]!.id, 1);
    await expect(first).resolves.toEqual(rated(1));
    expect(posted.map((p) => p.password)).toEqual(['a', 'abcd']); // 'ab' and 'abc' were never sent
    worker.answer(posted[1]!.id, 4);
    await expect(latest).resolves.toEqual(rated(4));
  });

  it('ends a stale job that keeps the latest text waiting, so the label follows the last key', async () => {
    const made: Array<ReturnType<typeof fakeWorker> & { ended: boolean }> = [];
    const score = createWorkerScorer(() => {
      const fake = { ...fakeWorker(), ended: false };
      made.push(fake);
      return Object.assign(fake.worker, { terminate: () => void (fake.ended = true) });
    });
    void score('a-very-long-password-that-takes-zxcvbn-a-while', []);
    const latest = score('short', []);
    await new Promise((resolve) => setTimeout(resolve, STALE_AFTER_MS + 30));
    expect(made[0]!.ended).toBe(true);
    expect(made[1]!.posted.map((p) => p.password)).toEqual(['short']);
    made[1]!.worker.answer(made[1]!.posted[0]!.id, 2);
    await expect(latest).resolves.toEqual(rated(2));
  });

  it('starts the worker only on the first password', () => {
    let made = 0;
    createWorkerScorer(() => {
      made += 1;
      return fakeWorker().worker;
    });
    expect(made).toBe(0);
  });
});
