/**
 * Parts c–f of the bench against a real `attain serve` child process on the loaded database:
 * f cold start (spawn → first answered dashboard request: once building the fact store from the
 * database, then restarting from the snapshot the first start wrote), c dashboard latency under a fixed
 * load, d visibility of an import committed by another process, e resident bytes per order:
 * the RSS of the loaded server after the load minus that of a server on an empty database, per
 * order, both read after a full garbage collection and without V8's young generation
 * (memory-probe.js), so that the difference is the data they hold, not the request garbage each
 * happened to carry when read.
 */
import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { promisify } from 'node:util';
import type { DatabaseConfig } from '../../config.ts';
import { defaultSnapshotPath } from '../tracking/snapshot-file.ts';
import type { BenchData } from './bench-data.ts';
import { dropDatabase, freshDatabase } from './bench-databases.ts';
import type { BenchOptions } from './bench-options.ts';
import { PROBE_ID_PREFIX, removeProbeRows } from './bench-stores.ts';
import { moneyToFen } from './bulk-load.ts';
import { type LoadResult, runFixedRate } from './load-generator.ts';
import {
  type BenchServer,
  type CollectedMemory,
  getJson,
  residentBytes,
  signIn,
  startBenchServer,
} from './server-process.ts';

const run = promisify(execFile);
const PERIOD = 'period=2025&asOf=2025-12-31';
const PROBE_REP = 'R000001';
const PROBE_ORDERS = 1000;

export interface ServePhase {
  readonly listenMs: number;
  /** A restart: the store restored from its snapshot file (what a deployment sees). */
  readonly coldStartMs: number;
  /** The very first start: the store built from every row of the database. */
  readonly firstStartMs: number;
  readonly load: LoadResult;
  readonly visibilityMs: number;
  /**
   * Resident bytes after a full collection, without V8's young generation: of a server on an empty
   * database, and of this one after the load.
   */
  readonly rssEmpty: number;
  readonly rssLoaded: number;
  /** This server's resident bytes right after the load, before any collection (for the record). */
  readonly rssUnderLoad: number;
  readonly bytesPerOrder: number;
  /** Of those, the typed arrays' (ArrayBuffer) bytes per order: the fact store's columns. */
  readonly arrayBytesPerOrder: number;
}

/** The dashboard a manager opens: KPI cards at four levels, the trend and the drill-down. */
function dashboardPaths(): string[] {
  return [
    `/dashboard/kpis?${PERIOD}&scopeKind=unit&scopeId=HQ`,
    `/dashboard/kpis?${PERIOD}&scopeKind=unit&scopeId=G001`,
    `/dashboard/kpis?${PERIOD}&scopeKind=unit&scopeId=T00001`,
    `/dashboard/kpis?${PERIOD}&scopeKind=person&scopeId=${PROBE_REP}`,
    `/dashboard/trend?${PERIOD}&scopeKind=unit&scopeId=HQ&metric=revenue&grain=month`,
    `/dashboard/drill?${PERIOD}&unitId=HQ&metric=revenue`,
  ];
}

async function repRevenue(server: BenchServer): Promise<number> {
  const { status, body } = await getJson(
    server,
    `/dashboard/kpis?${PERIOD}&scopeKind=person&scopeId=${PROBE_REP}`,
  );
  if (status !== 200) throw new Error(`dashboard answered ${status}: ${JSON.stringify(body)}`);
  const card = (body as { cards: { metric: string; actual: string }[] }).cards.find(
    (c) => c.metric === 'revenue',
  );
  return moneyToFen(card?.actual ?? '0');
}

/** Memory of a server with an empty store (same code, same dialect, nothing loaded). */
async function emptyServerMemory(
  config: DatabaseConfig,
  place: { dir: string; postgresUrl: string | null },
): Promise<CollectedMemory> {
  const empty = await freshDatabase(config.dialect, 'empty', place);
  const server = await startBenchServer(empty, 60_000);
  try {
    await signIn(server);
    await getJson(server, `/dashboard/kpis?${PERIOD}`);
    return await server.collectedMemory();
  } finally {
    await server.stop();
    await dropDatabase(empty, place.postgresUrl);
  }
}

