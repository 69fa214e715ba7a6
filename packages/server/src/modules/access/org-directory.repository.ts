import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { buildOrgDirectory, type OrgDirectory } from './org-directory.ts';

type Executor = Kysely<Database> | Transaction<Database>;

/** Loads units, people and moves (three small queries) into an {@link OrgDirectory}. */
export async function loadOrgDirectory(db: Executor): Promise<OrgDirectory> {
  const [units, people, moves] = await Promise.all([
    db.selectFrom('units').select(['id', 'name', 'parent_id', 'kind']).execute(),
    db.selectFrom('people').select(['id', 'name', 'unit_id', 'role', 'hire_date', 'leave_date']).execute(),
    db.selectFrom('unit_moves').select(['person_id', 'unit_id', 'effective_from']).execute(),
  ]);
  return buildOrgDirectory(
    units.map((u) => ({ id: u.id, name: u.name, parentId: u.parent_id, kind: u.kind })),
    people.map((p) => ({
      id: p.id,
      name: p.name,
      unitId: p.unit_id,
      role: p.role,
      hireDate: p.hire_date,
      leaveDate: p.leave_date,
    })),
    moves.map((m) => ({ personId: m.person_id, unitId: m.unit_id, effectiveFrom: m.effective_from })),
  );
}
