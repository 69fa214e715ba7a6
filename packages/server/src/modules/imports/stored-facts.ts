/**
 * What pass 1 needs from the database, loaded up front with one query per table (never per
 * row): the ids that references may point to, and for units and people the stored hierarchy,
 * so roots and cycles are judged over stored rows and the file together (contract §2).
 */
import { type Kysely, PostgresAdapter, sql } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { ENTITIES, type EntityName, type EntitySpec } from '../entities/entities.ts';

export interface StoredFacts {
  /** Stored ids of every entity the imported entity refers to (itself included). */
  readonly ids: ReadonlyMap<EntityName, ReadonlySet<string>>;
  /** For units: id → parent_id; for people: id → manager_id. Empty otherwise. */
  readonly hierarchy: ReadonlyMap<string, string | null>;
}

/** The entities whose ids a file of `spec` may refer to. Goals' scope is a unit or a person. */
export function referencedEntities(spec: EntitySpec): EntityName[] {
  const names = new Set<EntityName>();
  for (const column of spec.columns) if (column.references) names.add(column.references);
  if (spec.name === 'goals') {
    names.add('units');
    names.add('people');
  }
  return [...names];
}

/** The self-reference that forms a tree: units.parent_id, people.manager_id. */
export const HIERARCHY_COLUMN: Partial<Record<EntityName, string>> = {
  units: 'parent_id',
  people: 'manager_id',
};

/** Ids read per query when loading a table's ids. */
export const ID_PAGE = 100_000;

/**
 * One page of a table's ids after `after`, in id order, as one JSON array: a JSON text per page
 * instead of a row object per id reads 20,000 order ids in ~7 ms instead of ~20 (docs/performance.md,
 * import). Pages keep each text far below V8's string limit at any table size.
 */
async function idPage(
  db: Kysely<Database>,
  table: string,
  after: string | null,
  pageSize: number,
): Promise<{ ids: string[]; last: string | null }> {
  const postgres = db.getExecutor().adapter instanceof PostgresAdapter;
  const from = sql`(select id from ${sql.table(table)} ${after === null ? sql`` : sql`where id > ${after}`} order by id limit ${pageSize}) as page`;
  const list = postgres ? sql`json_agg(id order by id)` : sql`json_group_array(id)`;
  const { rows } = await sql<{
    ids: unknown;
    last: string | null;
  }>`select ${list} as ids, max(id) as last from ${from}`.execute(db);
  const value = rows[0]?.ids ?? null;
  const ids = (typeof value === 'string' ? JSON.parse(value) : (value ?? [])) as string[];
  return { ids, last: rows[0]?.last ?? null };
}

/** Every stored id of an entity (exported with its page size for tests). */
export async function loadIds(
  db: Kysely<Database>,
  entity: EntityName,
  pageSize = ID_PAGE,
): Promise<Set<string>> {
  const ids = new Set<string>();
  let after: string | null = null;
  for (;;) {
    const page = await idPage(db, ENTITIES[entity].table, after, pageSize);
    for (const id of page.ids) ids.add(id);
    if (page.ids.length < pageSize || page.last === null) return ids;
    after = page.last;
  }
}

async function loadHierarchy(db: Kysely<Database>, entity: EntityName): Promise<Map<string, string | null>> {
  const column = HIERARCHY_COLUMN[entity];
  if (!column) return new Map();
  const rows = await (db as unknown as Kysely<Record<string, Record<string, string | null>>>)
    .selectFrom(ENTITIES[entity].table)
    .select(['id', column])
    .execute();
  return new Map(rows.map((r) => [String(r.id), r[column] ?? null]));
}

export async function loadStoredFacts(db: Kysely<Database>, spec: EntitySpec): Promise<StoredFacts> {
  const hierarchy = await loadHierarchy(db, spec.name);
  const ids = new Map<EntityName, ReadonlySet<string>>();
  for (const entity of referencedEntities(spec)) {
    ids.set(
      entity,
      entity === spec.name && hierarchy.size > 0 ? new Set(hierarchy.keys()) : await loadIds(db, entity),
    );
  }
  return { ids, hierarchy };
}