/** What a collected server holds: its resident set without the (empty) young generation. */
const heldBytes = (memory: CollectedMemory) => memory.residentBytes - memory.youngGeneration;

/** c's load: a warm-up at the same rate, not counted, then the measured run. */
async function dashboardLoad(server: BenchServer, options: BenchOptions) {
  const urls = dashboardPaths().map((p) => `${server.url}/api/v1${p}`);
  const headers = { cookie: server.cookie };
  await runFixedRate({ urls, headers, rate: options.rate, seconds: 2 });
  return runFixedRate({ urls, headers, rate: options.rate, seconds: options.seconds });
}

/** Waits until the server has worked off requests still queued from the load (aborted ones too). */
async function settle(server: BenchServer): Promise<void> {
  const deadline = Date.now() + 180_000;
  while (Date.now() < deadline) {
    const started = performance.now();
    await getJson(server, '/setup');
    if (performance.now() - started < 50) return;
    await new Promise((r) => setTimeout(r, 100));
  }
}

/** Writes the probe's 1,000 orders of one rep on the last day of the year. */
function probeFile(dir: string, customer: string, product: string): { file: string; totalFen: number } {
  const stamp = Date.now().toString(36);
  const lines = ['id,date,rep_id,customer_id,product_id,amount,cost'];
  for (let i = 0; i < PROBE_ORDERS; i++) {
    lines.push(`${PROBE_ID_PREFIX}${stamp}-${i},2025-12-31,${PROBE_REP},${customer},${product},100.00,60.00`);
  }
  const file = path.join(dir, 'probe-orders.csv');
  fs.writeFileSync(file, `${lines.join('\n')}\n`);
  return { file, totalFen: PROBE_ORDERS * 100_00 };
}

async function measureVisibility(server: BenchServer, config: DatabaseConfig, data: BenchData, dir: string) {
  // Only the head of the file: at 10M orders the whole file is longer than a JS string may be.
  const head = Buffer.alloc(4096);
  const fd = fs.openSync(path.join(data.dir, 'orders.csv'), 'r');
  try {
    fs.readSync(fd, head, 0, head.length, 0);
  } finally {
    fs.closeSync(fd);
  }
  const firstOrder = head.toString('utf8').split('\n')[1];
  const [, , , customer, product] = (firstOrder as string).split(',');
  const { file, totalFen } = probeFile(dir, customer as string, product as string);
  const before = await repRevenue(server);
  const child = path.join(path.dirname(new URL(import.meta.url).pathname), 'probe-import.child.ts');
  const importing = run(process.execPath, ['--import', 'tsx', child, JSON.stringify(config), file]);
  let seenAt = 0;
  const deadline = Date.now() + 120_000;
  // Poll the dashboard every ~5 ms until the rep's revenue includes the new orders.
  while (Date.now() < deadline) {
    if ((await repRevenue(server)) === before + totalFen) {
      seenAt = performance.timeOrigin + performance.now();
      break;
    }
    await new Promise((r) => setTimeout(r, 5));
  }
  const { stdout } = await importing;
  const { ok, committed } = JSON.parse(stdout.trim().split('\n').pop() as string) as {
    ok: boolean;
    committed: number;
  };
  if (!ok || seenAt === 0) throw new Error('the probe import failed or never became visible');
  return Math.max(0, seenAt - committed);
}

export interface StartedServer {
  readonly server: BenchServer;
  readonly coldStartMs: number;
  readonly firstStartMs: number;
  readonly empty: CollectedMemory;
}

