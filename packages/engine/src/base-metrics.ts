/**
 * Contract §5's table: each base metric from the sums of its scope and window. Ratios with a
 * zero denominator are null, never 0, NaN or Infinity. Money metrics are integer fen.
 */
import type { BaseMetric } from './metric-names.ts';
import { type Fen, fen } from './money.ts';
import type { Sums } from './store/sums.ts';

/** A metric value: fen for money metrics, a count or ratio otherwise, null when undefined. */
export type MetricValue = number | Fen | null;

/** The numerator and denominator behind a ratio, for the "why?" panel. */
export interface Ratio {
  readonly numerator: number;
  readonly denominator: number;
}

const ratio = (numerator: number, denominator: number): number | null =>
  denominator === 0 ? null : numerator / denominator;

interface Definition {
  readonly value: (s: Sums) => MetricValue;
  /** Inputs of a ratio metric, shown with it. */
  readonly parts?: (s: Sums) => Ratio;
}

const DEFINITIONS: Record<BaseMetric, Definition> = {
  revenue: { value: (s) => fen(s.revenue) },
  orders: { value: (s) => s.orders },
  // A JSON number in yuan (not a money metric in §5): revenue in yuan per order.
  avg_order_value: {
    value: (s) => ratio(s.revenue / 100, s.orders),
    parts: (s) => q(s.revenue / 100, s.orders),
  },
  gross_margin_rate: {
    value: (s) => ratio(s.revenue - s.cost, s.revenue),
    parts: (s) => q(s.revenue - s.cost, s.revenue),
  },
  new_customers: { value: (s) => s.newCustomers },
  new_customer_revenue: { value: (s) => fen(s.newCustomerRevenue) },
  new_customer_share: {
    value: (s) => ratio(s.newCustomerRevenue, s.revenue),
    parts: (s) => q(s.newCustomerRevenue, s.revenue),
  },
  collected: { value: (s) => fen(s.collected) },
  collection_rate: { value: (s) => ratio(s.collected, s.revenue), parts: (s) => q(s.collected, s.revenue) },
  visits: { value: (s) => s.visits },
  calls: { value: (s) => s.calls },
  demos: { value: (s) => s.demos },
  proposals: { value: (s) => s.proposals },
  activities: { value: (s) => s.activities },
  leads: { value: (s) => s.leads },
  lead_conversion_rate: {
    value: (s) => ratio(s.leadsConverted, s.leads),
    parts: (s) => q(s.leadsConverted, s.leads),
  },
  pipeline_value: { value: (s) => fen(s.pipeline) },
  win_rate: { value: (s) => ratio(s.oppWon, s.oppClosed), parts: (s) => q(s.oppWon, s.oppClosed) },
  avg_sales_cycle_days: {
    value: (s) => ratio(s.oppWonCycleDays, s.oppWon),
    parts: (s) => q(s.oppWonCycleDays, s.oppWon),
  },
  nps: {
    // contract §5: (promoters − detractors) / responses × 100
    value: (s) => {
      const r = ratio(s.npsPromoters - s.npsDetractors, s.npsResponses);
      return r === null ? null : r * 100;
    },
    parts: (s) => q(s.npsPromoters - s.npsDetractors, s.npsResponses),
  },
  csat: { value: (s) => ratio(s.csatSum, s.csatCount), parts: (s) => q(s.csatSum, s.csatCount) },
  complaints: { value: (s) => s.complaints },
  complaint_rate: { value: (s) => ratio(s.complaints, s.orders), parts: (s) => q(s.complaints, s.orders) },
};

function q(numerator: number, denominator: number): Ratio {
  return { numerator, denominator };
}

/**
 * The value of a base metric from its sums.
 * @example baseMetricValue('collection_rate', { ...emptySums(), revenue: 1000, collected: 900 }) // 0.9
 * @example baseMetricValue('win_rate', emptySums()) // null (no closed opportunity)
 */
export function baseMetricValue(metric: BaseMetric, sums: Sums): MetricValue {
  return DEFINITIONS[metric].value(sums);
}

/** Numerator and denominator of a ratio metric; null for sums and counts. */
export function baseMetricParts(metric: BaseMetric, sums: Sums): Ratio | null {
  return DEFINITIONS[metric].parts?.(sums) ?? null;
}

/** Flow metrics: they accumulate as the period runs, so they are forecast by run rate (forecast.ts). */
export const FLOW_METRICS: ReadonlySet<BaseMetric> = new Set<BaseMetric>([
  'revenue',
  'orders',
  'new_customers',
  'new_customer_revenue',
  'collected',
  'visits',
  'calls',
  'demos',
  'proposals',
  'activities',
  'leads',
  'complaints',
]);

/**
 * Growth between two values (contract §5 `_growth`, `_yoy`): null when either is null or the
 * earlier one is 0.
 * @example growth(120, 100) // 0.2
 * @example growth(-50, -100) // 0.5
 */
export function growth(current: MetricValue, earlier: MetricValue): number | null {
  if (current === null || earlier === null || earlier === 0) return null;
  return (current - earlier) / Math.abs(earlier);
}
