// Preloaded (node --expose-gc --import) into the host process that the soak benchmark runs: on
// 'sample' over the IPC channel it collects garbage and answers with its own memory, so the bench
// measures the host itself, not the bench process that drives the browser.
process.on('message', (message) => {
  if (message !== 'sample') return;
  // Twice: the first pass can leave objects that only a second one finds unreachable (weak maps, finalizers).
  globalThis.gc();
  globalThis.gc();
  const { rss, heapUsed, heapTotal, external, arrayBuffers } = process.memoryUsage();
  process.send({ rss, heapUsed, heapTotal, external, arrayBuffers });
});
