/**
 * Where a server validation error belongs in the designer's form. The server names paths in the
 * plan file (`scorecards[0].groups[1].items[2].weight`, docs/plans.md); the form mirrors the file
 * except for maps it edits as lists (grades, coefficients), ladder bands as pairs, the clawback
 * choice and the applies_to choice.
 */
import type { FormPlan } from './planForm.ts';

export type FieldName = (string | number)[];

/** `a.b[0].c` → `['a', 'b', 0, 'c']`. */
export function splitPath(path: string): FieldName {
  const parts: FieldName = [];
  for (const match of path.matchAll(/([^.[\]]+)|\[(\d+)\]/g)) {
    if (match[2] !== undefined) parts.push(Number(match[2]));
    else if (match[1] !== undefined) parts.push(match[1]);
  }
  return parts;
}

const at = (values: unknown, name: FieldName): unknown =>
  name.reduce<unknown>(
    (v, key) => (v && typeof v === 'object' ? (v as Record<string, unknown>)[key] : undefined),
    values,
  );

/**
 * The form field a path names, or null when it names none (a syntax error, a whole list): those
 * are shown only in the summary.
 * @example fieldOfPath('scorecards[0].grades.A', values) // ['scorecards', 0, 'grades', 1, 'min'] when A is the second grade
 */
export function fieldOfPath(path: string, values: FormPlan): FieldName | null {
  const parts = splitPath(path);
  if (parts.length === 0) return null;
  const name: FieldName = [];
  for (let i = 0; i < parts.length; i++) {
    const part = parts[i] as string | number;
    const parent = name[name.length - 1];
    if ((parent === 'grades' || parent === 'coefficients') && typeof part === 'string') {
      const list = at(values, name);
      const key = parent === 'grades' ? 'name' : 'grade';
      const index = Array.isArray(list) ? list.findIndex((e) => e?.[key] === part) : -1;
      if (index < 0) return null;
      return [...name, index, parent === 'grades' ? 'min' : 'coefficient'];
    }
    if (parent === 'clawback' && part === 'rate') return [...name.slice(0, -1), 'clawback_rate'];
    if (parent === 'applies_to' && typeof part === 'string')
      return [...name, part === 'people' ? 'people' : part];
    if (parent === 'filter') return [...name];
    if (typeof parent === 'number' && name[name.length - 2] === 'bands' && typeof part === 'number')
      return [...name, part === 0 ? 'threshold' : 'score'];
    name.push(part);
  }
  const last = name[name.length - 1];
  if (last === 'applies_to') return [...name, 'kind'];
  if (last === 'within') return [...name, 'unit_kind'];
  // A whole list or mapping (`must not be empty`): no single field shows it.
  const value = at(values, name);
  if (typeof value === 'object' && value !== null) return null;
  return name;
}
