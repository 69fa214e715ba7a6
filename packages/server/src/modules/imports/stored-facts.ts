/**
 * What pass 1 needs from the database, loaded up front with one query per table (never per
 * row): the ids that references may point to, and for units and people the stored hierarchy,
 * so roots and cycles are judged over stored rows and the file together (contract §2).
 */
import { type Kysely, PostgresAdapter, sql } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { ENTITIES, type EntityName, type EntitySpec } from '../entities/entities.ts';

export interface StoredFacts {
  /**
   * Stored ids of every entity the imported entity refers to (itself included). For an entity
   * in {@link partial}, only the ids looked up so far (see {@link resolveIds}); the set grows.
   */
  readonly ids: ReadonlyMap<EntityName, Set<string>>;
  /**
   * Entities with more stored ids than are loaded up front ({@link COMPLETE_IDS_UP_TO}): the
   * file's references to them are looked up a chunk of rows at a time instead.
   */
  readonly partial: ReadonlySet<EntityName>;
  /** For units: id → parent_id; for people: id → manager_id. Empty otherwise. */
  readonly hierarchy: ReadonlyMap<string, string | null>;
}

/**
 * Up to this many ids of a referenced table are loaded before the file is read (~50 ms, a few MB);
 * a larger table — the orders a payments file refers to, in a database of millions — is asked
 * only about the ids the file names, so a daily file of 1,000 payments does not load 10M order ids.
 */
export const COMPLETE_IDS_UP_TO = 200_000;

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
const ID_PAGE = 100_000;

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

/**
 * Every stored id of an entity, or null when there are more than `upTo` (exported with its page
 * size for tests).
 */
export async function loadIds(
  db: Kysely<Database>,
  entity: EntityName,
  pageSize = ID_PAGE,
  upTo = Number.POSITIVE_INFINITY,
): Promise<Set<string> | null> {
  const ids = new Set<string>();
  let after: string | null = null;
  for (;;) {
    const size = Math.min(pageSize, upTo - ids.size + 1);
    const page = await idPage(db, ENTITIES[entity].table, after, size);
    for (const id of page.ids) ids.add(id);
    if (ids.size > upTo) return null;
    if (page.ids.length < size || page.last === null) return ids;
    after = page.last;
  }
}

/** Ids asked about per query (far below SQLite's and PostgreSQL's parameter limits). */
const RESOLVE_CHUNK = 1000;

/** Which of `ids` are stored ids of `entity`. */
export async function resolveIds(
  db: Kysely<Database>,
  entity: EntityName,
  ids: readonly string[],
): Promise<string[]> {
  const found: string[] = [];
  const table = db as unknown as Kysely<Record<string, { id: string }>>;
  for (let i = 0; i < ids.length; i += RESOLVE_CHUNK) {
    const rows = await table
      .selectFrom(ENTITIES[entity].table)
      .select('id')
      .where('id', 'in', ids.slice(i, i + RESOLVE_CHUNK))
      .execute();
    for (const row of rows) found.push(row.id);
  }
  return found;
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

export async function loadStoredFacts(
  db: Kysely<Database>,
  spec: EntitySpec,
  completeUpTo = COMPLETE_IDS_UP_TO,
): Promise<StoredFacts> {
  const hierarchy = await loadHierarchy(db, spec.name);
  const ids = new Map<EntityName, Set<string>>();
  const partial = new Set<EntityName>();
  for (const entity of referencedEntities(spec)) {
    if (entity === spec.name && hierarchy.size > 0) {
      ids.set(entity, new Set(hierarchy.keys()));
      continue;
    }
    // A goal's scope may be a unit or a person (validate-file.ts checks it against both sets):
    // goals files are small and so are those tables, so they are always loaded in full.
    const loaded = await loadIds(
      db,
      entity,
      ID_PAGE,
      spec.name === 'goals' ? Number.POSITIVE_INFINITY : completeUpTo,
    );
    if (loaded) ids.set(entity, loaded);
    else {
      ids.set(entity, new Set());
      partial.add(entity);
    }
  }
  return { ids, partial, hierarchy };
}
