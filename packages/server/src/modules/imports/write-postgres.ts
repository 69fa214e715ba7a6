/**
 * Pass 2 on PostgreSQL: each batch is COPied into a temporary table (dropped at commit), then
 * one `INSERT … SELECT … ON CONFLICT (key) DO UPDATE … WHERE (stored values) IS DISTINCT FROM
 * (new values)` moves it into the table. `RETURNING (xmax = 0)` tells the rows inserted from
 * those updated; rows neither inserted nor updated are unchanged and keep their `rev` (the
 * fact store's change feed reads rows by rev). No SELECT of the stored rows is needed.
 *
 * Into a table with no rows yet (a first load), every row of the file is new — its keys are
 * unique, checked in pass 1 — so the batches are COPied straight into the table, through one
 * COPY kept open from the first batch to the last (the writer's settle or finish). The import
 * is the only writer of these tables and holds the writer lock (revisions.repository.ts), so
 * the table stays as seen; were a row with the same key written meanwhile anyway, the COPY
 * would fail on the key and the whole import roll back.
 */
import { CompiledQuery } from 'kysely';
import { copyInto, type OpenCopy, openCopy } from './copy-rows.ts';
import type { NormalizedRow } from './import-types.ts';
import type { AnyDb, BatchWriter, UpsertTarget, WriteCounts } from './write-batches.ts';

/** Rows per COPY and upsert: large batches keep round trips few; the temp table stays small. */
const BATCH_ROWS = 5000;

/** The import's staging table; one per transaction (temporary tables are per session). */
const STAGING = 'attain_import_rows';

const quoteId = (name: string) => `"${name.replaceAll('"', '""')}"`;

export function postgresUpsertWriter(db: AnyDb, target: UpsertTarget): BatchWriter {
  const counts: WriteCounts = { inserted: 0, updated: 0, unchanged: 0 };
  const { columns, keyColumns, valueColumns, rev } = target;
  const table = quoteId(target.table);
  const columnList = columns.map(quoteId).join(', ');
  const written = rev === null ? columnList : `${columnList}, "rev"`;
  const selected = rev === null ? columnList : `${columnList}, ${Number(rev)}`;
  const set = [
    ...valueColumns.map((c) => `${quoteId(c)} = excluded.${quoteId(c)}`),
    ...(rev === null ? [] : ['"rev" = excluded."rev"']),
  ];
  const stored = valueColumns.map((c) => `${table}.${quoteId(c)}`).join(', ');
  const incoming = valueColumns.map((c) => `excluded.${quoteId(c)}`).join(', ');
  const onConflict =
    valueColumns.length === 0
      ? 'do nothing'
      : `do update set ${set.join(', ')} where (${stored}) is distinct from (${incoming})`;
  // `xmax = 0` holds for a row this statement inserted, not for one it updated.
  const upsertSql =
    `with written as (insert into ${table} (${written}) select ${selected} from ${STAGING} ` +
    `on conflict (${keyColumns.map(quoteId).join(', ')}) ${onConflict} ` +
    'returning (xmax = 0) as inserted) ' +
    'select count(*) filter (where inserted) as inserted, count(*) as written from written';
  let staged = false;
  /** Whether the table had no rows when the import began writing; decided on the first batch. */
  let firstLoad: boolean | null = null;
  /** A first load's COPY, open from its first batch until {@link BatchWriter.settle}. */
  let direct: OpenCopy | null = null;

  async function run(sqlText: string) {
    return (await db.executeQuery(CompiledQuery.raw(sqlText))).rows as Record<string, unknown>[];
  }

  return {
    batchSize: BATCH_ROWS,
    async write(rows: readonly NormalizedRow[]) {
      if (rows.length === 0) return;
      firstLoad ??= (await run(`select 1 from ${table} limit 1`)).length === 0;
      if (firstLoad) {
        direct ??= await openCopy(
          db,
          table,
          columns,
          rev === null ? undefined : { column: 'rev', value: rev },
        );
        await direct.write(rows);
        counts.inserted += rows.length;
        return;
      }
      if (!staged) {
        await run(`create temporary table ${STAGING} (like ${table} including defaults) on commit drop`);
        staged = true;
      } else await run(`truncate ${STAGING}`);
      await copyInto(db, STAGING, columns, rows);
      const [result] = await run(upsertSql);
      const inserted = Number(result?.inserted ?? 0);
      const changed = Number(result?.written ?? 0);
      counts.inserted += inserted;
      counts.updated += changed - inserted;
      counts.unchanged += rows.length - changed;
    },
    async settle() {
      const copy = direct;
      direct = null;
      await copy?.end();
    },
    async finish() {
      await this.settle?.();
      return counts;
    },
  };
}
