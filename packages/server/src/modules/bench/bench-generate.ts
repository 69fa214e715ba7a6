/**
 * `attain bench gen`: a deterministic generator of contract CSV files (contract §2) at benchmark
 * scale — 10,000 reps and 10,000,000 orders stream to disk in bounded memory. Distributions:
 * log-normal rep skill, seasonality by month and weekday, ~2% returns, ~5% split credit,
 * payments lagging 0–120 days (some partial, some never), and activities, leads,
 * opportunities and surveys in proportion to orders.
 */
import fs from 'node:fs';
import { addDays, fen, formatMoney, fromDayNumber, toDayNumber } from '@attain/engine';
import { ENTITIES, type EntityName } from '../entities/entities.ts';
import { buildBenchOrg } from './bench-org.ts';
import { CsvWriter } from './csv-writer.ts';
import { createRandom, type Random, weightedSampler } from './prng.ts';

export interface BenchGenOptions {
  readonly reps: number;
  readonly orders: number;
  readonly seed: number;
  readonly out: string;
  /** First day of the generated year. */
  readonly from: string;
  readonly onProgress?: (entity: EntityName, rows: number) => void;
}

export type BenchGenResult = Record<EntityName, number>;

// Chinese B2B seasonality: slow around the Spring Festival, strong quarter ends and December.
const MONTH_WEIGHT = [0.7, 0.55, 1.05, 0.9, 0.95, 1.2, 0.9, 0.9, 1.15, 0.85, 1.05, 1.5];
const LINES = ['Software', 'Hardware', 'Services'];
const CUSTOMER_TYPES = ['enterprise', 'smb', 'government', 'education'];
const ACTIVITY_TYPES = ['visit', 'call', 'call', 'email', 'demo', 'proposal', 'other'];

const header = (entity: EntityName) => ENTITIES[entity].columns.map((c) => c.name);
const money = (amountFen: number) => formatMoney(fen(amountFen));

function daySampler(from: string, days: number) {
  const weights: number[] = [];
  for (let i = 0; i < days; i++) {
    const date = addDays(from, i);
    const weekday = (toDayNumber(date) + 3) % 7; // 0 = Monday
    weights.push((MONTH_WEIGHT[Number(date.slice(5, 7)) - 1] as number) * (weekday >= 5 ? 0.25 : 1));
  }
  return weightedSampler(weights);
}

export async function generateBenchData(options: BenchGenOptions): Promise<BenchGenResult> {
  fs.mkdirSync(options.out, { recursive: true });
  const random = createRandom(options.seed);
  const startDay = toDayNumber(options.from);
  const days = toDayNumber(addDays(options.from, 365)) - startDay;
  const org = buildBenchOrg(options.reps, random, options.from);
  const counts = {} as BenchGenResult;
  const report = (entity: EntityName, rows: number) => {
    counts[entity] = rows;
    options.onProgress?.(entity, rows);
  };

  const writeAll = async (entity: EntityName, rows: readonly (readonly (string | number)[])[]) => {
    const writer = new CsvWriter(options.out, entity, header(entity));
    for (const row of rows) await writer.write(row);
    await writer.close();
    report(entity, writer.rows);
  };
  await writeAll('units', org.units);
  await writeAll('people', org.people);

  const products = Array.from({ length: 30 }, (_, i) => ({
    id: `P${String(i + 1).padStart(3, '0')}`,
    line: LINES[i % 3] as string,
    priceFen: Math.round(Math.exp(8 + 2.5 * random.next())) * 100,
    margin: 0.25 + 0.4 * random.next(),
  }));
  await writeAll(
    'products',
    products.map((p) => [p.id, `Product ${p.id}`, p.line]),
  );

  const customerCount = Math.max(100, Math.min(1_000_000, Math.round(options.orders / 10)));
  const customersPerRegion = Math.max(1, Math.floor(customerCount / org.regions));
  const customerRows: string[][] = [];
  for (let i = 0; i < customerCount; i++) {
    const region = Math.min(org.regions - 1, Math.floor(i / customersPerRegion));
    customerRows.push([
      `C${String(i + 1).padStart(7, '0')}`,
      `Customer ${i + 1}`,
      CUSTOMER_TYPES[i % 4] as string,
      `Region ${region + 1}`,
    ]);
  }
  await writeAll('customers', customerRows);

  await writeFacts(options, random, org, products, customerCount, customersPerRegion, startDay, days, report);
  return counts;
}

