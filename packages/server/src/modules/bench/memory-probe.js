/**
 * Preloaded (`node --expose-gc --import`) into the `attain serve` child processes of the bench only
 * (issue 5, e: resident memory per order). On the bench's request over the IPC channel it runs a
 * full garbage collection, waits until the resident set stops shrinking (V8 sweeps and returns
 * freed pages from background threads) and answers with the process's memory, and how much of it
 * is V8's young generation: a nursery for short-lived objects that a full collection leaves empty
 * and whose size follows the allocation rate of the requests (16 MiB semi-spaces under the
 * bench's load, 1 MiB idle), not the data. Without this, the per-order figure carried 5–14 B of
 * request garbage at 10M orders, varying from run to run (docs/performance.md).
 * Plain JavaScript: it loads before `bin/attain.js` registers the TypeScript loader.
 */
import v8 from 'node:v8';

const rss = () => process.memoryUsage.rss();
const pause = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** The resident set once it has not shrunk for a second (at most ten seconds of waiting). */
async function settledRss() {
  let lowest = rss();
  let steady = 0;
  for (let i = 0; i < 50 && steady < 5; i++) {
    await pause(200);
    const now = rss();
    steady = now < lowest ? 0 : steady + 1;
    lowest = Math.min(lowest, now);
  }
  return lowest;
}

if (process.send && process.channel) {
  process.on('message', async (message) => {
    if (message?.type !== 'attain-bench-memory') return;
    if (typeof globalThis.gc === 'function') for (let i = 0; i < 3; i++) globalThis.gc();
    const residentBytes = await settledRss();
    const usage = process.memoryUsage();
    const youngGeneration = v8
      .getHeapSpaceStatistics()
      .filter((space) => space.space_name.startsWith('new_'))
      .reduce((sum, space) => sum + space.space_size, 0);
    process.send?.({
      type: 'attain-bench-memory',
      collected: typeof globalThis.gc === 'function',
      residentBytes,
      youngGeneration,
      heapTotal: usage.heapTotal,
      heapUsed: usage.heapUsed,
      arrayBuffers: usage.arrayBuffers,
    });
  });
  // The channel must not keep a stopping server alive (a 'message' listener refs it).
  process.channel.unref();
}
