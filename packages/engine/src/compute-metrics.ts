/**
 * The entry point the server calls (contract §5 and §7 `report metrics`): the values of the
 * named metric keys for one scope, period and as-of date, with goals, attainment, pacing, a
 * run-rate forecast and the inputs of every number.
 */
import {
  baseMetricParts,
  baseMetricValue,
  FLOW_METRICS,
  growth,
  type MetricValue,
  type Ratio,
} from './base-metrics.ts';
import { isIsoDate, toDayNumber } from './dates.ts';
import { forecastRunRate } from './forecast.ts';
import { formatMetricKey, type MetricKey, parseMetricKey } from './metric-key.ts';
import { BASE_METRICS, MONEY_METRICS } from './metric-names.ts';
import { elapsedFraction, previousPeriod, samePeriodLastYear } from './period-navigation.ts';
import { type Period, parsePeriod } from './periods.ts';
import { collectSums } from './store/collect-sums.ts';
import type { FactStore } from './store/fact-store.ts';
import type { Scope } from './store/scope.ts';
import type { Sums, SumsNeeds } from './store/sums.ts';

export interface MetricsRequest {
  readonly scope: Scope;
  /** A period key of §3 or a parsed period. */
  readonly period: Period | string;
  /** Month the fiscal year starts in (plan `calendar.fiscal_year_start`), default 1. */
  readonly fiscalYearStart?: number;
  /** ISO date A: events dated after it are ignored (the engine reads no clock). */
  readonly asOf: string;
  /** Metric keys; default every base metric plus every filtered key of `goals` (contract §7). */
  readonly metrics?: readonly string[];
  /** Goals of this scope and period by metric key: fen for money metrics, numbers otherwise. */
  readonly goals?: Readonly<Record<string, number>>;
}

/** Where a number came from. */
export interface MetricExplanation {
  /** Days counted, [start, min(end, A)]; null when A is before the start. */
  readonly window: { readonly from: string; readonly to: string } | null;
  /** The numerator and denominator of a ratio metric. */
  readonly ratio?: Ratio;
  /** For `_growth` / `_yoy`: the earlier period and its value (null period: there is none). */
  readonly earlier?: { readonly period: string | null; readonly value: MetricValue };
  /** For pipeline_value: the snapshot date min(end, A). */
  readonly snapshot?: string;
}

export interface MetricsResult {
  readonly scope: Scope;
  readonly period: Period;
  readonly asOf: string;
  /** f of §5's pacing: elapsed days / days of the period. */
  readonly elapsed: number;
  /** Values by canonical key (filters sorted); money metrics in fen. */
  readonly metrics: Record<string, MetricValue>;
  /** Only the keys of `metrics` that have a goal. */
  readonly goals: Record<string, number>;
  readonly attainment: Record<string, number | null>;
  readonly pacing: Record<string, number | null>;
  /** Run-rate forecast to the period's end (forecast.ts); null when nothing has elapsed. */
  readonly forecast: Record<string, MetricValue>;
  readonly explain: Record<string, MetricExplanation>;
}

/** Parses a key or throws a RangeError naming it. */
function mustParseKey(text: string): MetricKey {
  const parsed = parseMetricKey(text);
  if ('error' in parsed) throw new RangeError(parsed.error);
  return parsed.key;
}

type SumsFor = (period: Period, key: MetricKey) => Sums;

/** Sums per (period, filters), each collected once per call (growth and yoy reuse them). */
function sumsCache(store: FactStore, scope: Scope, asOfDay: number, keys: readonly MetricKey[]): SumsFor {
  const bases = new Set(keys.map((k) => k.base));
  const needs: SumsNeeds = {
    newCustomerRevenue: bases.has('new_customer_revenue') || bases.has('new_customer_share'),
    leadConversion: bases.has('lead_conversion_rate'),
    pipeline: bases.has('pipeline_value'),
  };
  const cache = new Map<string, Sums>();
  return (period, key) => {
    const id = `${period.start}..${period.end}|${formatMetricKey({ ...key, base: 'revenue', variant: 'value' })}`;
    let sums = cache.get(id);
    if (!sums) {
      const [startDay, endDay] = [toDayNumber(period.start), toDayNumber(period.end)];
      sums = collectSums(store, { scope, startDay, endDay, asOfDay, filters: key.filters, needs });
      cache.set(id, sums);
    }
    return sums;
  };
}

