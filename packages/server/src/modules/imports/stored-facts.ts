/**
 * What pass 1 needs from the database, loaded up front with one query per table (never per
 * row): the ids that references may point to, and for units and people the stored hierarchy,
 * so roots and cycles are judged over stored rows and the file together (contract §2).
 */
import type { Kysely } from 'kysely';
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

async function loadIds(db: Kysely<Database>, entity: EntityName): Promise<Set<string>> {
  const rows = await (db as unknown as Kysely<Record<string, { id: string }>>)
    .selectFrom(ENTITIES[entity].table)
    .select('id')
    .execute();
  return new Set(rows.map((r) => r.id));
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
