/**
 * `npm run bench -- [--orders N] [--reps N] [--json] [--quick]` (issue 5, item 2): generates
 * (or reuses) a data set, then measures import, close, dashboards, visibility, memory and cold
 * start on it, and prints a table with PASS/FAIL per target (docs/performance.md).
 */
import fs from 'node:fs';
import { ensureBenchData, ensureImportSample } from './bench-data.ts';
import { parseBenchOptions } from './bench-options.ts';
import { type BenchResult, formatBenchTable, judgeTargets } from './bench-report.ts';
import { ensureLoaded } from './bench-stores.ts';
import { runClosePhase } from './close-phase.ts';
import { benchImports } from './import-bench.ts';
import { runServePhase, startServed } from './serve-phase.ts';

const options = parseBenchOptions(process.argv.slice(2));
const log = (line: string) =>
  process.stderr.write(`[bench ${new Date().toISOString().slice(11, 19)}] ${line}\n`);
const started = performance.now();
fs.mkdirSync(options.dir, { recursive: true });
const place = { dir: options.dir, postgresUrl: options.postgresUrl };

const data = await ensureBenchData(options.dir, options, log);
const result: BenchResult = {
  options: { orders: options.orders, reps: options.reps, seed: options.seed, quick: options.quick },
  counts: data.counts,
  imports: [],
  close: null,
  serve: null,
  totalSeconds: 0,
};

if (options.parts.has('import') && !options.prepare) {
  const sample = await ensureImportSample(data, options.importOrders);
  for (const dialect of options.postgresUrl ? (['sqlite', 'postgres'] as const) : (['sqlite'] as const)) {
    log(`import vs bulk load on ${dialect} (${options.importOrders.toLocaleString('en')} orders' rows)`);
    result.imports.push(...(await benchImports(dialect, sample, place)));
  }
}

const needsDatabases = options.parts.has('close') || options.parts.has('serve');
const sqlite = needsDatabases ? await ensureLoaded('sqlite', data, place, log) : null;
const postgres =
  needsDatabases && options.postgresUrl ? await ensureLoaded('postgres', data, place, log) : null;
const served = options.serveDialect === 'postgres' ? postgres : sqlite;
if (options.prepare) {
  log('data and databases ready');
  process.exit(0);
}

if (served && (options.parts.has('close') || options.parts.has('serve'))) {
  const started = await startServed(served.config, place, log);
  if (options.parts.has('close')) {
    try {
      result.close = await runClosePhase(
        started.server,
        data,
        { sqlite: sqlite?.config ?? null, postgres: postgres?.config ?? null },
        { engine: 5, sql: options.orders >= 1_000_000 ? 0 : 1 },
        log,
        options.sql,
      );
    } catch (error) {
      await started.server.stop();
      throw error;
    }
  }
  if (options.parts.has('serve'))
    result.serve = await runServePhase(started, served.config, data, options, log);
  else await started.server.stop();
}
result.totalSeconds = (performance.now() - started) / 1000;
const targets = judgeTargets(result);
if (options.json) process.stdout.write(`${JSON.stringify({ ...result, targets }, null, 2)}\n`);
else process.stdout.write(formatBenchTable(result, targets));
