/**
 * The data set of one bench run: `attain bench gen` output plus a `unit_moves.csv` (2 % of the
 * reps change teams on 1 July, so effective-dated crediting is exercised), generated once per
 * (orders, reps, seed) and reused; and the import sample (the first K orders and everything
 * that hangs off them), cut from it once per K.
 */
import fs from 'node:fs';
import path from 'node:path';
import readline from 'node:readline';
import type { EntityName } from '../entities/entities.ts';
import { generateBenchData } from './bench-generate.ts';
import { CsvWriter } from './csv-writer.ts';

export const BENCH_FROM = '2025-01-01';
/** Where generated reps move to their next team (contract §2 unit_moves). */
export const MOVE_DATE = '2025-07-01';

/** Entities in dependency order, as a user would import them. */
export const LOAD_ORDER: readonly EntityName[] = [
  'units',
  'people',
  'unit_moves',
  'products',
  'customers',
  'orders',
  'order_credits',
  'payments',
  'activities',
  'leads',
  'opportunities',
  'surveys',
];

export type RowCounts = Partial<Record<EntityName, number>>;

export interface BenchData {
  readonly dir: string;
  readonly counts: RowCounts;
}

export const csvOf = (dir: string, entity: EntityName) => path.join(dir, `${entity}.csv`);

async function* lines(file: string): AsyncGenerator<string> {
  const input = fs.createReadStream(file, { highWaterMark: 1 << 20 });
  yield* readline.createInterface({ input, crlfDelay: Number.POSITIVE_INFINITY });
}

/** Generates the data set unless the same parameters were generated before. */
export async function ensureBenchData(
  root: string,
  params: { orders: number; reps: number; seed: number },
  log: (line: string) => void,
): Promise<BenchData> {
  const dir = path.join(root, `data-o${params.orders}-r${params.reps}-s${params.seed}`);
  const done = path.join(dir, 'counts.json');
  if (fs.existsSync(done)) return { dir, counts: JSON.parse(fs.readFileSync(done, 'utf8')) as RowCounts };
  log(`generating ${params.orders.toLocaleString('en')} orders into ${dir}`);
  const started = performance.now();
  const counts: RowCounts = await generateBenchData({ ...params, out: dir, from: BENCH_FROM });
  counts.unit_moves = await writeMoves(dir);
  fs.writeFileSync(done, JSON.stringify(counts));
  log(`generated in ${((performance.now() - started) / 1000).toFixed(1)} s`);
  return { dir, counts };
}

/** Every 50th rep moves to the next team (wrapping) on {@link MOVE_DATE}. */
async function writeMoves(dir: string): Promise<number> {
  const teams: string[] = [];
  const reps: { id: string; team: string }[] = [];
  let header = true;
  for await (const line of lines(csvOf(dir, 'people'))) {
    if (header) {
      header = false;
      continue;
    }
    const [id, , , unit, role] = line.split(',');
    if (role !== 'rep') continue;
    reps.push({ id: id as string, team: unit as string });
    if (teams[teams.length - 1] !== unit) teams.push(unit as string);
  }
  const writer = new CsvWriter(dir, 'unit_moves', ['person_id', 'unit_id', 'effective_from']);
  for (let i = 0; i < reps.length; i += 50) {
    const rep = reps[i] as { id: string; team: string };
    const next = teams[(teams.indexOf(rep.team) + 1) % teams.length] as string;
    if (next !== rep.team) await writer.write([rep.id, next, MOVE_DATE]);
  }
  await writer.close();
  return writer.rows;
}

/** Fact entities whose rows hang off order number n: their id or order_id ends in n. */
const BY_ORDER_NUMBER: Partial<Record<EntityName, number>> = {
  orders: 0,
  order_credits: 0,
  payments: 0,
  activities: 0,
  leads: 0,
  opportunities: 0,
  surveys: 0,
};

/**
 * The import sample: dimensions in full except customers (only those the sample refers to),
 * and the facts of the first `orders` orders (generated ids carry the order number).
 */
export async function ensureImportSample(data: BenchData, orders: number): Promise<BenchData> {
  const dir = path.join(data.dir, `sample-${orders}`);
  const done = path.join(dir, 'counts.json');
  if (fs.existsSync(done)) return { dir, counts: JSON.parse(fs.readFileSync(done, 'utf8')) as RowCounts };
  fs.mkdirSync(dir, { recursive: true });
  const counts: RowCounts = {};
  const customers = new Set<string>();
  for (const entity of LOAD_ORDER) {
    if (entity === 'customers') continue;
    const column = BY_ORDER_NUMBER[entity];
    const customerColumn = { orders: 3, activities: 4, opportunities: 2, surveys: 3 }[entity as string];
    counts[entity] = await copyRows(data.dir, dir, entity, (cells) => {
      if (column === undefined) return true;
      const keep = Number((cells[column] as string).slice(1)) <= orders;
      if (keep && customerColumn !== undefined && cells[customerColumn]) customers.add(cells[customerColumn]);
      return keep;
    });
  }
  counts.customers = await copyRows(data.dir, dir, 'customers', (cells) => customers.has(cells[0] as string));
  fs.writeFileSync(done, JSON.stringify(counts));
  return { dir, counts };
}

async function copyRows(
  from: string,
  to: string,
  entity: EntityName,
  keep: (cells: string[]) => boolean,
): Promise<number> {
  const out = fs.createWriteStream(csvOf(to, entity));
  let rows = -1;
  let chunk: string[] = [];
  for await (const line of lines(csvOf(from, entity))) {
    if (rows >= 0 && !keep(line.split(','))) continue;
    rows++;
    chunk.push(line);
    if (chunk.length >= 10_000) {
      if (!out.write(`${chunk.join('\n')}\n`)) await new Promise<void>((r) => out.once('drain', () => r()));
      chunk = [];
    }
  }
  out.write(chunk.length ? `${chunk.join('\n')}\n` : '');
  await new Promise<void>((resolve, reject) => out.end((e?: Error | null) => (e ? reject(e) : resolve())));
  return rows;
}
