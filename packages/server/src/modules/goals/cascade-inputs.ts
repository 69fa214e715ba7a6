/**
 * The inputs of a cascade's split (docs/goals.md §Cascade): given weights, last year's actuals
 * as weights (contract §3's same period last year, computed by the engine), or manual values.
 * Keys are those of the targets (child ids, or period keys when splitting to months).
 */
import {
  computeMetrics,
  type FactStore,
  formatMetricKey,
  type MetricFilters,
  type Period,
  parsePeriod,
  samePeriodLastYear,
} from '@attain/engine';
import { AppError } from '../../errors.ts';
import { scaleWeights } from './cascade.ts';
import type { CascadeTarget } from './cascade-targets.ts';
import { isMoneyMetric, presentHundredths, readGoalValue } from './goal-values.ts';

export interface Weighing {
  readonly weights: bigint[];
  readonly basis: (string | null)[];
}

export function givenWeights(
  targets: readonly CascadeTarget[],
  weights: Readonly<Record<string, string | number>> | undefined,
): Weighing {
  const given = weights ?? {};
  const keys = new Set(targets.map((t) => t.key));
  const unknown = Object.keys(given).find((key) => !keys.has(key));
  if (unknown)
    throw new AppError('validation_failed', `${unknown} is not a target of this split`, `weights.${unknown}`);
  const texts = targets.map((t) => String(given[t.key] ?? '0'));
  texts.forEach((text, i) => {
    if (!/^\d*(\.\d*)?$/.test(text.trim()) || text.trim() === '' || text.trim() === '.')
      throw new AppError(
        'validation_failed',
        `weight must be a decimal ≥ 0: ${text}`,
        `weights.${targets[i]?.key}`,
      );
  });
  return { weights: scaleWeights(texts), basis: texts };
}

/** Each target's actual of the same period last year (contract §3), from the fact store. */
export function lastYearWeights(
  store: FactStore,
  targets: readonly CascadeTarget[],
  metric: string,
  filters: MetricFilters,
): Weighing {
  const key = formatMetricKey({ base: metric as never, variant: 'value', filters });
  const actuals = targets.map((target) => {
    const period = parsePeriod(target.period) as Period;
    const earlier = samePeriodLastYear(period);
    if (!earlier) return 0;
    const result = computeMetrics(store, {
      scope: { kind: target.kind, id: target.scope },
      period: earlier,
      asOf: earlier.end,
      metrics: [key],
    });
    const value = result.metrics[key];
    return typeof value === 'number' && value > 0 ? Math.round(value) : 0;
  });
  return {
    weights: actuals.map((a) => BigInt(a)),
    // Money actuals are fen; other additive metrics are counts.
    basis: actuals.map((a) => (isMoneyMetric(metric) ? presentHundredths(metric, BigInt(a)) : String(a))),
  };
}

export function manualValues(
  targets: readonly CascadeTarget[],
  metric: string,
  values: Readonly<Record<string, string | number>> | undefined,
): string[] {
  const given = values ?? {};
  const keys = new Set(targets.map((t) => t.key));
  const unknown = Object.keys(given).find((key) => !keys.has(key));
  if (unknown)
    throw new AppError('validation_failed', `${unknown} is not a target of this split`, `values.${unknown}`);
  return targets.map((t) => {
    const value = given[t.key];
    if (value === undefined)
      throw new AppError('validation_failed', `no value for ${t.key}`, `values.${t.key}`);
    return readGoalValue(metric, value, `values.${t.key}`);
  });
}
