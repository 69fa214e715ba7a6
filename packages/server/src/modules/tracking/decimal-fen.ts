import { type Fen, fen, parseMoney } from '@attain/engine';

/**
 * An exact decimal text (a stored goal value) as fen, rounded half-up (away from zero) at the
 * fen when it carries more than 2 decimals — done on the digits, never through a binary float.
 * @example decimalTextToFen('1200000') // 120000000
 * @example decimalTextToFen('0.125') // 13
 */
export function decimalTextToFen(text: string): Fen {
  const exact = parseMoney(text);
  if (exact !== null) return exact;
  const match = /^([+-]?)(\d+)\.(\d+)$/.exec(text.trim());
  if (!match) throw new RangeError(`not a decimal: ${text}`);
  const [, sign, whole, fraction] = match as unknown as [string, string, string, string];
  let value = Number(whole) * 100 + Number(fraction.slice(0, 2).padEnd(2, '0'));
  if (Number(fraction[2] ?? '0') >= 5) value += 1;
  return fen(sign === '-' ? -value : value);
}
