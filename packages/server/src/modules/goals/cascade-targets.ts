/** What a cascade splits into: the direct children of a unit, or the months/quarters of a period. */
import type { Period } from '@attain/engine';
import { AppError } from '../../errors.ts';
import type { OrgDirectory } from '../access/org-directory.ts';
import { kindOf, nameOf, peopleDirectlyIn, subUnitsOf } from './goal-org.ts';

export type CascadeSplit = 'children' | 'months' | 'quarters';

export interface CascadeTarget {
  /** The key of the target in `weights` / `values`: a child id, or a period key. */
  readonly key: string;
  readonly scope: string;
  readonly period: string;
  readonly kind: 'unit' | 'person';
  readonly name: string;
}

const pad = (n: number) => String(n).padStart(2, '0');

/**
 * The calendar months a period covers (fiscal year = calendar year for now).
 * @example monthKeysOf({ start: '2026-04-01', end: '2026-06-30' }) // ['2026-04', '2026-05', '2026-06']
 */
export function monthKeysOf(period: Pick<Period, 'start' | 'end'>): string[] {
  const keys: string[] = [];
  let [year, month] = period.start.split('-').map(Number) as [number, number];
  const last = period.end.slice(0, 7);
  for (;;) {
    const key = `${year}-${pad(month)}`;
    keys.push(key);
    if (key >= last) return keys;
    month += 1;
    if (month > 12) [year, month] = [year + 1, 1];
  }
}

export function quarterKeysOf(year: string): string[] {
  return [1, 2, 3, 4].map((q) => `${year}-Q${q}`);
}

export interface TargetRequest {
  readonly split: CascadeSplit;
  readonly period: Period;
  readonly scope: string;
  readonly children?: readonly string[];
}

/**
 * The targets of a cascade. Children default to the sub-units and the reps placed directly in
 * the unit; an explicit `children` list may name any sub-unit or person placed directly in it.
 */
export function cascadeTargets(dir: OrgDirectory, today: string, request: TargetRequest): CascadeTarget[] {
  const { period, scope } = request;
  const scopeKind = kindOf(dir, scope) as 'unit' | 'person';
  if (request.split === 'children') {
    if (scopeKind !== 'unit')
      throw new AppError('validation_failed', `${scope} is a person: split to months instead`, 'scope');
    const units = subUnitsOf(dir, scope);
    const people = peopleDirectlyIn(dir, scope, period, today);
    const allowed = new Set([...units, ...people]);
    const ids = request.children ?? [...units, ...people.filter((id) => dir.people.get(id)?.role === 'rep')];
    if (ids.length === 0)
      throw new AppError('validation_failed', `${scope} has no children to split among`, 'children');
    const unknown = ids.find((id) => !allowed.has(id));
    if (unknown)
      throw new AppError('validation_failed', `${unknown} is not a direct child of ${scope}`, 'children');
    return [...new Set(ids)].map((id) => ({
      key: id,
      scope: id,
      period: period.key,
      kind: kindOf(dir, id) as 'unit' | 'person',
      name: nameOf(dir, id),
    }));
  }
  const keys =
    request.split === 'quarters'
      ? period.kind === 'year'
        ? quarterKeysOf(period.key)
        : null
      : period.kind === 'year' || period.kind === 'half' || period.kind === 'quarter'
        ? monthKeysOf(period)
        : null;
  if (!keys)
    throw new AppError('validation_failed', `cannot split ${period.key} into ${request.split}`, 'period');
  return keys.map((key) => ({ key, scope, period: key, kind: scopeKind, name: key }));
}
