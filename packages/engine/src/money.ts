/**
 * Exact money (contract §1): amounts are integer fen in a branded bigint-free number.
 * Fen values stay far below 2^53 (±90 trillion yuan), so a JS number holds them exactly
 * as long as only integers are stored; every conversion from text goes through
 * {@link parseMoney}, never through a binary float.
 */
export type Fen = number & { readonly __brand: 'Fen' };

export const fen = (value: number): Fen => {
  if (!Number.isSafeInteger(value)) throw new RangeError(`not an integer number of fen: ${value}`);
  return value as Fen;
};

const MONEY_PATTERN = /^([+-]?)(\d+)(?:\.(\d{1,2}))?$/;

/**
 * Parses a decimal money string with at most 2 fraction digits into fen.
 * Returns null when the text is not such a decimal.
 * @example parseMoney('1234.5') // 123450
 * @example parseMoney('-80.00') // -8000
 */
export function parseMoney(text: string): Fen | null {
  const match = MONEY_PATTERN.exec(text.trim().replace(/,/g, ''));
  if (!match) return null;
  const [, sign, whole, fraction = ''] = match;
  const value = Number(whole) * 100 + Number(fraction.padEnd(2, '0'));
  if (!Number.isSafeInteger(value)) return null;
  return fen(sign === '-' ? -value : value);
}

/**
 * Formats fen as the contract's money string: exactly 2 fraction digits, no grouping.
 * @example formatMoney(fen(123450)) // '1234.50'
 */
export function formatMoney(amount: Fen): string {
  const negative = amount < 0;
  const abs = Math.abs(amount);
  const text = `${Math.trunc(abs / 100)}.${String(abs % 100).padStart(2, '0')}`;
  return negative ? `-${text}` : text;
}
