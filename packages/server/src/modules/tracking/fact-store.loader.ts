/**
 * Builds the engine's in-memory fact store (columnar, with incremental aggregates) from the
 * database, and applies later changes to it. Tables are read in keyset pages; a change read
 * takes only rows whose `rev` is newer than the revision the store already holds
 * (0003_revisions: every write stamps the rows it touches).
 */
import { type FactBatch, FactStore, type Fen, OrgChart } from '@attain/engine';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';

const PAGE = 50_000;
const CREDIT_ORDERS_PER_QUERY = 1000;
/** `since` that selects every row (revisions start at 1, unstamped rows have rev 0). */
export const ALL_ROWS = -1;

const fenOf = (value: number) => Number(value) as Fen;
const fenOrNull = (value: number | null) => (value === null ? null : fenOf(value));

type PagedTable =
  | 'products'
  | 'customers'
  | 'orders'
  | 'payments'
  | 'activities'
  | 'leads'
  | 'opportunities'
  | 'surveys'
  | 'complaints';

/**
 * Rows of a table with rev > since, in pages of {@link PAGE}. A full read (`ALL_ROWS`) pages by
 * id; a change read pages by (rev, id), so that it goes through the rev index and costs the rows
 * changed — paging by id alone would make the database walk the whole table in id order
 * (a second per poll at 10M orders) to find the few rows of the last import.
 */
export async function* pages<T extends PagedTable>(
  db: Kysely<Database>,
  table: T,
  since: number,
  pageSize = PAGE,
) {
  // biome-ignore lint/suspicious/noExplicitAny: one pager for every fact table
  const from = () => (db as Kysely<any>).selectFrom(table).selectAll();
  // The first change page takes rev > since; later ones continue after the last (rev, id).
  let after: { rev: number; id: string | null } = { rev: since, id: null };
  for (;;) {
    const rows = (
      since === ALL_ROWS
        ? await from()
            .where('id', '>', after.id ?? '')
            .orderBy('id')
            .limit(pageSize)
            .execute()
        : await from()
            // `rev >= r` first: the range the rev index answers; the rest only filters it.
            .where('rev', after.id === null ? '>' : '>=', after.rev)
            .$if(after.id !== null, (q) =>
              q.where((eb) => eb.or([eb('rev', '>', after.rev), eb('id', '>', after.id as string)])),
            )
            .orderBy('rev')
            .orderBy('id')
            .limit(pageSize)
            .execute()
    ) as (Database[T] & { id: string; rev: number })[];
    if (rows.length === 0) return;
    yield rows;
    const last = rows[rows.length - 1] as { id: string; rev: number | string };
    after = { rev: Number(last.rev), id: last.id };
    if (rows.length < pageSize) return;
  }
}

export async function loadOrgChart(db: Kysely<Database>): Promise<OrgChart> {
  const [units, people, moves] = await Promise.all([
    db.selectFrom('units').select(['id', 'parent_id']).execute(),
    db.selectFrom('people').select(['id', 'unit_id']).execute(),
    db.selectFrom('unit_moves').select(['person_id', 'unit_id', 'effective_from']).execute(),
  ]);
  return new OrgChart(
    units.map((u) => ({ id: u.id, parentId: u.parent_id })),
    people.map((p) => ({ id: p.id, unitId: p.unit_id })),
    moves.map((m) => ({ personId: m.person_id, unitId: m.unit_id, effectiveFrom: m.effective_from })),
  );
}

/** The distinct values of the filter dimensions (contract §5 filters), for breakdowns and pickers. */
export interface Dimensions {
  readonly product_line: readonly string[];
  readonly customer_type: readonly string[];
  readonly region: readonly string[];
}

export interface DimensionSets {
  readonly product_line: Set<string>;
  readonly customer_type: Set<string>;
  readonly region: Set<string>;
}

const dimensions = new WeakMap<FactStore, DimensionSets>();

export function dimensionsOf(store: FactStore): Dimensions {
  const sets = dimensions.get(store);
  const sorted = (set: Set<string> | undefined) =>
    [...(set ?? [])].sort((a, b) => a.localeCompare(b, 'zh-CN'));
  return {
    product_line: sorted(sets?.product_line),
    customer_type: sorted(sets?.customer_type),
    region: sorted(sets?.region),
  };
}

/** The dimension values kept for a store (saved beside it in a snapshot), if any. */
export function dimensionSetsOf(store: FactStore): DimensionSets | undefined {
  return dimensions.get(store);
}

/** Keeps `sets` as the dimension values of a store restored from a snapshot. */
export function adoptDimensionSets(store: FactStore, sets: DimensionSets): void {
  dimensions.set(store, sets);
}

