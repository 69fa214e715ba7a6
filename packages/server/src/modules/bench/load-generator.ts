/**
 * A fixed-rate HTTP load generator (issue 5, 2c): request i is due at start + i / rate and its
 * latency is measured from that due time, not from when it was sent, so a slow server cannot
 * hide its queueing (no coordinated omission). At most `maxInFlight` requests are open; a due
 * request waits for a free slot and that wait counts in its latency. A server that cannot keep
 * up would make the run last for ever: `graceSeconds` after the last request was due, requests
 * still open are aborted and those never sent are dropped, each recorded with its latency so
 * far (a lower bound) and counted in `dropped`.
 */
export interface LoadResult {
  readonly rate: number;
  readonly plannedSeconds: number;
  readonly requests: number;
  readonly errors: number;
  readonly dropped: number;
  readonly seconds: number;
  readonly p50: number;
  readonly p95: number;
  readonly p99: number;
  readonly max: number;
  readonly byPath: Record<string, { p50: number; p95: number; count: number }>;
}

export function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] as number;
}

export async function runFixedRate(options: {
  readonly urls: readonly string[];
  readonly headers: Record<string, string>;
  readonly rate: number;
  readonly seconds: number;
  readonly maxInFlight?: number;
  readonly graceSeconds?: number;
}): Promise<LoadResult> {
  const total = Math.round(options.rate * options.seconds);
  const maxInFlight = options.maxInFlight ?? 64;
  const latencies: number[] = [];
  const byUrl = new Map<string, number[]>();
  let errors = 0;
  let dropped = 0;
  let inFlight = 0;
  let next = 0;
  const start = performance.now();
  const due = (i: number) => start + (i * 1000) / options.rate;
  const deadline = due(total) + (options.graceSeconds ?? 10) * 1000;
  // One controller per request, not one shared signal: fetch adds a listener to its signal and
  // keeps it past the response, so 6,000 requests on one signal piled up listeners (and Node's
  // MaxListenersExceededWarning) through the run. At the deadline, the open ones are aborted.
  const open = new Set<AbortController>();
  const record = (url: string, latency: number) => {
    latencies.push(latency);
    const list = byUrl.get(url) ?? [];
    list.push(latency);
    byUrl.set(url, list);
  };

  const fire = async (i: number) => {
    const url = options.urls[i % options.urls.length] as string;
    const controller = new AbortController();
    open.add(controller);
    inFlight++;
    try {
      const response = await fetch(url, { headers: options.headers, signal: controller.signal });
      await response.arrayBuffer();
      if (response.status !== 200) errors++;
    } catch {
      if (controller.signal.aborted) dropped++;
      else errors++;
    } finally {
      inFlight--;
      open.delete(controller);
    }
    record(url, performance.now() - due(i));
  };

  await new Promise<void>((resolve) => {
    const pending = new Set<Promise<void>>();
    const tick = () => {
      const now = performance.now();
      if (now > deadline) {
        for (const controller of open) controller.abort();
        for (; next < total; next++) {
          dropped++;
          record(options.urls[next % options.urls.length] as string, now - due(next));
        }
        void Promise.all(pending).then(() => resolve());
        return;
      }
      while (next < total && due(next) <= now && inFlight < maxInFlight) {
        const p = fire(next++);
        pending.add(p);
        void p.then(() => pending.delete(p));
      }
      if (next < total) setTimeout(tick, Math.max(0, Math.min(2, due(next) - performance.now())));
      else if (pending.size > 0) setTimeout(tick, 50);
      else resolve();
    };
    tick();
  });
  const sorted = latencies.sort((a, b) => a - b);
  const byPath: LoadResult['byPath'] = {};
  for (const [url, list] of byUrl) {
    list.sort((a, b) => a - b);
    byPath[new URL(url).pathname + new URL(url).search] = {
      p50: percentile(list, 50),
      p95: percentile(list, 95),
      count: list.length,
    };
  }
  return {
    rate: options.rate,
    plannedSeconds: options.seconds,
    requests: total,
    errors,
    dropped,
    seconds: (performance.now() - start) / 1000,
    p50: percentile(sorted, 50),
    p95: percentile(sorted, 95),
    p99: percentile(sorted, 99),
    max: sorted[sorted.length - 1] ?? Number.NaN,
    byPath,
  };
}
