/**
 * Metric keys of contract §5: a metric name, optionally `_growth` / `_yoy`, optionally followed by
 * filters in braces with keys sorted — `revenue{customer_type=enterprise,product_line=A}`.
 */
import { BASE_METRICS, type BaseMetric } from './metric-names.ts';

export const FILTER_KEYS = ['customer_type', 'product_line', 'region'] as const;
export type FilterKey = (typeof FILTER_KEYS)[number];
export type MetricFilters = Partial<Record<FilterKey, string>>;

export type MetricVariant = 'value' | 'growth' | 'yoy';

export interface MetricKey {
  /** The base metric of §5's table. */
  readonly base: BaseMetric;
  readonly variant: MetricVariant;
  readonly filters: MetricFilters;
}

const KEY_PATTERN = /^([a-z_]+?)(?:_(growth|yoy))?(?:\{([^{}]*)\})?$/;

/**
 * Parses a metric key; returns the reason as `{ error }` when it is not one.
 * @example parseMetricKey('revenue_growth{product_line=A}')
 *   // { key: { base: 'revenue', variant: 'growth', filters: { product_line: 'A' } } }
 */
export function parseMetricKey(text: string): { key: MetricKey } | { error: string } {
  const match = KEY_PATTERN.exec(text.trim());
  if (!match) return { error: `not a metric key: ${text}` };
  const [, name = '', suffix, body] = match;
  if (!(BASE_METRICS as readonly string[]).includes(name)) return { error: `unknown metric: ${name}` };
  const filters: MetricFilters = {};
  if (body !== undefined) {
    if (body.trim() === '') return { error: `empty filter braces in ${text}` };
    for (const pair of body.split(',')) {
      const eq = pair.indexOf('=');
      const field = pair.slice(0, eq).trim();
      const value = pair.slice(eq + 1).trim();
      if (eq < 0 || value === '') return { error: `filter needs field=value: ${pair}` };
      if (!(FILTER_KEYS as readonly string[]).includes(field)) return { error: `unknown filter: ${field}` };
      if (filters[field as FilterKey] !== undefined) return { error: `filter named twice: ${field}` };
      filters[field as FilterKey] = value;
    }
  }
  return {
    key: { base: name as BaseMetric, variant: (suffix as MetricVariant | undefined) ?? 'value', filters },
  };
}

/**
 * The canonical text of a metric key: filter keys sorted (contract §5).
 * @example formatMetricKey({ base: 'revenue', variant: 'value', filters: { product_line: 'A', customer_type: 'enterprise' } })
 *   // 'revenue{customer_type=enterprise,product_line=A}'
 */
export function formatMetricKey(key: MetricKey): string {
  const name = key.variant === 'value' ? key.base : `${key.base}_${key.variant}`;
  const pairs = FILTER_KEYS.filter((field) => key.filters[field] !== undefined).map(
    (field) => `${field}=${key.filters[field]}`,
  );
  return pairs.length === 0 ? name : `${name}{${pairs.join(',')}}`;
}

/** True when the key has at least one filter. */
export function hasFilters(filters: MetricFilters): boolean {
  return FILTER_KEYS.some((field) => filters[field] !== undefined);
}

/**
 * Splits a `--metrics` list at the commas outside braces (contract §5); drops empty items.
 * @example splitMetricList('revenue,revenue{customer_type=smb,region=east},orders')
 *   // ['revenue', 'revenue{customer_type=smb,region=east}', 'orders']
 */
export function splitMetricList(text: string): string[] {
  const items: string[] = [];
  let depth = 0;
  let current = '';
  for (const char of text) {
    if (char === '{') depth++;
    if (char === '}') depth = Math.max(0, depth - 1);
    if (char === ',' && depth === 0) {
      items.push(current);
      current = '';
    } else {
      current += char;
    }
  }
  items.push(current);
  return items.map((item) => item.trim()).filter((item) => item !== '');
}