async function writeFacts(
  options: BenchGenOptions,
  random: Random,
  org: ReturnType<typeof buildBenchOrg>,
  products: readonly { id: string; priceFen: number; margin: number }[],
  customerCount: number,
  customersPerRegion: number,
  startDay: number,
  days: number,
  report: (entity: EntityName, rows: number) => void,
): Promise<void> {
  const writers = Object.fromEntries(
    (['orders', 'order_credits', 'payments', 'activities', 'leads', 'opportunities', 'surveys'] as const).map(
      (e) => [e, new CsvWriter(options.out, e, header(e))],
    ),
  ) as Record<
    'orders' | 'order_credits' | 'payments' | 'activities' | 'leads' | 'opportunities' | 'surveys',
    CsvWriter
  >;
  const pickDay = daySampler(options.from, days);
  const pickRep = weightedSampler(org.reps.map((r) => r.skill));
  const lastDay = startDay + days - 1;
  const idOf = (prefix: string, n: number) => `${prefix}${String(n).padStart(9, '0')}`;

  for (let n = 1; n <= options.orders; n++) {
    const rep = org.reps[pickRep(random)] as (typeof org.reps)[number];
    const day = startDay + pickDay(random);
    const date = fromDayNumber(day);
    const regionBase = Math.min(rep.region * customersPerRegion, customerCount - 1);
    const customer = `C${String(regionBase + random.int(0, customersPerRegion - 1) + 1).padStart(7, '0')}`;
    const product = products[random.int(0, products.length - 1)] as (typeof products)[number];
    const quantity = 1 + Math.floor(-Math.log(1 - random.next()) * 2);
    let amount = product.priceFen * quantity;
    const isReturn = random.chance(0.02);
    if (isReturn) amount = -amount;
    const cost = Math.round(amount * (1 - product.margin));
    const orderId = idOf('O', n);
    await writers.orders.write([orderId, date, rep.id, customer, product.id, money(amount), money(cost)]);

    if (!isReturn && random.chance(0.05)) {
      const partner = org.reps[pickRep(random)] as (typeof org.reps)[number];
      if (partner.id !== rep.id) {
        await writers.order_credits.write([orderId, rep.id, '0.6']);
        await writers.order_credits.write([orderId, partner.id, '0.4']);
      }
    }
    if (!isReturn && random.chance(0.9)) {
      const payDay = day + random.int(0, 120);
      if (payDay <= lastDay) {
        const partial = random.chance(0.15) ? Math.round(amount * 0.5) : amount;
        await writers.payments.write([idOf('Y', n), fromDayNumber(payDay), orderId, money(partial)]);
      }
    }
    await writers.activities.write([
      idOf('A', n),
      date,
      rep.id,
      ACTIVITY_TYPES[random.int(0, ACTIVITY_TYPES.length - 1)] as string,
      customer,
    ]);
    if (n % 5 === 0) {
      const converted = random.chance(0.3) ? fromDayNumber(Math.min(lastDay, day + random.int(1, 60))) : '';
      await writers.leads.write([idOf('L', n), date, rep.id, 'web', converted]);
    }
    if (n % 10 === 0) {
      const closed = random.chance(0.7) ? Math.min(lastDay, day + random.int(5, 90)) : null;
      const won = closed === null ? '' : random.chance(0.4) ? 'true' : 'false';
      await writers.opportunities.write([
        idOf('Q', n),
        rep.id,
        customer,
        date,
        money(amount > 0 ? amount * 2 : product.priceFen),
        closed === null ? '' : fromDayNumber(closed),
        won,
      ]);
    }
    if (n % 20 === 0) {
      const nps = random.chance(0.5);
      const score = nps ? Math.min(10, Math.max(0, Math.round(7 + 2 * random.normal()))) : random.int(2, 5);
      await writers.surveys.write([idOf('V', n), date, rep.id, customer, nps ? 'nps' : 'csat', score]);
    }
    if (n % 100_000 === 0) options.onProgress?.('orders', n);
  }
  for (const [entity, writer] of Object.entries(writers)) {
    await writer.close();
    report(entity as EntityName, writer.rows);
  }
}
