/**
 * The organisation as goals see it: who is a child of a unit for a period, and where a person
 * sits. People are placed by their unit on the reference date of the period (today clamped to
 * the period), and only when employed during the period.
 */
import type { Period } from '@attain/engine';
import { type OrgDirectory, unitOn } from '../access/org-directory.ts';

/** Today when it falls inside the period, else the period's nearest end. */
export function referenceDate(period: Pick<Period, 'start' | 'end'>, today: string): string {
  if (today < period.start) return period.start;
  if (today > period.end) return period.end;
  return today;
}

export function kindOf(dir: OrgDirectory, id: string): 'unit' | 'person' | null {
  if (dir.units.has(id)) return 'unit';
  if (dir.people.has(id)) return 'person';
  return null;
}

export function nameOf(dir: OrgDirectory, id: string): string {
  return dir.units.get(id)?.name ?? dir.people.get(id)?.name ?? id;
}

function employedDuring(dir: OrgDirectory, personId: string, period: Pick<Period, 'start' | 'end'>): boolean {
  const person = dir.people.get(personId);
  if (!person) return false;
  return person.hireDate <= period.end && (person.leaveDate === null || person.leaveDate >= period.start);
}

/**
 * Every unit's people for a period: those employed during it, by their unit on the reference
 * date; managers first, then by id (the grid's row order). One pass over the people.
 */
export function peopleByUnit(
  dir: OrgDirectory,
  period: Pick<Period, 'start' | 'end'>,
  today: string,
): Map<string, string[]> {
  const date = referenceDate(period, today);
  const byUnit = new Map<string, string[]>();
  for (const person of dir.people.values()) {
    if (!employedDuring(dir, person.id, period)) continue;
    const unit = unitOn(dir, person.id, date);
    if (unit === null) continue;
    const list = byUnit.get(unit) ?? [];
    list.push(person.id);
    byUnit.set(unit, list);
  }
  const rank = (id: string) => (dir.people.get(id)?.role === 'manager' ? 0 : 1);
  for (const list of byUnit.values()) list.sort((a, b) => rank(a) - rank(b) || (a < b ? -1 : a > b ? 1 : 0));
  return byUnit;
}

/** The people placed directly in `unitId` for the period (see {@link peopleByUnit}). */
export function peopleDirectlyIn(
  dir: OrgDirectory,
  unitId: string,
  period: Pick<Period, 'start' | 'end'>,
  today: string,
): string[] {
  return peopleByUnit(dir, period, today).get(unitId) ?? [];
}

/** Direct sub-units, by id. */
export function subUnitsOf(dir: OrgDirectory, unitId: string): string[] {
  return [...(dir.children.get(unitId) ?? [])].sort();
}
