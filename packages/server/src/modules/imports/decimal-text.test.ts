import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import {
  addDecimals,
  compareDecimals,
  formatDecimal,
  numberToDecimalText,
  ONE,
  parseDecimal,
} from './decimal-text.ts';

describe('exact decimals', () => {
  it.each([
    ['0.50', '0.5'],
    ['007.250', '7.25'],
    ['-0.00', '0'],
    ['.5', '0.5'],
    ['1,234.5', '1234.5'],
    ['-12,345,678.90', '-12345678.9'],
    ['+3', '3'],
    ['-12.340', '-12.34'],
  ])('normalizes %s to %s', (input, expected) => {
    const decimal = parseDecimal(input);
    expect(decimal && formatDecimal(decimal)).toBe(expected);
  });

  it.each(['', '.', '1e3', '1.2.3', 'abc', '--1', '1 2', '1,5', '12,34.5', '1234,567'])(
    'refuses %j',
    (input) => {
      expect(parseDecimal(input)).toBeNull();
    },
  );

  it('sums 0.3 + 0.3 + 0.4 to exactly 1 (where floats give 0.9999999999999999)', () => {
    const sum = ['0.3', '0.3', '0.4'].map((s) => parseDecimal(s)!).reduce(addDecimals);
    expect(compareDecimals(sum, ONE)).toBe(0);
    const third = parseDecimal(String(1 / 3))!;
    expect(compareDecimals(addDecimals(addDecimals(third, third), third), ONE)).toBe(-1);
  });

  it('round-trips any integer and scale through text', () => {
    fc.assert(
      fc.property(
        fc.bigInt({ min: -(10n ** 20n), max: 10n ** 20n }),
        fc.integer({ min: 0, max: 8 }),
        (units, scale) => {
          const text = formatDecimal({ units, scale });
          const back = parseDecimal(text)!;
          expect(compareDecimals(back, { units, scale })).toBe(0);
          expect(formatDecimal(back)).toBe(text);
        },
      ),
    );
  });

  it('reads spreadsheet numbers as the decimal Excel shows, refusing exponents', () => {
    expect(numberToDecimalText(1234.57)).toBe('1234.57');
    expect(numberToDecimalText(0.1 + 0.2)).toBe('0.30000000000000004');
    expect(numberToDecimalText(1e21)).toBeNull();
    expect(numberToDecimalText(Number.NaN)).toBeNull();
  });
});
