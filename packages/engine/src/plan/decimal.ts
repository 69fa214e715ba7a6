/**
 * Exact decimals for plans and pay (contract §6: plan numbers are decimals read as written).
 * Rates, weights and thresholds travel as canonical decimal text ({@link DecimalText}) so a plan
 * stays plain JSON; arithmetic uses a private decimal.js clone (40 significant digits) and money
 * meets the one rounding rule of STYLE.md: half-up to the fen, applied once where §6 says.
 */
import DecimalJs from 'decimal.js';
import { type Fen, fen } from '../money.ts';

/** A decimal number as canonical text, e.g. `"0.015"`, `"1000000"`. */
export type DecimalText = string;

/** decimal.js with 40 significant digits; ROUND_HALF_UP rounds halves away from zero (四舍五入). */
export const Decimal = DecimalJs.clone({ precision: 40, rounding: DecimalJs.ROUND_HALF_UP });
export type Decimal = InstanceType<typeof Decimal>;

const PLAIN_DECIMAL = /^[+-]?(?:\d+\.?\d*|\.\d+)(?:[eE][+-]?\d+)?$/;

/**
 * The canonical text of a decimal literal, or null when the text is not a plain decimal.
 * @example canonicalDecimal('0.10') // '0.1'
 * @example canonicalDecimal('1e6') // '1000000'
 */
export function canonicalDecimal(text: string): DecimalText | null {
  const trimmed = text.trim();
  if (!PLAIN_DECIMAL.test(trimmed)) return null;
  return new Decimal(trimmed).toFixed();
}

/** A Decimal from decimal text or a JS number (a number goes through its shortest repr). */
export const dec = (value: DecimalText | number | Decimal): Decimal => new Decimal(value);

/**
 * Yuan (a decimal) to fen, half-up — contract §6's one rounding, to be called once per figure.
 * @example roundYuanToFen(dec('0.005')) // 1 (half a fen rounds up)
 * @example roundYuanToFen(dec('-0.005')) // -1 (away from zero)
 */
export function roundYuanToFen(yuan: Decimal): Fen {
  return fen(yuan.times(100).toDecimalPlaces(0, Decimal.ROUND_HALF_UP).toNumber());
}

/**
 * Fen (possibly fractional, as a Decimal) to whole fen, half-up.
 * @example roundFen(dec('12.5')) // 13
 */
export function roundFen(amount: Decimal): Fen {
  return fen(amount.toDecimalPlaces(0, Decimal.ROUND_HALF_UP).toNumber());
}

/** Fen as yuan. */
export const fenToYuan = (amount: number): Decimal => new Decimal(amount).dividedBy(100);
