import { formatMetricKey, MONEY_METRICS, parseMetricKey } from '@attain/engine';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { decimalTextToFen } from './decimal-fen.ts';

/**
 * The goals of one period, by scope, keyed as §5 names metrics (`revenue{product_line=A}`).
 * Values are numbers; money goals in fen (contract §5: a money metric's goal is money).
 */
export async function goalsForPeriod(
  db: Kysely<Database>,
  periodKey: string,
): Promise<Map<string, Record<string, number>>> {
  return (await goalsForPeriods(db, [periodKey])).get(periodKey) ?? new Map();
}

/** {@link goalsForPeriod} for several periods in one query: period → scope → key → value. */
export async function goalsForPeriods(
  db: Kysely<Database>,
  periodKeys: readonly string[],
): Promise<Map<string, Map<string, Record<string, number>>>> {
  const byPeriod = new Map<string, Map<string, Record<string, number>>>(
    periodKeys.map((k) => [k, new Map()]),
  );
  if (periodKeys.length === 0) return byPeriod;
  const rows = await db
    .selectFrom('goals')
    .selectAll()
    .where('period', 'in', [...periodKeys])
    .execute();
  for (const row of rows) {
    const byScope = byPeriod.get(row.period) as Map<string, Record<string, number>>;
    const filters: Record<string, string> = {};
    if (row.product_line) filters.product_line = row.product_line;
    if (row.customer_type) filters.customer_type = row.customer_type;
    if (row.region) filters.region = row.region;
    const parsed = parseMetricKey(row.metric);
    if (!('key' in parsed)) continue;
    const key = formatMetricKey({ ...parsed.key, filters: { ...parsed.key.filters, ...filters } });
    const isMoney = parsed.key.variant === 'value' && MONEY_METRICS.has(parsed.key.base);
    const value = isMoney ? decimalTextToFen(row.value) : Number(row.value);
    const goals = byScope.get(row.scope) ?? {};
    goals[key] = value;
    byScope.set(row.scope, goals);
  }
  return byPeriod;
}
