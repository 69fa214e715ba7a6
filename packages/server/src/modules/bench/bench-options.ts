/**
 * Options of `npm run bench` (issue 5, item 2). Quick mode is the 1M-order run that must finish
 * in under 3 minutes: fewer import rows and a shorter load phase.
 */
import path from 'node:path';
import { parseArgs } from 'node:util';

export const BENCH_PARTS = ['import', 'close', 'serve'] as const;
export type BenchPart = (typeof BENCH_PARTS)[number];

export interface BenchOptions {
  readonly orders: number;
  readonly reps: number;
  readonly seed: number;
  readonly json: boolean;
  readonly quick: boolean;
  /** Orders (and the rows that hang off them) imported through the service per database. */
  readonly importOrders: number;
  /** Dashboard load: requests per second and seconds. */
  readonly rate: number;
  readonly seconds: number;
  /** Where generated data, databases and reports live (reused across runs). */
  readonly dir: string;
  /** Admin URL of a PostgreSQL server; null skips every PostgreSQL measurement. */
  readonly postgresUrl: string | null;
  /** The database `attain serve` runs on for the dashboard, visibility, memory and cold start. */
  readonly serveDialect: 'sqlite' | 'postgres';
  readonly parts: ReadonlySet<BenchPart>;
  /** Only generate the data and load the databases (no measurement), e.g. ahead of a long run. */
  readonly prepare: boolean;
  /** SQL contenders of the close (default all three). */
  readonly sql: ReadonlySet<'duckdb' | 'postgres' | 'sqlite'>;
}

const num = (value: string | undefined, fallback: number) => {
  if (value === undefined) return fallback;
  const n = Number(value.replaceAll('_', ''));
  if (!Number.isInteger(n) || n < 0) throw new Error(`not a whole number: ${value}`);
  return n;
};

export function parseBenchOptions(argv: readonly string[]): BenchOptions {
  const { values } = parseArgs({
    args: [...argv],
    options: {
      orders: { type: 'string' },
      reps: { type: 'string' },
      seed: { type: 'string' },
      json: { type: 'boolean', default: false },
      quick: { type: 'boolean', default: false },
      'import-orders': { type: 'string' },
      rate: { type: 'string' },
      seconds: { type: 'string' },
      dir: { type: 'string' },
      postgres: { type: 'string' },
      'no-postgres': { type: 'boolean', default: false },
      serve: { type: 'string' },
      only: { type: 'string' },
      prepare: { type: 'boolean', default: false },
      sql: { type: 'string' },
    },
  });
  const quick = values.quick === true;
  const orders = num(values.orders, quick ? 1_000_000 : 10_000_000);
  const postgresUrl = values['no-postgres']
    ? null
    : (values.postgres ??
      process.env.ATTAIN_BENCH_DATABASE_URL ??
      'postgres://postgres@127.0.0.1:5432/postgres');
  const only = values.only?.split(',').map((p) => p.trim()) ?? [...BENCH_PARTS];
  for (const part of only)
    if (!(BENCH_PARTS as readonly string[]).includes(part))
      throw new Error(`--only: ${part} is not one of ${BENCH_PARTS.join(', ')}`);
  const serve = values.serve ?? (postgresUrl ? 'postgres' : 'sqlite');
  if (serve !== 'sqlite' && serve !== 'postgres') throw new Error('--serve: sqlite or postgres');
  if (serve === 'postgres' && !postgresUrl) throw new Error('--serve postgres needs PostgreSQL');
  return {
    orders,
    reps: num(values.reps, Math.max(10, Math.min(10_000, Math.round(orders / 1000)))),
    seed: num(values.seed, 1),
    json: values.json === true,
    quick,
    importOrders: Math.min(orders, num(values['import-orders'], quick ? 20_000 : 50_000)),
    rate: num(values.rate, 200),
    seconds: num(values.seconds, quick ? 10 : 30),
    dir: path.resolve(values.dir ?? '.bench'),
    postgresUrl,
    serveDialect: serve,
    parts: new Set(only as BenchPart[]),
    prepare: values.prepare === true,
    sql: new Set(
      (values.sql ?? 'duckdb,postgres,sqlite').split(',').map((v) => v.trim()) as (
        | 'duckdb'
        | 'postgres'
        | 'sqlite'
      )[],
    ),
  };
}
