import { type Expression, type ExpressionBuilder, type Kysely, type SqlBool, sql } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { AppError } from '../../errors.ts';
import type { DataScope } from '../access/data-scope.ts';
import { eventVisible, oneOf, personVisible } from '../access/scope-sql.ts';
import { ENTITIES, type EntityName, type EntitySpec } from '../entities/entities.ts';
import { type BrowseQuery, exactFilters } from './browse.query.ts';

// biome-ignore lint/suspicious/noExplicitAny: the browser queries any entity's table by name
type AnyDb = Kysely<any>;
// biome-ignore lint/suspicious/noExplicitAny: see above
type Eb = ExpressionBuilder<any, any>;

/** The date column of a dated entity: the event date the scope and the date filter use. */
export function dateColumnOf(spec: EntitySpec): string | null {
  // A payment's event date is its own (contract §4); a credit has none but its order's.
  if (spec.name === 'order_credits') return 'orders.date';
  const own = spec.columns.find((c) => c.type === 'date' && c.required && c.name !== 'hire_date');
  return own ? `${spec.table}.${own.name}` : null;
}

/** Which rows of an entity the scope lets through (contract-independent: see access/data-scope.ts). */
export function scopeCondition(eb: Eb, entity: EntityName, scope: DataScope): Expression<SqlBool> {
  switch (entity) {
    case 'products':
    case 'customers':
      return sql<SqlBool>`1 = 1`;
    case 'units':
      return scope.kind === 'all' ? sql<SqlBool>`1 = 1` : oneOf(eb, 'units.id', scope.unitNames);
    case 'people':
      return personVisible(eb, scope, 'people.id');
    case 'unit_moves':
      return personVisible(eb, scope, 'unit_moves.person_id');
    case 'goals':
      return scope.kind === 'all'
        ? sql<SqlBool>`1 = 1`
        : oneOf(eb, 'goals.scope', new Set([...scope.people.keys(), ...scope.units, ...scope.unitNames]));
    case 'orders':
    case 'payments': {
      // An order is visible through its rep or any rep it credits, on the order's date; a
      // payment the same way on its own date (contract §4: the event's date).
      const date = entity === 'orders' ? 'orders.date' : 'payments.date';
      return eb.or([
        eventVisible(eb, scope, 'orders.rep_id', date),
        eb.exists(
          eb
            .selectFrom('order_credits as oc')
            .select(sql`1`.as('one'))
            .whereRef('oc.order_id', '=', 'orders.id')
            .where((inner) => eventVisible(inner, scope, 'oc.rep_id', date)),
        ),
      ]);
    }
    case 'order_credits':
      return eventVisible(eb, scope, 'order_credits.rep_id', 'orders.date');
    case 'leads':
    case 'opportunities':
      return eventVisible(eb, scope, `${entity}.rep_id`, `${entity}.created_on`);
    default:
      return eventVisible(eb, scope, `${entity}.rep_id`, `${entity}.date`);
  }
}

function baseQuery(db: AnyDb, spec: EntitySpec) {
  const query = db.selectFrom(spec.table);
  return spec.name === 'payments' || spec.name === 'order_credits'
    ? query.innerJoin('orders', 'orders.id', `${spec.table}.order_id`)
    : query;
}

const SEARCHABLE = new Set([
  'id',
  'name',
  'rep_id',
  'customer_id',
  'order_id',
  'person_id',
  'scope',
  'metric',
]);

export interface BrowsePage {
  readonly rows: Record<string, unknown>[];
  readonly total: number;
}

export async function browseEntity(
  db: Kysely<Database>,
  entity: EntityName,
  scope: DataScope,
  query: BrowseQuery,
): Promise<BrowsePage> {
  const spec = ENTITIES[entity];
  const columns = new Set(spec.columns.map((c) => c.name));
  const dateColumn = dateColumnOf(spec);
  const filters = exactFilters(query);
  for (const column of Object.keys(filters)) {
    if (!columns.has(column))
      throw new AppError('validation_failed', `${entity} has no column ${column}`, `f.${column}`);
  }
  const sort = query.sort ?? spec.defaultSort;
  if (!columns.has(sort)) throw new AppError('validation_failed', `${entity} has no column ${sort}`, 'sort');
  const order = query.order ?? (spec.defaultSort === sort && dateColumn ? 'desc' : 'asc');

  const where = (eb: Eb) => {
    const parts: Expression<SqlBool>[] = [scopeCondition(eb, entity, scope)];
    for (const [column, value] of Object.entries(filters))
      parts.push(eb(eb.ref(`${spec.table}.${column}`), '=', value));
    if (dateColumn && query.from) parts.push(eb(eb.ref(dateColumn), '>=', query.from));
    if (dateColumn && query.to) parts.push(eb(eb.ref(dateColumn), '<=', query.to));
    if (query.q) {
      const pattern = `%${query.q.toLowerCase().replace(/[%_\\]/g, (c) => `\\${c}`)}%`;
      const searchable = spec.columns.filter((c) => SEARCHABLE.has(c.name));
      parts.push(
        eb.or(
          searchable.map(
            (c) => sql<SqlBool>`lower(${eb.ref(`${spec.table}.${c.name}`)}) like ${pattern} escape '\\'`,
          ),
        ),
      );
    }
    return eb.and(parts);
  };

  const anyDb = db as AnyDb;
  const totalRow = await baseQuery(anyDb, spec)
    .where(where)
    .select((eb) => eb.fn.countAll().as('n'))
    .executeTakeFirstOrThrow();
  const selected = spec.columns.map((c) => `${spec.table}.${c.name}`);
  let rowsQuery = baseQuery(anyDb, spec)
    .where(where)
    .select(selected)
    .orderBy(`${spec.table}.${sort}`, order);
  // A stable order for paging: the key columns break ties.
  for (const key of spec.key)
    if (key !== sort && columns.has(key)) rowsQuery = rowsQuery.orderBy(`${spec.table}.${key}`, 'asc');
  const rows = await rowsQuery
    .limit(query.pageSize)
    .offset((query.page - 1) * query.pageSize)
    .execute();
  return { total: Number((totalRow as { n: unknown }).n), rows };
}
