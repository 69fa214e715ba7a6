/**
 * The names behind the ids a page of rows refers to (a rep's name beside `rep_id`, a customer's
 * beside `customer_id`), so tables read as people and things, not codes. One query per
 * referenced entity with a name, for the ids on the page only; a name the actor may not see
 * (a person or unit outside their scope) is not sent, and the id stays as it is.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import type { DataScope } from '../access/data-scope.ts';
import { ENTITIES, ENTITY_NAMES, type EntityName, type EntitySpec } from '../entities/entities.ts';
import { scopeCondition } from './browse.repository.ts';

/** Entities with a `name` column (units, people, products, customers): a reference to one is shown by it. */
const NAMED = new Set<EntityName>(
  ENTITY_NAMES.filter((name) => ENTITIES[name].columns.some((column) => column.name === 'name')),
);

export type ReferenceNames = Partial<Record<EntityName, Record<string, string>>>;

export async function referenceNames(
  db: Kysely<Database>,
  spec: EntitySpec,
  rows: readonly Record<string, unknown>[],
  scope: DataScope,
): Promise<ReferenceNames> {
  const wanted = new Map<EntityName, Set<string>>();
  for (const column of spec.columns) {
    if (!column.references || !NAMED.has(column.references)) continue;
    const ids = wanted.get(column.references) ?? new Set<string>();
    for (const row of rows) {
      const id = row[column.name];
      if (typeof id === 'string' && id !== '') ids.add(id);
    }
    wanted.set(column.references, ids);
  }
  const names: ReferenceNames = {};
  for (const [entity, ids] of wanted) {
    if (ids.size === 0) continue;
    const table = ENTITIES[entity].table;
    // biome-ignore lint/suspicious/noExplicitAny: the table is chosen by name (entity metadata)
    const found = await (db as Kysely<any>)
      .selectFrom(table)
      .select([`${table}.id as id`, `${table}.name as name`])
      .where(`${table}.id`, 'in', [...ids])
      .where((eb) => scopeCondition(eb, entity, scope))
      .execute();
    names[entity] = Object.fromEntries(found.map((row: { id: string; name: string }) => [row.id, row.name]));
  }
  return names;
}
