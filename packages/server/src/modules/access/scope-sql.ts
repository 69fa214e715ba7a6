/**
 * Turns a {@link DataScope} into SQL conditions, so scoped lists are filtered and paged by
 * the database rather than after the fact.
 */
import { type Expression, type ExpressionBuilder, type SqlBool, sql } from 'kysely';
import type { DataScope } from './data-scope.ts';

// biome-ignore lint/suspicious/noExplicitAny: the helpers apply to any table's builder
type Eb = ExpressionBuilder<any, any>;

const NOTHING = sql<SqlBool>`1 = 0`;
const EVERYTHING = sql<SqlBool>`1 = 1`;

/** `personColumn` names a visible person (ignores dates). */
export function personVisible(eb: Eb, scope: DataScope, personColumn: string): Expression<SqlBool> {
  if (scope.kind === 'all') return EVERYTHING;
  const ids = [...scope.people.keys()];
  return ids.length === 0 ? NOTHING : eb(eb.ref(personColumn), 'in', ids);
}

/**
 * An event of `personColumn` dated `dateColumn` is visible: the person was in the actor's
 * scope on that date (contract §4 effective dating). People visible at all times collapse
 * into one `in` list.
 */
export function eventVisible(
  eb: Eb,
  scope: DataScope,
  personColumn: string,
  dateColumn: string,
): Expression<SqlBool> {
  if (scope.kind === 'all') return EVERYTHING;
  const always: string[] = [];
  const dated: Expression<SqlBool>[] = [];
  for (const [personId, intervals] of scope.people) {
    if (intervals.some((i) => i.from === null && i.until === null)) {
      always.push(personId);
      continue;
    }
    for (const interval of intervals) {
      const parts: Expression<SqlBool>[] = [eb(eb.ref(personColumn), '=', personId)];
      if (interval.from !== null) parts.push(eb(eb.ref(dateColumn), '>=', interval.from));
      if (interval.until !== null) parts.push(eb(eb.ref(dateColumn), '<', interval.until));
      dated.push(eb.and(parts));
    }
  }
  const alternatives = [...dated];
  if (always.length > 0) alternatives.unshift(eb(eb.ref(personColumn), 'in', always));
  return alternatives.length === 0 ? NOTHING : eb.or(alternatives);
}

/** `column` is one of the given ids (units or goal scopes). */
export function oneOf(eb: Eb, column: string, ids: Iterable<string>): Expression<SqlBool> {
  const list = [...ids];
  return list.length === 0 ? NOTHING : eb(eb.ref(column), 'in', list);
}
