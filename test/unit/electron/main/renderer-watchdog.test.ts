// The watchdog: a page that answers is left alone; one that does not answer in time is recovered.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { startRendererWatchdog } from '../../../../electron/main/renderer-watchdog';

beforeEach(() => vi.useFakeTimers());
afterEach(() => vi.useRealTimers());

function page(answer: () => Promise<unknown>) {
  return { executeJavaScript: answer, forcefullyCrashRenderer() {}, isDestroyed: () => false };
}

describe('startRendererWatchdog', () => {
  it('does nothing while the page answers', async () => {
    let hung = 0;
    startRendererWatchdog(
      page(async () => 1),
      () => (hung += 1),
      { intervalMs: 1000, timeoutMs: 500 },
    );
    await vi.advanceTimersByTimeAsync(10_000);
    expect(hung).toBe(0);
  });

  it('calls for recovery when the page does not answer in time', async () => {
    let hung = 0;
    startRendererWatchdog(
      page(() => new Promise(() => undefined)),
      () => (hung += 1),
      { intervalMs: 1000, timeoutMs: 500 },
    );
    await vi.advanceTimersByTimeAsync(1400);
    expect(hung).toBe(0);
    await vi.advanceTimersByTimeAsync(200);
    expect(hung).toBe(1);
  });

  it('stops when asked', async () => {
    let asked = 0;
    const stop = startRendererWatchdog(
      page(async () => (asked += 1)),
      () => undefined,
      { intervalMs: 1000, timeoutMs: 500 },
    );
    await vi.advanceTimersByTimeAsync(2500);
    stop();
    await vi.advanceTimersByTimeAsync(5000);
    expect(asked).toBe(2);
  });
});
