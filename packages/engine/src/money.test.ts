import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fen, formatMoney, parseMoney } from './money.ts';

describe('money', () => {
  it.each([
    ['1234.5', 123450],
    ['-80.00', -8000],
    ['0', 0],
    ['1,000.01', 100001],
    [' 7 ', 700],
  ])('parses %s', (text, expected) => {
    expect(parseMoney(text)).toBe(expected);
  });

  it.each(['1.234', 'abc', '', '1e3', '--1', '1.'])('rejects %s', (text) => {
    expect(parseMoney(text)).toBeNull();
  });

  it('formats with exactly two fraction digits', () => {
    expect(formatMoney(fen(123450))).toBe('1234.50');
    expect(formatMoney(fen(-5))).toBe('-0.05');
    expect(formatMoney(fen(0))).toBe('0.00');
  });

  it('round-trips any fen amount through text', () => {
    fc.assert(
      fc.property(fc.integer({ min: -1e14, max: 1e14 }), (value) => {
        expect(parseMoney(formatMoney(fen(value)))).toBe(value);
      }),
    );
  });
});
