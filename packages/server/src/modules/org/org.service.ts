import type { Kysely, Selectable } from 'kysely';
import type { Database, PeopleTable } from '../../db/schema.ts';
import { notFound } from '../../errors.ts';
import { canSeePerson, canSeeUnit, type DataScope } from '../access/data-scope.ts';
import { type OrgDirectory, subtreeOf, unitOn } from '../access/org-directory.ts';
import { personVisible } from '../access/scope-sql.ts';

export interface TreeUnit {
  id: string;
  name: string;
  parentId: string | null;
  kind: string | null;
  /** People whose unit is this unit today (not counting subunits), among those visible. */
  headcount: number;
}

/** The units the scope may see, with today's headcounts. */
export function orgTree(dir: OrgDirectory, scope: DataScope, today: string): TreeUnit[] {
  const headcount = new Map<string, number>();
  for (const person of dir.people.values()) {
    if (person.leaveDate !== null && person.leaveDate < today) continue;
    if (!canSeePerson(scope, person.id)) continue;
    const unit = unitOn(dir, person.id, today);
    if (unit) headcount.set(unit, (headcount.get(unit) ?? 0) + 1);
  }
  return [...dir.units.values()]
    .filter((u) => canSeeUnit(scope, u.id))
    .map((u) => ({
      id: u.id,
      name: u.name,
      parentId: u.parentId,
      kind: u.kind,
      headcount: headcount.get(u.id) ?? 0,
    }))
    .sort((a, b) => a.id.localeCompare(b.id));
}

export interface PersonView {
  id: string;
  name: string;
  email: string | null;
  unitId: string;
  unitName: string | null;
  role: string;
  title: string | null;
  hireDate: string;
  leaveDate: string | null;
  managerId: string | null;
  managerName: string | null;
}

type PersonRow = Selectable<PeopleTable>;

function presentPerson(dir: OrgDirectory, row: PersonRow, today: string): PersonView {
  const unitId = unitOn(dir, row.id, today) ?? row.unit_id;
  return {
    id: row.id,
    name: row.name,
    email: row.email,
    unitId,
    unitName: dir.units.get(unitId)?.name ?? null,
    role: row.role,
    title: row.title,
    hireDate: row.hire_date,
    leaveDate: row.leave_date,
    managerId: row.manager_id,
    managerName: row.manager_id ? (dir.people.get(row.manager_id)?.name ?? null) : null,
  };
}

export interface PeopleQuery {
  unitId?: string;
  includeSubunits: boolean;
  q?: string;
  page: number;
  pageSize: number;
}

/** People visible to the scope; with `unitId`, those whose unit today is it (or below it). */
export async function listPeople(
  db: Kysely<Database>,
  dir: OrgDirectory,
  scope: DataScope,
  today: string,
  query: PeopleQuery,
): Promise<{ rows: PersonView[]; total: number }> {
  let ids: string[] | null = null;
  if (query.unitId) {
    const units = query.includeSubunits ? subtreeOf(dir, query.unitId) : new Set([query.unitId]);
    ids = [...dir.people.keys()].filter((id) => units.has(unitOn(dir, id, today) ?? ''));
  }
  const base = db
    .selectFrom('people')
    .where((eb) => personVisible(eb, scope, 'people.id'))
    .$if(ids !== null, (qb) => qb.where('people.id', 'in', ids && ids.length > 0 ? ids : ['\u0000']))
    .$if(!!query.q, (qb) =>
      qb.where((eb) =>
        eb.or([eb('people.id', 'like', `%${query.q}%`), eb('people.name', 'like', `%${query.q}%`)]),
      ),
    );
  const total = await base.select((eb) => eb.fn.countAll().as('n')).executeTakeFirstOrThrow();
  const rows = await base
    .selectAll()
    .orderBy('people.id')
    .limit(query.pageSize)
    .offset((query.page - 1) * query.pageSize)
    .execute();
  return { total: Number(total.n), rows: rows.map((r) => presentPerson(dir, r, today)) };
}

/** One person with their move history; not found when out of scope (no hint it exists). */
export async function getPerson(
  db: Kysely<Database>,
  dir: OrgDirectory,
  scope: DataScope,
  today: string,
  personId: string,
) {
  const row = await db.selectFrom('people').selectAll().where('id', '=', personId).executeTakeFirst();
  if (!row || !canSeePerson(scope, personId)) throw notFound(`person ${personId}`);
  const moves = (dir.moves.get(personId) ?? []).map((m) => ({
    unitId: m.unitId,
    unitName: dir.units.get(m.unitId)?.name ?? null,
    effectiveFrom: m.effectiveFrom,
  }));
  return {
    person: presentPerson(dir, row, today),
    homeUnit: { unitId: row.unit_id, unitName: dir.units.get(row.unit_id)?.name ?? null },
    moves,
  };
}