/** The value of one key and where it came from (contract §5, incl. `_growth` and `_yoy`). */
function evaluateKey(key: MetricKey, period: Period, fiscal: number, asOf: string, sumsFor: SumsFor) {
  const sums = sumsFor(period, key);
  const current = baseMetricValue(key.base, sums);
  const explanation: { -readonly [K in keyof MetricExplanation]: MetricExplanation[K] } = {
    window: windowOf(period, asOf),
  };
  const ratio = baseMetricParts(key.base, sums);
  if (ratio) explanation.ratio = ratio;
  if (key.base === 'pipeline_value') explanation.snapshot = asOf < period.end ? asOf : period.end;
  if (key.variant === 'value') return { value: current, explanation };
  const earlierPeriod =
    key.variant === 'growth' ? previousPeriod(period, fiscal) : samePeriodLastYear(period, fiscal);
  const earlier = earlierPeriod ? baseMetricValue(key.base, sumsFor(earlierPeriod, key)) : null;
  explanation.earlier = { period: earlierPeriod?.key ?? null, value: earlier };
  return { value: growth(current, earlier), explanation };
}

/**
 * Computes metrics for one scope and period (contract §5).
 * @example computeMetrics(store, { scope: { kind: 'person', id: 'r1' }, period: '2026-Q3', asOf: '2026-08-15',
 *   metrics: ['revenue', 'revenue_growth', 'orders{product_line=A}'], goals: { revenue: 100_000_00 } })
 *   // { metrics: { revenue: 4_200_00, ... }, goals: { revenue: 100_000_00 }, attainment: { revenue: 0.042 }, ... }
 */
export function computeMetrics(store: FactStore, request: MetricsRequest): MetricsResult {
  const fiscal = request.fiscalYearStart ?? 1;
  const period = typeof request.period === 'string' ? parsePeriod(request.period, fiscal) : request.period;
  if (!period) throw new RangeError(`not a period: ${String(request.period)}`);
  if (!isIsoDate(request.asOf)) throw new RangeError(`not a date: ${request.asOf}`);
  const goals = new Map<string, number>();
  for (const [text, goal] of Object.entries(request.goals ?? {}))
    goals.set(formatMetricKey(mustParseKey(text)), goal);
  // contract §7: by default every base metric, plus every filtered key that has a goal
  const names = request.metrics ?? [...BASE_METRICS, ...[...goals.keys()].filter((k) => k.includes('{'))];
  const keys = new Map(names.map((text) => mustParseKey(text)).map((k) => [formatMetricKey(k), k]));
  const sumsFor = sumsCache(store, request.scope, toDayNumber(request.asOf), [...keys.values()]);
  const f = elapsedFraction(period, request.asOf);
  const result: MetricsResult = {
    scope: request.scope,
    period,
    asOf: request.asOf,
    elapsed: f,
    metrics: {},
    goals: {},
    attainment: {},
    pacing: {},
    forecast: {},
    explain: {},
  };
  for (const [text, key] of keys) {
    const { value, explanation } = evaluateKey(key, period, fiscal, request.asOf, sumsFor);
    result.metrics[text] = value;
    result.explain[text] = explanation;
    result.forecast[text] =
      key.variant === 'value'
        ? forecastRunRate(
            value,
            period,
            request.asOf,
            FLOW_METRICS.has(key.base),
            MONEY_METRICS.has(key.base),
          )
        : null;
    const goal = goals.get(text);
    if (goal === undefined) continue;
    result.goals[text] = goal;
    // contract §5: attainment = actual / goal; pacing = actual / (goal × f); null without a nonzero goal
    result.attainment[text] = value === null || goal === 0 ? null : value / goal;
    result.pacing[text] = value === null || goal === 0 || f === 0 ? null : value / (goal * f);
  }
  return result;
}

function windowOf(period: Period, asOf: string): MetricExplanation['window'] {
  const to = asOf < period.end ? asOf : period.end;
  return to < period.start ? null : { from: period.start, to };
}
