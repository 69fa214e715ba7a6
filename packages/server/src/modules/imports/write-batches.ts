/**
 * Pass 2 (contract §1): writes validated rows in batches, never a round trip per row, and
 * counts what was inserted, updated or left unchanged. The statements depend on the database
 * (write-sqlite.ts, write-postgres.ts); a dry run only counts, with one SELECT per batch.
 */
import { type Kysely, PostgresAdapter } from 'kysely';
import type { EntitySpec } from '../entities/entities.ts';
import type { NormalizedRow } from './import-types.ts';
import { postgresUpsertWriter } from './write-postgres.ts';
import { sqliteUpsertWriter } from './write-sqlite.ts';

export interface WriteCounts {
  inserted: number;
  updated: number;
  unchanged: number;
}

export interface BatchWriter {
  /** Rows the caller should hand to {@link write} at once (the last batch may be smaller). */
  readonly batchSize: number;
  write(rows: readonly NormalizedRow[]): Promise<void>;
  /**
   * Completes what was sent so far so the connection is free for another statement (a COPY
   * kept open across batches holds it); the next write goes on. Writers without such state
   * leave it out.
   */
  settle?(): Promise<void>;
  /** Writes what is left and returns the counts. */
  finish(): Promise<WriteCounts>;
}

// biome-ignore lint/suspicious/noExplicitAny: tables are chosen by the entity registry at run time.
export type AnyDb = Kysely<any>;

/** The revision stamped on written rows (fact store change feed, 0003_revisions); null: not revised. */
export type Revision = number | null;

/** Table columns written for an entity; goals also store their key. */
export function storedColumnsOf(spec: EntitySpec): string[] {
  const columns = spec.columns.map((c) => c.name);
  return spec.name === 'goals' ? ['goal_key', ...columns] : columns;
}

/** The table's unique key: goals are keyed by goal_key, the rest by the registry's key. */
export function tableKeyOf(spec: EntitySpec): string[] {
  return spec.name === 'goals' ? ['goal_key'] : [...spec.key];
}

/** What an upsert writer needs to know about its table. */
export interface UpsertTarget {
  readonly table: string;
  /** Every stored column, key first as in {@link storedColumnsOf}. */
  readonly columns: readonly string[];
  readonly keyColumns: readonly string[];
  /** The stored columns that are not part of the key: what "changed" compares. */
  readonly valueColumns: readonly string[];
  readonly rev: Revision;
}

export function upsertTargetOf(spec: EntitySpec, rev: Revision): UpsertTarget {
  const columns = storedColumnsOf(spec);
  const keyColumns = tableKeyOf(spec);
  return {
    table: spec.table,
    columns,
    keyColumns,
    valueColumns: columns.filter((c) => !keyColumns.includes(c)),
    rev,
  };
}

export const emptyCounts = (): WriteCounts => ({ inserted: 0, updated: 0, unchanged: 0 });

const sameValue = (a: unknown, b: unknown) =>
  (a ?? null) === null ? (b ?? null) === null : String(a) === String(b ?? '');

/**
 * A dry run: per batch one SELECT of the stored rows with the batch's keys, compared in
 * memory. Writes nothing, so it runs outside a transaction on either database.
 */
function countingWriter(db: AnyDb, target: UpsertTarget): BatchWriter {
  const counts = emptyCounts();
  const { keyColumns, valueColumns } = target;
  const keyOf = (row: Record<string, unknown>) => keyColumns.map((c) => String(row[c])).join('\u0000');
  return {
    batchSize: 1000,
    async write(rows) {
      if (rows.length === 0) return;
      // Composite keys (unit_moves) select by their first column and match the rest here.
      const first = keyColumns[0] as string;
      const existing = await db
        .selectFrom(target.table)
        .selectAll()
        .where(first, 'in', [...new Set(rows.map((r) => r[first]))])
        .execute();
      const stored = new Map(existing.map((row: Record<string, unknown>) => [keyOf(row), row]));
      for (const row of rows) {
        const before = stored.get(keyOf(row));
        if (!before) counts.inserted += 1;
        else if (valueColumns.every((c) => sameValue(before[c], row[c]))) counts.unchanged += 1;
        else counts.updated += 1;
      }
    },
    async finish() {
      return counts;
    },
  };
}

