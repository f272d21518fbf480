import { afterEach, describe, expect, it, vi } from 'vitest';
import { within } from '../../../../../electron/services/concurrency/within';

describe('within', () => {
  afterEach(() => vi.useRealTimers());

  it('gives the work its value when it settles in time, and leaves no timer behind', async () => {
    vi.useFakeTimers();
    const answer = within(Promise.resolve('done'), 1000, 'late');
    await expect(answer).resolves.toBe('done');
    expect(vi.getTimerCount()).toBe(0);
  });

  it('gives the fallback once the bound passes, while the work goes on', async () => {
    vi.useFakeTimers();
    let finish!: (value: string) => void;
    const work = new Promise<string>((resolve) => (finish = resolve));
    const answer = within(work, 1000, 'late');
    await vi.advanceTimersByTimeAsync(999);
    let settled = false;
    void answer.then(() => (settled = true));
    await Promise.resolve();
    expect(settled).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    await expect(answer).resolves.toBe('late');
    finish('done');
    await expect(work).resolves.toBe('done');
    expect(vi.getTimerCount()).toBe(0);
  });

  it('passes on a rejection that comes in time', async () => {
    vi.useFakeTimers();
    await expect(within(Promise.reject(new Error('refused')), 1000, 'late')).rejects.toThrow('refused');
    expect(vi.getTimerCount()).toBe(0);
  });
});
