/**
 * The approval rule of a close run (issue 4: draft → manager_approved → finance_approved), pure.
 *
 * Manager stage: each person of the close needs the approval of the nearest managed unit above
 * them — walking up from their unit in the close, the first unit that has a manager today (a
 * manager's own line goes to the next managed unit up). A manager's approval covers every such
 * unit inside the subtree he manages today, so a regional manager may approve for his teams.
 * The run is manager_approved when every required unit is covered. hr and admin may approve the
 * manager stage for everyone at once (also the only way when nobody has a manager).
 * Finance stage: finance or admin, once the manager stage is complete.
 */
import type { ClosePersonJson } from '@attain/engine';
import { type OrgDirectory, subtreeOf, unitOn } from '../access/org-directory.ts';

/** Units with at least one manager employed today, mapped to those managers' ids. */
export function managersByUnit(dir: OrgDirectory, today: string): Map<string, string[]> {
  const byUnit = new Map<string, string[]>();
  for (const person of dir.people.values()) {
    if (person.role !== 'manager' || person.hireDate > today) continue;
    if (person.leaveDate !== null && person.leaveDate < today) continue;
    const unit = unitOn(dir, person.id, today);
    if (!unit) continue;
    byUnit.set(unit, [...(byUnit.get(unit) ?? []), person.id]);
  }
  return byUnit;
}

/** The units whose manager approval the run needs (sorted). */
export function requiredApprovalUnits(
  dir: OrgDirectory,
  people: readonly Pick<ClosePersonJson, 'id' | 'unit_id'>[],
  today: string,
): string[] {
  const managers = managersByUnit(dir, today);
  const required = new Set<string>();
  for (const line of people) {
    let unit = line.unit_id;
    while (unit) {
      const here = (managers.get(unit) ?? []).filter((id) => id !== line.id);
      if (here.length > 0) {
        required.add(unit);
        break;
      }
      unit = dir.units.get(unit)?.parentId ?? null;
    }
  }
  return [...required].sort();
}

/** Required units that the approvals recorded so far (by managers' units) do not cover. */
export function pendingApprovalUnits(
  dir: OrgDirectory,
  required: readonly string[],
  approvedUnits: readonly string[],
): string[] {
  const covered = new Set<string>();
  for (const unit of approvedUnits) for (const id of subtreeOf(dir, unit)) covered.add(id);
  return required.filter((unit) => !covered.has(unit));
}
