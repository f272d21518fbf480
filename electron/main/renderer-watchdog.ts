// Recovery for a crashed or hung renderer: the session is wiped and Welcome is loaded again. The
// watchdog asks the page for a trivial answer at intervals; no answer in time means hung.
export interface WatchedContents {
  executeJavaScript(code: string): Promise<unknown>;
  forcefullyCrashRenderer(): void;
  isDestroyed(): boolean;
}

export interface WatchdogTimers {
  setInterval(fn: () => void, ms: number): unknown;
  clearInterval(handle: unknown): void;
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export function startRendererWatchdog(
  contents: WatchedContents,
  onHung: () => void,
  options: { intervalMs: number; timeoutMs: number },
  timers: WatchdogTimers = globalThis as unknown as WatchdogTimers,
): () => void {
  let waiting = false;
  const tick = () => {
    if (waiting || contents.isDestroyed()) return;
    waiting = true;
    const deadline = timers.setTimeout(() => {
      waiting = false;
      onHung();
    }, options.timeoutMs);
    contents.executeJavaScript('1').then(
      () => {
        timers.clearTimeout(deadline);
        waiting = false;
      },
      () => undefined, // a page being reloaded may reject; the deadline still decides
    );
  };
  const handle = timers.setInterval(tick, options.intervalMs);
  return () => timers.clearInterval(handle);
}
