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
  const rows = await db.selectFrom('goals').selectAll().where('period', '=', periodKey).execute();
  const byScope = new Map<string, Record<string, number>>();
  for (const row of rows) {
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
  return byScope;
}
