/** Parts shared by scorecards, compensation plans and awards: applies_to, metric keys, filters. */
import { isMap, isScalar } from 'yaml';
import { FILTER_KEYS, type FilterKey, formatMetricKey, parseMetricKey } from '../metric-key.ts';
import { childPath, type PlanReader } from './plan-reader.ts';
import type { AppliesTo } from './plan-types.ts';

/** Contract §2: people.role and units.kind. */
export const ROLES = ['rep', 'manager', 'hr', 'finance', 'admin'] as const;
export const UNIT_KINDS = ['company', 'region', 'team', 'other'] as const;

/** `applies_to`: exactly one of role, people, unit (contract §6). */
export function readAppliesTo(r: PlanReader, node: unknown, path: string): AppliesTo | null {
  const entries = r.map(node, path, ['role', 'people', 'unit']);
  if (entries === null) return null;
  if (entries.size !== 1) {
    r.error(path, 'must name exactly one of role, people, unit');
    return null;
  }
  const [key, value] = [...entries][0]!;
  const at = childPath(path, key);
  if (key === 'people') {
    const people = r.strings(value, at);
    return people && { people };
  }
  if (key === 'role') {
    const role = r.oneOf(value, at, ROLES);
    return role && { role };
  }
  const text = r.string(value, at);
  return text === null ? null : { unit: text };
}

/**
 * A §5 metric key, with an optional `filter` mapping merged into its braces; returns the
 * canonical key (filters sorted), or null after reporting.
 * @example readMetric(r, 'revenue', 'x.metric', { product_line: 'A' }) // 'revenue{product_line=A}'
 */
export function readMetric(
  r: PlanReader,
  node: unknown,
  path: string,
  filterNode: unknown,
  filterPath: string,
): string | null {
  const text = r.string(node, path);
  if (text === null) return null;
  const parsed = parseMetricKey(text);
  if ('error' in parsed) {
    r.error(path, parsed.error);
    return null;
  }
  const filters = { ...parsed.key.filters };
  if (!r.absent(filterNode)) {
    const entries = r.map(filterNode, filterPath, FILTER_KEYS);
    if (entries === null) return null;
    for (const [field, value] of entries) {
      const at = childPath(filterPath, field);
      const v = r.string(value, at);
      if (v === null) return null;
      if (filters[field as FilterKey] !== undefined && filters[field as FilterKey] !== v) {
        r.error(at, `conflicts with the filter in ${text}`);
        return null;
      }
      filters[field as FilterKey] = v;
    }
  }
  return formatMetricKey({ ...parsed.key, filters });
}

/** Reports ids that appear twice in a list of mappings (contract §6: ids unique), read from the raw nodes. */
export function checkUniqueIds(r: PlanReader, nodes: readonly unknown[], path: string): void {
  const seen = new Set<string>();
  nodes.forEach((node, i) => {
    const id = isMap(node) ? node.get('id', true) : undefined;
    if (!isScalar(id) || id.value === null) return;
    const text = String(id.value);
    if (seen.has(text)) r.error(childPath(childPath(path, i), 'id'), `duplicate id: ${text}`);
    seen.add(text);
  });
}