interface Credit {
  readonly rep_id: string;
  readonly share: string;
}

const creditsSignature = (credits: readonly Credit[]) =>
  credits
    .map((c) => `${c.rep_id}=${c.share}`)
    .sort()
    .join(';');

/** order_credits are replaced per order; this many orders per batch. */
const CREDIT_ORDERS_PER_BATCH = 500;

/**
 * order_credits (contract §1): the file's rows for an order replace that order's stored
 * credits. An order's rows may be anywhere in the file, so the credits are grouped in memory
 * (one small entry per split order) and written per order at the end. Rows count as inserted
 * (the order had no credits), updated (they differed) or unchanged (identical set).
 */
function creditsWriter(db: AnyDb, dryRun: boolean, rev: Revision): BatchWriter {
  const counts = emptyCounts();
  const byOrder = new Map<string, Credit[]>();

  async function writeOrders(orders: string[]): Promise<void> {
    const existing = await db
      .selectFrom('order_credits')
      .selectAll()
      .where('order_id', 'in', orders)
      .execute();
    const stored = new Map<string, Credit[]>();
    for (const row of existing as { order_id: string; rep_id: string; share: string }[]) {
      const list = stored.get(row.order_id) ?? [];
      list.push(row);
      stored.set(row.order_id, list);
    }
    const replaced: string[] = [];
    // Only orders that had credits have rows to delete (a first import of credits has none).
    const superseded: string[] = [];
    for (const order of orders) {
      const credits = byOrder.get(order) ?? [];
      const before = stored.get(order);
      if (!before) counts.inserted += credits.length;
      else if (creditsSignature(before) === creditsSignature(credits)) {
        counts.unchanged += credits.length;
        continue;
      } else {
        counts.updated += credits.length;
        superseded.push(order);
      }
      replaced.push(order);
    }
    if (dryRun || replaced.length === 0) return;
    if (superseded.length > 0)
      await db.deleteFrom('order_credits').where('order_id', 'in', superseded).execute();
    const values = replaced.flatMap((order) =>
      (byOrder.get(order) ?? []).map((c) => ({
        order_id: order,
        rep_id: c.rep_id,
        share: c.share,
        ...(rev === null ? {} : { rev }),
      })),
    );
    await db.insertInto('order_credits').values(values).execute();
  }

  return {
    batchSize: 1000,
    async write(rows) {
      for (const record of rows) {
        const order = String(record.order_id);
        const list = byOrder.get(order) ?? [];
        list.push({ rep_id: String(record.rep_id), share: String(record.share) });
        byOrder.set(order, list);
      }
    },
    async finish() {
      const orders = [...byOrder.keys()];
      for (let i = 0; i < orders.length; i += CREDIT_ORDERS_PER_BATCH) {
        await writeOrders(orders.slice(i, i + CREDIT_ORDERS_PER_BATCH));
      }
      return counts;
    },
  };
}

/** The writer for an entity, on the import's transaction (or the plain database in a dry run). */
export function createBatchWriter(
  db: AnyDb,
  spec: EntitySpec,
  dryRun: boolean,
  rev: Revision = null,
): BatchWriter {
  if (spec.name === 'order_credits') return creditsWriter(db, dryRun, rev);
  const target = upsertTargetOf(spec, rev);
  if (dryRun) return countingWriter(db, target);
  return db.getExecutor().adapter instanceof PostgresAdapter
    ? postgresUpsertWriter(db, target)
    : sqliteUpsertWriter(db, target);
}
