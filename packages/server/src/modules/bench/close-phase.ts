/**
 * Runs part b of the bench: each period's close by the warm server and by every SQL
 * contender, checked against the server's numbers, then timed.
 */
import type { DatabaseConfig } from '../../config.ts';
import type { BenchData } from './bench-data.ts';
import { CLOSE_PERIODS, type CloseTiming, serverClose, sqlClose } from './close-bench.ts';
import { duckdbRunner, postgresRunner, type SqlRunner, sqliteRunner } from './close-runners.ts';
import type { BenchServer } from './server-process.ts';

export interface ClosePhase {
  readonly timings: CloseTiming[];
  readonly duckdbLoadMs: number;
}

export async function runClosePhase(
  server: BenchServer,
  data: BenchData,
  databases: { sqlite: DatabaseConfig | null; postgres: DatabaseConfig | null },
  runs: { engine: number; sql: number },
  log: (line: string) => void,
  contenders: ReadonlySet<string> = new Set(['duckdb', 'postgres', 'sqlite']),
): Promise<ClosePhase> {
  const timings: CloseTiming[] = [];
  const engineRows = new Map<string, Awaited<ReturnType<typeof serverClose>>['rows']>();
  for (const period of CLOSE_PERIODS) {
    const result = await serverClose(server, period, runs.engine);
    engineRows.set(period, result.rows);
    timings.push({ period, contender: 'engine', ms: result.ms, scopes: result.scopes, mismatches: 0 });
    log(`engine (server) ${period}: ${result.ms.toFixed(1)} ms for ${result.scopes} scopes`);
  }
  let started = performance.now();
  const runners: SqlRunner[] = [];
  let duckdbLoadMs = 0;
  if (contenders.has('duckdb')) {
    const duck = await duckdbRunner(data.dir);
    duckdbLoadMs = performance.now() - started;
    log(`duckdb loaded in ${(duckdbLoadMs / 1000).toFixed(1)} s`);
    runners.push(duck.runner);
  }
  if (contenders.has('postgres') && databases.postgres?.dialect === 'postgres')
    runners.push(await postgresRunner(databases.postgres.url));
  if (contenders.has('sqlite') && databases.sqlite?.dialect === 'sqlite')
    runners.push(sqliteRunner(databases.sqlite.path));
  for (const runner of runners) {
    try {
      for (const period of CLOSE_PERIODS) {
        started = performance.now();
        const timing = await sqlClose(runner, period, engineRows.get(period) ?? [], runs.sql);
        timings.push(timing);
        const outcome =
          timing.ms === null
            ? `${timing.mismatches} mismatches — ${timing.example}`
            : `${timing.ms.toFixed(1)} ms`;
        log(`${runner.dialect} ${period}: ${outcome}`);
      }
    } finally {
      await runner.close();
    }
  }
  return { timings, duckdbLoadMs };
}
