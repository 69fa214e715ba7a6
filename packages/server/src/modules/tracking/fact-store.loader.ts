/**
 * Builds the engine's in-memory fact store (columnar, with incremental aggregates) from the
 * database. Tables are read in keyset pages so a 10M-order database never sits in memory twice.
 */
import { type FactBatch, FactStore, type Fen, OrgChart } from '@attain/engine';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';

const PAGE = 50_000;
const money = (value: number | null): Fen | null => (value === null ? null : (Number(value) as Fen));

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

/** Reads a table by id in pages of {@link PAGE} rows. */
async function* pages<T extends PagedTable>(db: Kysely<Database>, table: T) {
  let after = '';
  for (;;) {
    // biome-ignore lint/suspicious/noExplicitAny: one pager for every fact table
    const rows = (await (db as Kysely<any>)
      .selectFrom(table)
      .selectAll()
      .where('id', '>', after)
      .orderBy('id')
      .limit(PAGE)
      .execute()) as Database[T][];
    if (rows.length === 0) return;
    yield rows;
    after = (rows[rows.length - 1] as { id: string }).id;
    if (rows.length < PAGE) return;
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

const dimensions = new WeakMap<FactStore, Dimensions>();

export function dimensionsOf(store: FactStore): Dimensions {
  return dimensions.get(store) ?? { product_line: [], customer_type: [], region: [] };
}

/** A complete fact store of the database's current content. */
export async function loadFactStore(db: Kysely<Database>): Promise<FactStore> {
  const store = new FactStore();
  store.setOrg(await loadOrgChart(db));
  const load = (batch: FactBatch) => store.load(batch);
  const lines = new Set<string>();
  const types = new Set<string>();
  const regions = new Set<string>();
  for await (const rows of pages(db, 'products')) {
    for (const r of rows) lines.add(r.line);
    load({ products: rows.map((r) => ({ id: r.id, line: r.line })) });
  }
  for await (const rows of pages(db, 'customers')) {
    for (const r of rows) {
      if (r.type) types.add(r.type);
      if (r.region) regions.add(r.region);
    }
    load({ customers: rows.map((r) => ({ id: r.id, type: r.type, region: r.region })) });
  }
  const sorted = (set: Set<string>) => [...set].sort((a, b) => a.localeCompare(b, 'zh-CN'));
  dimensions.set(store, {
    product_line: sorted(lines),
    customer_type: sorted(types),
    region: sorted(regions),
  });
  for await (const rows of pages(db, 'orders'))
    load({
      orders: rows.map((r) => ({
        id: r.id,
        date: r.date,
        repId: r.rep_id,
        customerId: r.customer_id,
        productId: r.product_id,
        amount: Number(r.amount) as Fen,
        cost: money(r.cost),
      })),
    });
  const credits = await db
    .selectFrom('order_credits')
    .selectAll()
    .orderBy('order_id')
    .orderBy('rep_id')
    .execute();
  load({ orderCredits: credits.map((c) => ({ orderId: c.order_id, repId: c.rep_id, share: c.share })) });
  for await (const rows of pages(db, 'payments'))
    load({
      payments: rows.map((r) => ({
        id: r.id,
        date: r.date,
        orderId: r.order_id,
        amount: Number(r.amount) as Fen,
      })),
    });
  for await (const rows of pages(db, 'activities'))
    load({ activities: rows.map((r) => ({ id: r.id, date: r.date, repId: r.rep_id, type: r.type })) });
  for await (const rows of pages(db, 'leads'))
    load({
      leads: rows.map((r) => ({
        id: r.id,
        createdOn: r.created_on,
        repId: r.rep_id,
        convertedOn: r.converted_on,
      })),
    });
  for await (const rows of pages(db, 'opportunities'))
    load({
      opportunities: rows.map((r) => ({
        id: r.id,
        repId: r.rep_id,
        createdOn: r.created_on,
        amount: Number(r.amount) as Fen,
        closedOn: r.closed_on,
        won: r.won === null ? null : Number(r.won) === 1,
      })),
    });
  for await (const rows of pages(db, 'surveys'))
    load({
      surveys: rows.map((r) => ({
        id: r.id,
        date: r.date,
        repId: r.rep_id,
        kind: r.kind,
        score: Number(r.score),
      })),
    });
  for await (const rows of pages(db, 'complaints'))
    load({ complaints: rows.map((r) => ({ id: r.id, date: r.date, repId: r.rep_id })) });
  return store;
}
