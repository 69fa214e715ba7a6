/**
 * What changed between two plan versions (issue 4: "a diff between two versions is shown"), by
 * path in the file's shape. Lists of things with an id (scorecards, compensation plans,
 * components, awards) are matched by id — `compensation[rep-pay].components[commission].tiers[1].rate`
 * — so that inserting one does not show every later one as changed; a change of their order is
 * reported too, since the first matching scorecard or plan applies (contract §7).
 */
import { DecimalLiteral, type FileValue, planToFile } from './format-plan.ts';
import type { Plan } from './plan-types.ts';

export interface PlanChange {
  readonly path: string;
  readonly kind: 'added' | 'removed' | 'changed';
  /** Before / after as JSON-ready values (decimals as text). */
  readonly before?: unknown;
  readonly after?: unknown;
  /** One readable line: `commission tiers[1].rate: 0.015 → 0.016`. */
  readonly line: string;
}

const show = (value: unknown) => JSON.stringify(value)?.replace(/^"(.*)"$/, '$1') ?? 'nothing';
const plain = (value: FileValue | undefined): unknown =>
  value === undefined ? undefined : JSON.parse(JSON.stringify(value));

function isRecord(value: FileValue | undefined): value is { [key: string]: FileValue } {
  return (
    typeof value === 'object' && value !== null && !Array.isArray(value) && !(value instanceof DecimalLiteral)
  );
}

/** An id-keyed list: every element a mapping with a string id, all distinct. */
function idsOf(list: FileValue[]): string[] | null {
  const ids = list.map((item) => (isRecord(item) && typeof item.id === 'string' ? item.id : null));
  return ids.every((id): id is string => id !== null) && new Set(ids).size === ids.length ? ids : null;
}

function join(path: string, key: string): string {
  return key.startsWith('[') || path === '' ? `${path}${key}` : `${path}.${key}`;
}

function walk(path: string, a: FileValue | undefined, b: FileValue | undefined, out: PlanChange[]): void {
  if (JSON.stringify(a) === JSON.stringify(b)) return;
  if (a === undefined) {
    out.push({ path, kind: 'added', after: plain(b), line: `${path}: added ${show(plain(b))}` });
    return;
  }
  if (b === undefined) {
    out.push({ path, kind: 'removed', before: plain(a), line: `${path}: removed (was ${show(plain(a))})` });
    return;
  }
  if (Array.isArray(a) && Array.isArray(b)) {
    const [ia, ib] = [idsOf(a), idsOf(b)];
    if (ia && ib && (ia.length > 0 || ib.length > 0)) {
      const common = ia.filter((id) => ib.includes(id));
      const order = ib.filter((id) => ia.includes(id));
      if (common.join('\u0000') !== order.join('\u0000')) {
        out.push({
          path,
          kind: 'changed',
          before: ia,
          after: ib,
          line: `${path}: order ${ia.join(', ')} → ${ib.join(', ')}`,
        });
      }
      for (const id of ia)
        walk(join(path, `[${id}]`), a[ia.indexOf(id)], ib.includes(id) ? b[ib.indexOf(id)] : undefined, out);
      for (const id of ib)
        if (!ia.includes(id)) walk(join(path, `[${id}]`), undefined, b[ib.indexOf(id)], out);
      return;
    }
    for (let i = 0; i < Math.max(a.length, b.length); i++) walk(join(path, `[${i}]`), a[i], b[i], out);
    return;
  }
  if (isRecord(a) && isRecord(b)) {
    for (const key of Object.keys(a)) walk(join(path, key), a[key], b[key], out);
    for (const key of Object.keys(b)) if (!(key in a)) walk(join(path, key), undefined, b[key], out);
    return;
  }
  out.push({
    path,
    kind: 'changed',
    before: plain(a),
    after: plain(b),
    line: `${path}: ${show(plain(a))} → ${show(plain(b))}`,
  });
}

/**
 * The changes from plan `a` to plan `b`, in file order; [] when they are the same.
 * @example planDiff(v1, v2).map((c) => c.line)
 *   // ['compensation[rep-pay-2026].components[commission].tiers[1].rate: 0.015 → 0.016']
 */
export function planDiff(a: Plan, b: Plan): PlanChange[] {
  const out: PlanChange[] = [];
  walk('', planToFile(a), planToFile(b), out);
  return out;
}
