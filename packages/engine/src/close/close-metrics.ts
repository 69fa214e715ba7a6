/**
 * Metric values a close reads, through the engine's one metric path (computeMetrics, contract
 * §5), memoised per scope and period, with exact decimals for ratios (numerator / denominator
 * rather than the binary float) so that scores compare exactly against grades and thresholds.
 * A what-if adjustment (estimate-pay.ts) adds deltas to one person's values and their units'.
 */
import type { MetricValue } from '../base-metrics.ts';
import { computeMetrics, type MetricExplanation } from '../compute-metrics.ts';
import { type MetricKey, parseMetricKey } from '../metric-key.ts';
import type { Period } from '../periods.ts';
import { Decimal } from '../plan/decimal.ts';
import type { FactStore } from '../store/fact-store.ts';

export interface MetricReading {
  /** As computeMetrics gives it: fen for money metrics. */
  readonly value: MetricValue;
  /** The same value as an exact decimal (ratios from their parts). */
  readonly exact: Decimal | null;
  readonly explanation: MetricExplanation | null;
  /** What-if delta added to the stored value, when any. */
  readonly delta?: number;
}

/** A what-if: deltas by canonical metric key for one person and the units that contain them. */
export interface MetricAdjustment {
  readonly personId: string;
  readonly unitIds: ReadonlySet<string>;
  readonly deltas: Readonly<Record<string, number>>;
}

function keyOf(text: string): MetricKey {
  const parsed = parseMetricKey(text);
  if ('error' in parsed) throw new RangeError(parsed.error);
  return parsed.key;
}

/** The exact value of a metric: a ratio from its parts (× 100 for nps), else the number itself. */
export function exactValue(
  key: MetricKey,
  value: MetricValue,
  explanation: MetricExplanation | null,
): Decimal | null {
  if (value === null) return null;
  const ratio = explanation?.ratio;
  if (key.variant === 'value' && ratio && ratio.denominator !== 0) {
    const q = new Decimal(ratio.numerator).dividedBy(ratio.denominator);
    return key.base === 'nps' ? q.times(100) : q;
  }
  return new Decimal(value);
}

export class CloseMetrics {
  private readonly memo = new Map<string, ReturnType<typeof computeMetrics>>();

  constructor(
    private readonly store: FactStore,
    private readonly period: Period,
    private readonly asOf: string,
    private readonly fiscalYearStart: number,
    /** Every key the close reads for people / units in its own period, fetched in one call each. */
    private readonly personKeys: readonly string[],
    private readonly unitKeys: readonly string[],
    private readonly adjustment: MetricAdjustment | null = null,
  ) {}

  person(id: string, key: string, period: Period = this.period): MetricReading {
    return this.read('person', id, key, period);
  }

  unit(id: string, key: string): MetricReading {
    return this.read('unit', id, key, this.period);
  }

  private fetch(
    memoKey: string,
    kind: 'person' | 'unit',
    id: string,
    period: Period,
    keys: readonly string[],
  ) {
    let result = this.memo.get(memoKey);
    if (!result) {
      const scope = { kind, id };
      result = computeMetrics(this.store, {
        scope,
        period,
        asOf: this.asOf,
        fiscalYearStart: this.fiscalYearStart,
        metrics: keys,
      });
      this.memo.set(memoKey, result);
    }
    return result;
  }

  private read(kind: 'person' | 'unit', id: string, key: string, period: Period): MetricReading {
    const own = period.key === this.period.key && period.start === this.period.start;
    const keys = own ? (kind === 'person' ? this.personKeys : this.unitKeys) : [key];
    const memoKey = `${kind}\u0000${id}\u0000${period.start}..${period.end}\u0000${own ? '*' : key}`;
    let result = this.fetch(memoKey, kind, id, period, keys);
    // a key outside the batch (not foreseen by the close) is fetched on its own
    if (!(key in result.metrics)) result = this.fetch(`${memoKey}\u0000${key}`, kind, id, period, [key]);
    const parsed = keyOf(key);
    let value = result.metrics[key] ?? null;
    const explanation = result.explain[key] ?? null;
    const adjusted =
      own &&
      this.adjustment &&
      (kind === 'person' ? this.adjustment.personId === id : this.adjustment.unitIds.has(id));
    const delta = adjusted ? this.adjustment!.deltas[key] : undefined;
    if (delta !== undefined && delta !== 0) {
      value = (value ?? 0) + delta;
      return { value, exact: new Decimal(value), explanation, delta };
    }
    return { value, exact: exactValue(parsed, value, explanation), explanation };
  }
}
