// Preloaded (node --expose-gc --import) into the host process that the soak benchmark runs: on
// 'sample' over the IPC channel it collects garbage and answers with its own memory, so the bench
// measures the host itself, not the bench process that drives the browser.
import { getHeapSpaceStatistics } from 'node:v8';

const CODE_SPACES = new Set(['code_space', 'code_large_object_space']);

process.on('message', (message) => {
  if (message !== 'sample') return;
  // Twice: the first pass can leave objects that only a second one finds unreachable (weak maps, finalizers).
  globalThis.gc();
  globalThis.gc();
  const { rss, heapUsed } = process.memoryUsage();
  // Machine code the JIT compiled: it grows as functions get hot, whatever the kiosk keeps.
  const machineCode = getHeapSpaceStatistics()
    .filter((space) => CODE_SPACES.has(space.space_name))
    .reduce((sum, space) => sum + space.space_used_size, 0);
  process.send({ rss, heapUsed, machineCode });
});
