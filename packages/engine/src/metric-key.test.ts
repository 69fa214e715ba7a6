import { describe, expect, it } from 'vitest';
import { formatMetricKey, parseMetricKey, splitMetricList } from './metric-key.ts';

describe('metric keys (contract §5)', () => {
  it.each([
    ['revenue', { base: 'revenue', variant: 'value', filters: {} }],
    ['avg_order_value', { base: 'avg_order_value', variant: 'value', filters: {} }],
    ['revenue_growth', { base: 'revenue', variant: 'growth', filters: {} }],
    ['win_rate_yoy', { base: 'win_rate', variant: 'yoy', filters: {} }],
    ['revenue{product_line=A}', { base: 'revenue', variant: 'value', filters: { product_line: 'A' } }],
    [
      'revenue_growth{region=华东, customer_type=enterprise}',
      { base: 'revenue', variant: 'growth', filters: { region: '华东', customer_type: 'enterprise' } },
    ],
  ])('parses %s', (text, key) => {
    expect(parseMetricKey(text)).toEqual({ key });
  });

  it.each([
    ['revenue{product_line=A,customer_type=enterprise}', 'revenue{customer_type=enterprise,product_line=A}'],
    ['revenue_yoy{region=north}', 'revenue_yoy{region=north}'],
    ['orders', 'orders'],
  ])('formats %s as %s (filter keys sorted)', (text, canonical) => {
    const parsed = parseMetricKey(text);
    expect('key' in parsed && formatMetricKey(parsed.key)).toBe(canonical);
  });

  it.each([
    ['profit', 'unknown metric: profit'],
    ['revenue{}', 'empty filter braces in revenue{}'],
    ['revenue{color=red}', 'unknown filter: color'],
    ['revenue{product_line}', 'filter needs field=value: product_line'],
    ['revenue{product_line=A,product_line=B}', 'filter named twice: product_line'],
    ['revenue{product_line=A', 'not a metric key: revenue{product_line=A'],
  ])('rejects %s', (text, error) => {
    expect(parseMetricKey(text)).toEqual({ error });
  });

  it.each([
    ['revenue,orders', ['revenue', 'orders']],
    ['revenue{customer_type=smb,region=east}, orders', ['revenue{customer_type=smb,region=east}', 'orders']],
    ['revenue_growth{product_line=A},,nps', ['revenue_growth{product_line=A}', 'nps']],
    ['', []],
  ])('splits the --metrics list %s', (text, items) => {
    expect(splitMetricList(text)).toEqual(items);
  });
});
