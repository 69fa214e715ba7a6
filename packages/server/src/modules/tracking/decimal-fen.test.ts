import { describe, expect, it } from 'vitest';
import { decimalTextToFen } from './decimal-fen.ts';

describe('decimalTextToFen', () => {
  it.each([
    ['1200000', 120000000],
    ['12.5', 1250],
    ['0.125', 13],
    ['0.124', 12],
    ['-0.125', -13],
    ['1.005', 101],
  ])('%s → %i fen', (text, expected) => expect(decimalTextToFen(text)).toBe(expected));
  it('rejects non-decimals', () => expect(() => decimalTextToFen('1e5')).toThrow(RangeError));
});
