// A bounded CPU load for the stress runs: one busy thread per core inside the calling process, so
// it dies with its script, and each thread stops by itself at a deadline even if nobody stops it.
import { readFileSync } from 'node:fs';
import { availableParallelism } from 'node:os';
import { isMainThread, parentPort, Worker, workerData } from 'node:worker_threads';

if (!isMainThread) {
  const { until } = workerData;
  let sink = 0;
  // Reading the clock only every few million steps keeps the check from softening the load.
  while (Date.now() < until) for (let i = 0; i < 5_000_000; i += 1) sink += Math.sqrt(i);
  // Handing the result back keeps the loop from being optimised away.
  parentPort?.postMessage(sink);
}

/** Jiffies since boot from /proc/stat (Linux), to tell how busy the whole machine was. */
function machineTicks() {
  try {
    const [, ...fields] = readFileSync('/proc/stat', 'utf8').split('\n', 1)[0].trim().split(/\s+/);
    const ticks = fields.map(Number);
    // idle and iowait are the 4th and 5th: time no core had work.
    return { total: ticks.reduce((a, b) => a + b, 0), idle: ticks[3] + ticks[4] };
  } catch {
    return null;
  }
}

/**
 * Starts `threads` busy threads that end at `maxMinutes` at the latest. They are unref'd: they
 * never keep the process alive, and a killed process takes them with it. stop() reports the CPU
 * this process burnt and how busy the whole machine was, so a run can say what load it ran under.
 */
export function startCpuLoad({ threads = availableParallelism(), maxMinutes = 180 } = {}) {
  const started = Date.now();
  const until = started + maxMinutes * 60_000;
  const cpuAtStart = process.cpuUsage();
  const machineAtStart = machineTicks();
  const workers = Array.from(
    { length: threads },
    () => new Worker(new URL(import.meta.url), { workerData: { until } }),
  );
  for (const worker of workers) worker.unref();
  return {
    threads,
    maxMinutes,
    async stop() {
      const now = Date.now();
      const { user, system } = process.cpuUsage(cpuAtStart);
      const machine = machineTicks();
      await Promise.all(workers.map((worker) => worker.terminate()));
      const wallSeconds = (now - started) / 1000;
      const cpuSeconds = (user + system) / 1e6;
      const machineBusy =
        machine && machineAtStart
          ? 1 - (machine.idle - machineAtStart.idle) / Math.max(machine.total - machineAtStart.total, 1)
          : null;
      return {
        threads,
        maxMinutes,
        wallSeconds,
        cpuSeconds,
        coresBusy: cpuSeconds / Math.max(wallSeconds, 0.001),
        machineBusy,
        reachedDeadline: now >= until,
      };
    },
  };
}