/** Spawns `attain serve`, signs in and waits for the first dashboard answer; ms since spawn. */
async function startAndAnswer(config: DatabaseConfig): Promise<{ server: BenchServer; ms: number }> {
  const server = await startBenchServer(config, 30 * 60_000);
  try {
    await signIn(server);
    const first = await getJson(server, dashboardPaths()[0] as string);
    if (first.status !== 200) throw new Error(`dashboard answered ${first.status}`);
  } catch (error) {
    await server.stop();
    throw error;
  }
  return { server, ms: performance.now() - server.spawnedAt };
}

/** The server's snapshot file (where `attain serve` keeps it for this database). */
export function snapshotFileOf(config: DatabaseConfig): string | null {
  return defaultSnapshotPath(config);
}

/**
 * f: the first start builds the store from the database (the snapshot file is removed before,
 * so this is honest) and writes the snapshot a few seconds later; the measured cold start is the
 * restart that follows, which restores it. The empty-store RSS is read first.
 */
export async function startServed(
  config: DatabaseConfig,
  place: { dir: string; postgresUrl: string | null },
  log: (line: string) => void,
): Promise<StartedServer> {
  const empty = await emptyServerMemory(config, place);
  log(
    `empty server: ${(heldBytes(empty) / 2 ** 20).toFixed(0)} MiB resident after a collection; starting the server on ${config.dialect}`,
  );
  const snapshot = snapshotFileOf(config);
  if (snapshot) fs.rmSync(snapshot, { force: true });
  const first = await startAndAnswer(config);
  log(`first start ${(first.ms / 1000).toFixed(1)} s (store built from the database)`);
  if (snapshot) {
    const deadline = Date.now() + 30 * 60_000;
    while (!fs.existsSync(snapshot) && Date.now() < deadline) await new Promise((r) => setTimeout(r, 200));
  }
  await first.server.stop();
  const restart = await startAndAnswer(config);
  log(
    `cold start ${(restart.ms / 1000).toFixed(1)} s (listening after ${(restart.server.listenMs / 1000).toFixed(1)} s; store restored from ${snapshot})`,
  );
  return { server: restart.server, coldStartMs: restart.ms, firstStartMs: first.ms, empty };
}

/** c, d, e on a started server; stops it and removes the probe's rows afterwards. */
export async function runServePhase(
  started: StartedServer,
  config: DatabaseConfig,
  data: BenchData,
  options: BenchOptions,
  log: (line: string) => void,
): Promise<ServePhase> {
  const { server } = started;
  try {
    const load = await dashboardLoad(server, options);
    log(`load: p50 ${load.p50.toFixed(1)} ms, p95 ${load.p95.toFixed(1)} ms, p99 ${load.p99.toFixed(1)} ms`);
    const rssUnderLoad = residentBytes(server.pid);
    await settle(server);
    const loaded = await server.collectedMemory();
    const { empty } = started;
    log(
      `resident ${(heldBytes(loaded) / 2 ** 20).toFixed(0)} MiB after a collection, without the young generation (${(rssUnderLoad / 2 ** 20).toFixed(0)} MiB right after the load)`,
    );
    const visibilityMs = await measureVisibility(server, config, data, options.dir);
    log(`visibility ${visibilityMs.toFixed(0)} ms`);
    return {
      listenMs: server.listenMs,
      coldStartMs: started.coldStartMs,
      firstStartMs: started.firstStartMs,
      load,
      visibilityMs,
      rssEmpty: heldBytes(empty),
      rssLoaded: heldBytes(loaded),
      rssUnderLoad,
      bytesPerOrder: (heldBytes(loaded) - heldBytes(empty)) / options.orders,
      arrayBytesPerOrder: (loaded.arrayBuffers - empty.arrayBuffers) / options.orders,
    };
  } finally {
    await server.stop();
    await removeProbeRows(config);
    // The rows were deleted behind the change feed's back (no import deletes), so the snapshot
    // the server wrote at stop still holds them: drop it.
    const snapshot = snapshotFileOf(config);
    if (snapshot) fs.rmSync(snapshot, { force: true });
  }
}
