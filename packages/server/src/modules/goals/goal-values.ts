/**
 * Goal values as exact decimal text (contract §1, §5): parsed from requests, stored in canonical
 * form, presented as money strings for money metrics and canonical decimals otherwise.
 */
import { type BaseMetric, FLOW_METRICS, fen, formatMoney, MONEY_METRICS } from '@attain/engine';
import { AppError } from '../../errors.ts';
import {
  addDecimals,
  type ExactDecimal,
  formatDecimal,
  parseDecimal,
  significantScale,
} from '../imports/decimal-text.ts';
import { decimalTextToFen } from '../tracking/decimal-fen.ts';

export const isMoneyMetric = (metric: string): boolean => MONEY_METRICS.has(metric);

/** Goals of flow metrics add up over people, units and months, so a split must sum to the whole. */
export const isAdditiveMetric = (metric: string): boolean => FLOW_METRICS.has(metric as BaseMetric);

/**
 * Reads a goal value from a request (string preferred; a JSON number is read by its shortest
 * text): a decimal ≥ 0, at most 2 fraction digits for money. Returns the canonical text stored.
 * @example readGoalValue('revenue', '1200000.50', 'value') // '1200000.5'
 */
export function readGoalValue(metric: string, input: string | number, field: string): string {
  const text = typeof input === 'number' ? String(input) : input;
  const decimal = /e/i.test(text) ? null : parseDecimal(text);
  if (!decimal) throw new AppError('validation_failed', `${field} is not a decimal: ${text}`, field);
  if (decimal.units < 0n) throw new AppError('validation_failed', `${field} must not be negative`, field);
  if (isMoneyMetric(metric) && significantScale(decimal) > 2)
    throw new AppError('validation_failed', `${field} has more than 2 decimal places (money)`, field);
  return formatDecimal(decimal);
}

export function readOptionalGoalValue(
  metric: string,
  input: string | number | null | undefined,
  field: string,
): string | null {
  return input === undefined || input === null ? null : readGoalValue(metric, input, field);
}

/** Money strings ("1234.50") for money metrics, canonical decimals otherwise. */
export function presentGoalValue(metric: string, stored: string | null): string | null {
  if (stored === null) return null;
  if (isMoneyMetric(metric)) return formatMoney(decimalTextToFen(stored));
  const decimal = parseDecimal(stored);
  return decimal ? formatDecimal(decimal) : stored;
}

/** Σ of stored values (exact); null for none. */
export function sumStored(values: readonly string[]): ExactDecimal | null {
  let sum: ExactDecimal | null = null;
  for (const value of values) {
    const decimal = parseDecimal(value);
    if (decimal) sum = sum ? addDecimals(sum, decimal) : decimal;
  }
  return sum;
}

export function differenceOf(a: ExactDecimal, b: ExactDecimal): ExactDecimal {
  return addDecimals(a, { units: -b.units, scale: b.scale });
}

export function presentDecimal(metric: string, value: ExactDecimal | null): string | null {
  return value === null ? null : presentGoalValue(metric, formatDecimal(value));
}

/**
 * A stored value in hundredths (fen for money), rounded half-up: the unit additive splits work in.
 * @example toHundredths('10.125') // 1013n
 */
export function toHundredths(stored: string): bigint {
  return BigInt(decimalTextToFen(stored));
}

/** Canonical stored text of a number of hundredths. @example fromHundredths(123450n) // '1234.5' */
export function fromHundredths(units: bigint): string {
  return formatDecimal({ units, scale: 2 });
}

export const presentHundredths = (metric: string, units: bigint): string =>
  isMoneyMetric(metric) ? formatMoney(fen(Number(units))) : fromHundredths(units);
