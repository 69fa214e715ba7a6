/** The base metrics of contract §5, in the contract's order. */
export const BASE_METRICS = [
  'revenue',
  'orders',
  'avg_order_value',
  'gross_margin_rate',
  'new_customers',
  'new_customer_revenue',
  'new_customer_share',
  'collected',
  'collection_rate',
  'visits',
  'calls',
  'demos',
  'proposals',
  'activities',
  'leads',
  'lead_conversion_rate',
  'pipeline_value',
  'win_rate',
  'avg_sales_cycle_days',
  'nps',
  'csat',
  'complaints',
  'complaint_rate',
] as const;
export type BaseMetric = (typeof BASE_METRICS)[number];

/** Metrics whose values (and goals) are money strings (contract §5). */
export const MONEY_METRICS: ReadonlySet<string> = new Set([
  'revenue',
  'new_customer_revenue',
  'collected',
  'pipeline_value',
]);

/** True for a base metric, or a base metric with a `_growth` / `_yoy` suffix. */
export function isMetricName(name: string): boolean {
  const base = name.replace(/_(growth|yoy)$/, '');
  return (BASE_METRICS as readonly string[]).includes(base);
}
