/**
 * Pass 2 on SQLite: per batch, every row through one prepared `INSERT … ON CONFLICT (key) DO
 * NOTHING`, whose change count is the rows inserted, and only when some rows were already
 * stored, every row through one `UPDATE … FROM` that changes it only where its values differ,
 * whose change count is the rows updated. Unchanged rows are not touched (their `rev` stays: the
 * fact store's change feed skips them).
 *
 * Why not one `INSERT … ON CONFLICT DO UPDATE`: with foreign keys on, SQLite runs an upsert
 * 2–3 times slower than a plain insert, even when every row is new; `DO NOTHING` costs no
 * more than a plain insert (measured on 100k orders, docs/performance.md). Why one row per run:
 * a one-row prepared statement run once per row is ~25 % faster in SQLite than 1,000-row
 * `VALUES` lists (50,000 orders: ~250 ms against ~330 ms); a batch's rows still go to the
 * database in one Kysely query, each run synchronously by `db/sqlite-statements.ts`. The SQL is
 * written here rather than built by Kysely, and compiled once per import.
 */
import { CompiledQuery } from 'kysely';
import { eachRowOf } from '../../db/sqlite-statements.ts';
import type { NormalizedRow } from './import-types.ts';
import type { AnyDb, BatchWriter, UpsertTarget, WriteCounts } from './write-batches.ts';

const BATCH_ROWS = 1000;

const quoteId = (name: string) => `"${name.replaceAll('"', '""')}"`;

/** `(?, ?, …)`: one tuple of `width` parameters, ending in `tail`. */
const tuple = (width: number, tail = '') => `(${new Array(width).fill('?').join(', ')}${tail})`;

function parametersOf(
  rows: readonly NormalizedRow[],
  columns: readonly string[],
): (string | number | null)[] {
  const values = new Array<string | number | null>(rows.length * columns.length);
  let i = 0;
  for (const row of rows) for (const column of columns) values[i++] = row[column] ?? null;
  return values;
}

export function sqliteUpsertWriter(db: AnyDb, target: UpsertTarget): BatchWriter {
  const counts: WriteCounts = { inserted: 0, updated: 0, unchanged: 0 };
  const { columns, keyColumns, valueColumns, rev } = target;
  const table = quoteId(target.table);
  const written = rev === null ? columns : [...columns, 'rev'];
  // The revision is a number the import took itself, so it goes into the SQL as a literal
  // rather than as one more parameter per row.
  const revLiteral = rev === null ? '' : `, ${Number(rev)}`;
  const v = (c: string) => `v.${quoteId(c)}`;
  const t = (c: string) => `${table}.${quoteId(c)}`;
  const each = eachRowOf(columns.length);
  const insertSql =
    `${each}insert into ${table} (${written.map(quoteId).join(', ')}) values ${tuple(columns.length, revLiteral)} ` +
    `on conflict (${keyColumns.map(quoteId).join(', ')}) do nothing`;
  const updateSql =
    `${each}with v (${columns.map(quoteId).join(', ')}) as (values ${tuple(columns.length)}) ` +
    `update ${table} set ${valueColumns.map((c) => `${quoteId(c)} = ${v(c)}`).join(', ')}` +
    `${rev === null ? '' : `, "rev" = ${Number(rev)}`} from v ` +
    `where ${keyColumns.map((c) => `${t(c)} = ${v(c)}`).join(' and ')} ` +
    `and (${valueColumns.map((c) => `${t(c)} is not ${v(c)}`).join(' or ')})`;

  async function changes(sqlText: string, parameters: unknown[]): Promise<number> {
    const result = await db.executeQuery(CompiledQuery.raw(sqlText, parameters));
    return Number(result.numAffectedRows ?? 0n);
  }

  return {
    batchSize: BATCH_ROWS,
    async write(rows) {
      if (rows.length === 0) return;
      const parameters = parametersOf(rows, columns);
      const inserted = await changes(insertSql, parameters);
      counts.inserted += inserted;
      if (inserted === rows.length) return;
      // Some keys were stored: update those whose values differ. The rows just inserted are
      // identical to the batch's, so they are not matched again.
      const updated = valueColumns.length === 0 ? 0 : await changes(updateSql, parameters);
      counts.updated += updated;
      counts.unchanged += rows.length - inserted - updated;
    },
    async finish() {
      return counts;
    },
  };
}
