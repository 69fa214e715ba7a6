/**
 * What pass 1 needs from the database, loaded up front with one query per table (never per
 * row): the ids that references may point to, and for units and people the stored hierarchy,
 * so roots and cycles are judged over stored rows and the file together (contract §2).
 */
import { type Kysely, PostgresAdapter, sql } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { ENTITIES, type EntityName, type EntitySpec } from '../entities/entities.ts';
import { type IdLookup, type IdPages, idSetOf, StoredIds } from './id-pages.ts';

export interface StoredFacts {
  /**
   * Stored ids of every entity the imported entity refers to (itself included). For an entity
   * in {@link partial}, only the ids looked up so far (see {@link resolveIds}); the set grows.
   */
  readonly ids: ReadonlyMap<EntityName, IdLookup>;
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

/** A table of up to this many ids is loaded whole for any file (~3 ms). */
const SMALL_TABLE = 10_000;
/** The fewest bytes a CSV row that names an id takes (`O000000043,R003658,0.6` takes 23). */
const MIN_ROW_BYTES = 16;

/**
 * How many ids of a referenced table are worth loading whole for a file of `bytes`: a row names
 * at most one id per column, so a table with several times more ids than the file can have rows
 * is asked only about the ids the file names. Loading 50,000 order ids and the set over them was
 * a third of a 5,000-row order_credits import, which names 2,400 of them (docs/performance.md,
 * import). An XLSX file is compressed and may have more rows than this reckons; it is then asked
 * about its ids too, which gives the same result.
 */
export function completeIdsFor(bytes: number | undefined, upTo = COMPLETE_IDS_UP_TO): number {
  if (bytes === undefined) return upTo;
  return Math.min(upTo, Math.max(SMALL_TABLE, 4 * Math.ceil(bytes / MIN_ROW_BYTES)));
}

/** Whether a table has more than `count` rows, without reading them (one index walk). */
async function hasMoreThan(db: Kysely<Database>, table: string, count: number): Promise<boolean> {
  const { rows } = await sql<{
    id: string;
  }>`select id from ${sql.table(table)} order by id limit 1 offset ${count}`.execute(db);
  return rows.length > 0;
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
const ID_PAGE = 100_000;

/**
 * One page of a table's ids after `after`, in id order, as one JSON array text: a JSON text per
 * page instead of a row object per id reads 20,000 order ids in ~7 ms instead of ~20
 * (docs/performance.md, import), and it is parsed only where the ids are checked (id-pages.ts).
 * Pages keep each text far below V8's string limit at any table size.
 */
async function idPage(
  db: Kysely<Database>,
  table: string,
  after: string | null,
  pageSize: number,
): Promise<{ text: string; count: number; last: string | null }> {
  const postgres = db.getExecutor().adapter instanceof PostgresAdapter;
  const from = sql`(select id from ${sql.table(table)} ${after === null ? sql`` : sql`where id > ${after}`} order by id limit ${pageSize}) as page`;
  // PostgreSQL's json would be parsed by the driver: as text it stays one string.
  const list = postgres ? sql`coalesce(json_agg(id order by id)::text, '[]')` : sql`json_group_array(id)`;
  const { rows } = await sql<{
    ids: string;
    count: number | string;
    last: string | null;
  }>`select ${list} as ids, count(*) as count, max(id) as last from ${from}`.execute(db);
  const row = rows[0];
  return { text: row?.ids ?? '[]', count: Number(row?.count ?? 0), last: row?.last ?? null };
}

/**
 * Every stored id of an entity as JSON pages, or null when there are more than `upTo`.
 */
async function loadIdPages(
  db: Kysely<Database>,
  entity: EntityName,
  pageSize: number,
  upTo: number,
): Promise<string[] | null> {
  const pages: string[] = [];
  let count = 0;
  let after: string | null = null;
  // Reading upTo + 1 ids only to find there are too many costs more than counting past them.
  if (Number.isFinite(upTo) && (await hasMoreThan(db, ENTITIES[entity].table, upTo))) return null;
  for (;;) {
    const size = Math.min(pageSize, upTo - count + 1);
    const page = await idPage(db, ENTITIES[entity].table, after, size);
    if (page.count > 0) pages.push(page.text);
    count += page.count;
    if (count > upTo) return null;
    if (page.count < size || page.last === null) return pages;
    after = page.last;
  }
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
  const pages = await loadIdPages(db, entity, pageSize, upTo);
  return pages && idSetOf(pages);
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

/** {@link StoredFacts} with each entity's ids still as the database's JSON pages (id-pages.ts). */
export interface StoredIdPages extends Omit<StoredFacts, 'ids'> {
  readonly ids: ReadonlyMap<EntityName, IdPages>;
}

export async function loadStoredIdPages(
  db: Kysely<Database>,
  spec: EntitySpec,
  completeUpTo = COMPLETE_IDS_UP_TO,
): Promise<StoredIdPages> {
  const hierarchy = await loadHierarchy(db, spec.name);
  const ids = new Map<EntityName, IdPages>();
  const partial = new Set<EntityName>();
  for (const entity of referencedEntities(spec)) {
    if (entity === spec.name && hierarchy.size > 0) {
      ids.set(entity, [JSON.stringify([...hierarchy.keys()])]);
      continue;
    }
    // A goal's scope may be a unit or a person (validate-file.ts checks it against both sets):
    // goals files are small and so are those tables, so they are always loaded in full.
    const loaded = await loadIdPages(
      db,
      entity,
      ID_PAGE,
      spec.name === 'goals' ? Number.POSITIVE_INFINITY : completeUpTo,
    );
    if (loaded) ids.set(entity, loaded);
    else {
      ids.set(entity, []);
      partial.add(entity);
    }
  }
  return { ids, partial, hierarchy };
}

/** What pass 1 needs, with the ids as sets (the import's own thread checks the rows). */
export async function loadStoredFacts(
  db: Kysely<Database>,
  spec: EntitySpec,
  completeUpTo = COMPLETE_IDS_UP_TO,
): Promise<StoredFacts> {
  const stored = await loadStoredIdPages(db, spec, completeUpTo);
  const ids = new Map<EntityName, IdLookup>();
  for (const [entity, pages] of stored.ids)
    ids.set(
      entity,
      entity === spec.name && stored.hierarchy.size > 0
        ? new Set(stored.hierarchy.keys())
        : new StoredIds(pages),
    );
  return { ids, partial: stored.partial, hierarchy: stored.hierarchy };
}
