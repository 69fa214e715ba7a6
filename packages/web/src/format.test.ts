import { describe, expect, it } from 'vitest';
import { formatDecimal, formatMoney, formatMoneyShort } from './format.ts';

describe('formatMoney', () => {
  it.each([
    ['1234.50', '¥1,234.50'],
    ['1234.5', '¥1,234.50'],
    ['-80.00', '-¥80.00'],
    ['0', '¥0.00'],
    ['-0.00', '¥0.00'],
    ['1234567.89', '¥1,234,567.89'],
    ['12', '¥12.00'],
    ['', ''],
    [null, ''],
  ])('%s → %s', (input, expected) => {
    expect(formatMoney(input)).toBe(expected);
  });

  it('keeps amounts a float would round (exact decimal text)', () => {
    expect(formatMoney('90071992547409.93')).toBe('¥90,071,992,547,409.93');
  });
});

describe('formatDecimal', () => {
  it.each([
    ['132309000', '132,309,000'],
    ['-1234.5', '-1,234.5'],
    ['0.125', '0.125'],
    [48, '48'],
    ['n/a', 'n/a'],
  ])('%s → %s', (input, expected) => {
    expect(formatDecimal(input)).toBe(expected);
  });
});

describe('formatMoneyShort', () => {
  it.each([
    ['1234.50', 'zh-CN', '¥1,234.50'],
    ['12345.00', 'zh-CN', '¥1.2万'],
    ['1234000', 'zh-CN', '¥123.4万'],
    ['-98765.4', 'zh-CN', '-¥9.9万'],
    ['250000000', 'zh-CN', '¥2.5亿'],
    ['12345.00', 'en', '¥12.3K'],
    ['1234000', 'en', '¥1.2M'],
  ])('%s in %s → %s', (input, language, expected) => {
    expect(formatMoneyShort(input, language)).toBe(expected);
  });
});