/** Streams every fact with rev > since into `sink`, as batches in dependency order. */
async function readFacts(
  db: Kysely<Database>,
  since: number,
  sink: (batch: FactBatch) => void,
  dims: DimensionSets,
) {
  for await (const rows of pages(db, 'products', since)) {
    for (const r of rows) dims.product_line.add(r.line);
    sink({ products: rows.map((r) => ({ id: r.id, line: r.line })) });
  }
  for await (const rows of pages(db, 'customers', since)) {
    for (const r of rows) {
      if (r.type) dims.customer_type.add(r.type);
      if (r.region) dims.region.add(r.region);
    }
    sink({ customers: rows.map((r) => ({ id: r.id, type: r.type, region: r.region })) });
  }
  for await (const rows of pages(db, 'orders', since))
    sink({
      orders: rows.map((r) => ({
        id: r.id,
        date: r.date,
        repId: r.rep_id,
        customerId: r.customer_id,
        productId: r.product_id,
        amount: fenOf(r.amount),
        cost: fenOrNull(r.cost),
      })),
    });
  sink({ orderCredits: await readCredits(db, since) });
  for await (const rows of pages(db, 'payments', since))
    sink({
      payments: rows.map((r) => ({ id: r.id, date: r.date, orderId: r.order_id, amount: fenOf(r.amount) })),
    });
  for await (const rows of pages(db, 'activities', since))
    sink({ activities: rows.map((r) => ({ id: r.id, date: r.date, repId: r.rep_id, type: r.type })) });
  for await (const rows of pages(db, 'leads', since))
    sink({
      leads: rows.map((r) => ({
        id: r.id,
        createdOn: r.created_on,
        repId: r.rep_id,
        convertedOn: r.converted_on,
      })),
    });
  for await (const rows of pages(db, 'opportunities', since))
    sink({
      opportunities: rows.map((r) => ({
        id: r.id,
        repId: r.rep_id,
        createdOn: r.created_on,
        amount: fenOf(r.amount),
        closedOn: r.closed_on,
        won: r.won === null ? null : Number(r.won) === 1,
      })),
    });
  for await (const rows of pages(db, 'surveys', since))
    sink({
      surveys: rows.map((r) => ({
        id: r.id,
        date: r.date,
        repId: r.rep_id,
        kind: r.kind,
        score: Number(r.score),
      })),
    });
  for await (const rows of pages(db, 'complaints', since))
    sink({ complaints: rows.map((r) => ({ id: r.id, date: r.date, repId: r.rep_id })) });
}

/**
 * Credits of every order whose credits changed after `since` — all of that order's rows, in one
 * batch, because the store replaces an order's credits with the rows it is given (contract §1).
 */
async function readCredits(db: Kysely<Database>, since: number) {
  const select = () => db.selectFrom('order_credits').select(['order_id', 'rep_id', 'share']);
  let rows: { order_id: string; rep_id: string; share: string }[];
  if (since === ALL_ROWS) rows = await select().orderBy('order_id').orderBy('rep_id').execute();
  else {
    const orders = (
      await db.selectFrom('order_credits').select('order_id').distinct().where('rev', '>', since).execute()
    ).map((r) => r.order_id);
    rows = [];
    for (let i = 0; i < orders.length; i += CREDIT_ORDERS_PER_QUERY) {
      rows.push(
        ...(await select()
          .where('order_id', 'in', orders.slice(i, i + CREDIT_ORDERS_PER_QUERY))
          .execute()),
      );
    }
  }
  return rows.map((c) => ({ orderId: c.order_id, repId: c.rep_id, share: c.share }));
}

async function orgChangedSince(db: Kysely<Database>, since: number): Promise<boolean> {
  for (const table of ['units', 'people', 'unit_moves'] as const) {
    if (await db.selectFrom(table).select('rev').where('rev', '>', since).limit(1).executeTakeFirst())
      return true;
  }
  return false;
}

/** A complete fact store of the database's current content. */
export async function loadFactStore(db: Kysely<Database>, chart?: OrgChart): Promise<FactStore> {
  const store = new FactStore();
  // Callers that hold the org directory pass its chart, so the org is read once.
  store.setOrg(chart ?? (await loadOrgChart(db)));
  const dims: DimensionSets = { product_line: new Set(), customer_type: new Set(), region: new Set() };
  await readFacts(db, ALL_ROWS, (batch) => store.load(batch), dims);
  dimensions.set(store, dims);
  // The unit cubes are built now, not by the first unit query (a dashboard request).
  store.prepareUnits();
  return store;
}

/**
 * Reads the changes after revision `since` and returns a function that applies them to the
 * store synchronously, so that readers see an import entirely or not at all.
 */
export async function readChangesSince(
  db: Kysely<Database>,
  store: FactStore,
  since: number,
  reloadOrg: () => Promise<OrgChart> = () => loadOrgChart(db),
): Promise<{ apply: () => void; orgChanged: boolean }> {
  const batches: FactBatch[] = [];
  const dims = dimensions.get(store) ?? {
    product_line: new Set(),
    customer_type: new Set(),
    region: new Set(),
  };
  await readFacts(db, since, (batch) => batches.push(batch), dims);
  const org = (await orgChangedSince(db, since)) ? await reloadOrg() : null;
  const apply = () => {
    if (org) store.setOrg(org);
    for (const batch of batches) store.load(batch);
    dimensions.set(store, dims);
    if (org) store.prepareUnits();
  };
  return { apply, orgChanged: org !== null };
}
