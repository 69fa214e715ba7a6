/**
 * Exact decimals for shares and goal values (contract §1: never a binary float). A decimal is
 * held as an integer of units and a scale (value = units / 10^scale), with bigint arithmetic,
 * so that `0.3 + 0.3 + 0.4` is exactly 1.
 */
export interface ExactDecimal {
  readonly units: bigint;
  readonly scale: number;
}

const DECIMAL_PATTERN = /^([+-]?)(\d*)(?:\.(\d*))?$/;
/** Commas only as thousands separators (`1,234,567.5`), never as a decimal comma (`1,5`). */
const GROUPED_PATTERN = /^[+-]?\d{1,3}(?:,\d{3})+(?:\.\d*)?$/;

/**
 * Parses decimal text (`12`, `-0.50`, `.5`, `1,234.5`); null for anything else (exponents too).
 * @example parseDecimal('0.50') // { units: 50n, scale: 2 }
 */
export function parseDecimal(text: string): ExactDecimal | null {
  const trimmed = text.trim();
  if (trimmed.includes(',') && !GROUPED_PATTERN.test(trimmed)) return null;
  const match = DECIMAL_PATTERN.exec(trimmed.replace(/,/g, ''));
  if (!match) return null;
  const [, sign = '', whole = '', fraction = ''] = match;
  if (whole === '' && fraction === '') return null;
  const digits = BigInt(`${whole}${fraction}` || '0');
  return { units: sign === '-' ? -digits : digits, scale: fraction.length };
}

/** Number of fraction digits that matter (`1.50` has 1). */
export function significantScale(value: ExactDecimal): number {
  return normalize(value).scale;
}

function normalize(value: ExactDecimal): ExactDecimal {
  let { units, scale } = value;
  while (scale > 0 && units % 10n === 0n) {
    units /= 10n;
    scale -= 1;
  }
  return { units, scale };
}

/**
 * Canonical text: no leading zeros, no trailing fraction zeros, no `-0`.
 * @example formatDecimal(parseDecimal('007.250')!) // '7.25'
 */
export function formatDecimal(value: ExactDecimal): string {
  const { units, scale } = normalize(value);
  const negative = units < 0n;
  const digits = (negative ? -units : units).toString().padStart(scale + 1, '0');
  const whole = digits.slice(0, digits.length - scale);
  const text = scale > 0 ? `${whole}.${digits.slice(digits.length - scale)}` : whole;
  return negative ? `-${text}` : text;
}

function rescale(value: ExactDecimal, scale: number): bigint {
  return value.units * 10n ** BigInt(scale - value.scale);
}

export function addDecimals(a: ExactDecimal, b: ExactDecimal): ExactDecimal {
  const scale = Math.max(a.scale, b.scale);
  return { units: rescale(a, scale) + rescale(b, scale), scale };
}

/** -1, 0 or 1 as a is below, equal to or above b. */
export function compareDecimals(a: ExactDecimal, b: ExactDecimal): number {
  const scale = Math.max(a.scale, b.scale);
  const difference = rescale(a, scale) - rescale(b, scale);
  return difference === 0n ? 0 : difference < 0n ? -1 : 1;
}

export const ZERO: ExactDecimal = { units: 0n, scale: 0 };
export const ONE: ExactDecimal = { units: 1n, scale: 0 };

/**
 * The decimal a spreadsheet number cell shows. JavaScript prints the shortest text that
 * reads back as the same double, which is what Excel displays for the value typed (1234.57,
 * not 1234.5699999999999); exponent forms are refused rather than guessed.
 */
export function numberToDecimalText(value: number): string | null {
  if (!Number.isFinite(value)) return null;
  const text = String(value);
  return /e/i.test(text) ? null : text;
}
