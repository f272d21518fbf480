// The page's longest main-thread task while something runs, read from a Chromium trace: its wall
// time, and its thread time (CPU spent on the thread). On a shared, loaded machine the wall time also
// counts the moments the thread waited for a core; the thread time is the page's own work.
import type { Browser, Page } from '@playwright/test';

interface TraceEvent {
  name: string;
  ph: string;
  pid: number;
  tid: number;
  dur?: number;
  tdur?: number;
  args?: { name?: string };
}

export interface LongestTask {
  wallMs: number;
  threadMs: number;
}

export async function longestMainThreadTask(
  browser: Browser,
  page: Page,
  during: () => Promise<void>,
): Promise<LongestTask> {
  await browser.startTracing(page, { categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline'] });
  await during().catch(async (error: unknown) => {
    await browser.stopTracing();
    throw error;
  });
  const trace = await browser.stopTracing();
  const events = (JSON.parse(trace.toString('utf8')) as { traceEvents: TraceEvent[] }).traceEvents;
  const thread = (e: TraceEvent) => `${e.pid}:${e.tid}`;
  const mainThreads = new Set(
    events.filter((e) => e.ph === 'M' && e.name === 'thread_name' && e.args?.name === 'CrRendererMain').map(thread),
  );
  // The page's renderer is the one that handled the typed keys.
  const keyEvents = new Map<string, number>();
  for (const e of events)
    if (e.name === 'EventDispatch' && mainThreads.has(thread(e)))
      keyEvents.set(thread(e), (keyEvents.get(thread(e)) ?? 0) + 1);
  const main = [...keyEvents].sort((a, b) => b[1] - a[1])[0]?.[0];
  const tasks = events.filter((e) => e.name === 'RunTask' && e.ph === 'X' && thread(e) === main);
  // A loop, not Math.max(...): a long trace holds more tasks than a call may take arguments.
  let wallMs = 0;
  let threadMs = 0;
  for (const e of tasks) {
    wallMs = Math.max(wallMs, (e.dur ?? 0) / 1000);
    // A task's thread time cannot exceed its wall time; among the sampler's hundred thousand tiny
    // tasks a few carry a bogus thread clock reading (tens of ms for a task of 0 ms), so cap it.
    threadMs = Math.max(threadMs, Math.min(e.tdur ?? 0, e.dur ?? 0) / 1000);
  }
  return { wallMs, threadMs };
}
