/**
 * The columnar fact store: every fact of contract §2 that metrics read, held in typed-array
 * columns (order-book.ts, event-log.ts) with per-person × day / month aggregates maintained on
 * every upsert and removal (day-cube.ts), and the effective-dated org chart for unit scopes.
 * Design and invariants: docs/metrics.md.
 */
import type { CreditShare } from '../credit-split.ts';
import { OrgChart } from '../org-chart.ts';
import { CreditCube } from './credit-cube.ts';
import { EventLog } from './event-log.ts';
import type {
  ActivityFact,
  ComplaintFact,
  CustomerFact,
  LeadFact,
  OpportunityFact,
  OrderFact,
  PaymentFact,
  ProductFact,
  SurveyFact,
} from './facts.ts';
import { DayParser, Dictionary, narrowColumn } from './growable.ts';
import { ACTIVITY, LEADS, OPPORTUNITIES, SALES, SURVEYS } from './measures.ts';
import { OrderBook } from './order-book.ts';
import { UnitIndex } from './unit-index.ts';

/** A credit row of contract §2 order_credits. */
export interface OrderCreditFact {
  readonly orderId: string;
  readonly repId: string;
  readonly share: string;
}

/** A batch of facts, as imported; any field may be absent. */
export interface FactBatch {
  readonly products?: readonly ProductFact[];
  readonly customers?: readonly CustomerFact[];
  readonly orders?: readonly OrderFact[];
  /** Rows of order_credits; the rows of one order replace that order's credits. */
  readonly orderCredits?: readonly OrderCreditFact[];
  readonly payments?: readonly PaymentFact[];
  readonly activities?: readonly ActivityFact[];
  readonly leads?: readonly LeadFact[];
  readonly opportunities?: readonly OpportunityFact[];
  readonly surveys?: readonly SurveyFact[];
  readonly complaints?: readonly ComplaintFact[];
}

export class FactStore {
  /** Rep ids, dictionary-encoded; aggregates are indexed by these. */
  readonly people = new Dictionary();
  /** The org chart in dense indices: the units a person's fact counts for on its day. */
  readonly unitIndex = new UnitIndex(this.people);
  /** Per person and per unit × day/month (credit-cube.ts). */
  readonly sales = new CreditCube(SALES.width, this.unitIndex);
  readonly activity = new CreditCube(ACTIVITY.width, this.unitIndex);
  readonly leads = new CreditCube(LEADS.width, this.unitIndex);
  readonly surveys = new CreditCube(SURVEYS.width, this.unitIndex);
  readonly opportunities = new CreditCube(OPPORTUNITIES.width, this.unitIndex);
  /** Internals: change facts through the store's methods, which keep `version` right. */
  private readonly dates = new DayParser();
  readonly orders = new OrderBook(this.people, this.sales, this.dates);
  readonly events = new EventLog(
    this.people,
    this.activity,
    this.leads,
    this.surveys,
    this.opportunities,
    this.dates,
  );
  private readonly productLine: (string | undefined)[] = [];
  /**
   * A customer's type and region as codes into `dimensionValues` (a million customers are two
   * narrow columns, not two arrays of strings): value index + 1, 0 for null, −1 absent (or an unknown customer).
   */
  private readonly customerType = narrowColumn(-1);
  private readonly customerRegion = narrowColumn(-1);
  private readonly dimensionValues = new Dictionary();
  private chart = new OrgChart([], []);
  private mutations = 0;
  private readonly cache = new Map<string, unknown>();
  private cacheVersion = 0;

  /** Counts changes; query memos (person-pass.ts) are valid for one version. */
  get version(): number {
    return this.mutations;
  }

  /** A memo for query results, emptied whenever the facts change. */
  get memo(): Map<string, unknown> {
    if (this.cacheVersion !== this.mutations) {
      this.cache.clear();
      this.cacheVersion = this.mutations;
    }
    return this.cache;
  }

  /**
   * Replaces the org chart (units, people, moves): person aggregates stay; the unit cubes are
   * dropped (rebuilt from the person cubes on the next unit query) and the split-order
   * corrections recomputed.
   */
  setOrg(chart: OrgChart): void {
    this.mutations++;
    this.chart = chart;
    this.unitIndex.reset(chart);
    for (const [, cube] of this.cubes()) cube.dropUnits();
    this.orders.setOrg(chart);
  }

  /**
   * Builds the unit cubes now rather than on the first unit query after a load or `setOrg`
   * (a fraction of a second per million orders): call it after loading, before serving or
   * writing a snapshot, so that no request pays for it. Changes no result.
   */
  prepareUnits(): void {
    for (const [, cube] of this.cubes()) cube.units();
  }

  get org(): OrgChart {
    return this.chart;
  }

  /**
   * Upserts a batch of facts (re-import semantics of contract §1).
   * @example store.load({ orders: [{ id: 'o1', date: '2026-07-01', repId: 'r1', customerId: 'c1', productId: 'p1', amount: fen(1000) }] })
   */
  load(batch: FactBatch): void {
    this.mutations++;
    for (const p of batch.products ?? []) this.upsertProduct(p);
    for (const c of batch.customers ?? []) this.upsertCustomer(c);
    const credits = new Map<string, CreditShare[]>();
    for (const row of batch.orderCredits ?? []) {
      const list = credits.get(row.orderId) ?? [];
      list.push({ repId: row.repId, share: row.share });
      credits.set(row.orderId, list);
    }
    // One batch: the changed orders' payments and customers' first orders found in one pass each.
    const changed = () => [...(batch.orders ?? []).map((o) => o.id), ...credits.keys()];
    this.orders.batch(changed, () => {
      for (const o of batch.orders ?? []) this.orders.upsertOrder(o);
      for (const [orderId, shares] of credits) this.orders.setOrderCredits(orderId, shares);
    });
    for (const p of batch.payments ?? []) this.orders.upsertPayment(p);
    for (const a of batch.activities ?? []) this.events.upsertActivity(a);
    for (const l of batch.leads ?? []) this.events.upsertLead(l);
    for (const o of batch.opportunities ?? []) this.events.upsertOpportunity(o);
    for (const s of batch.surveys ?? []) this.events.upsertSurvey(s);
    for (const c of batch.complaints ?? []) this.events.upsertComplaint(c);
  }

  upsertProduct(fact: ProductFact): void {
    this.mutations++;
    this.productLine[this.orders.products.intern(fact.id)] = fact.line;
  }

  upsertCustomer(fact: CustomerFact): void {
    this.mutations++;
    const index = this.orders.customers.intern(fact.id);
    this.customerType.set(index, this.codeOf(fact.type));
    this.customerRegion.set(index, this.codeOf(fact.region));
  }

  upsertOrder(fact: OrderFact): void {
    this.mutations++;
    this.orders.upsertOrder(fact);
  }
  removeOrder(id: string): void {
    this.mutations++;
    this.orders.removeOrder(id);
  }
  /** Replaces an order's credit shares; null restores its rep_id. */
  setOrderCredits(orderId: string, shares: readonly CreditShare[] | null): void {
    this.mutations++;
    this.orders.setOrderCredits(orderId, shares);
  }
  upsertPayment(fact: PaymentFact): void {
    this.mutations++;
    this.orders.upsertPayment(fact);
  }
  removePayment(id: string): void {
    this.mutations++;
    this.orders.removePayment(id);
  }
  upsertActivity(fact: ActivityFact): void {
    this.mutations++;
    this.events.upsertActivity(fact);
  }
  removeActivity(id: string): void {
    this.mutations++;
    this.events.removeActivity(id);
  }
  upsertLead(fact: LeadFact): void {
    this.mutations++;
    this.events.upsertLead(fact);
  }
  removeLead(id: string): void {
    this.mutations++;
    this.events.removeLead(id);
  }
  upsertOpportunity(fact: OpportunityFact): void {
    this.mutations++;
    this.events.upsertOpportunity(fact);
  }
  removeOpportunity(id: string): void {
    this.mutations++;
    this.events.removeOpportunity(id);
  }
  upsertSurvey(fact: SurveyFact): void {
    this.mutations++;
    this.events.upsertSurvey(fact);
  }
  removeSurvey(id: string): void {
    this.mutations++;
    this.events.removeSurvey(id);
  }
  upsertComplaint(fact: ComplaintFact): void {
    this.mutations++;
    this.events.upsertComplaint(fact);
  }
  removeComplaint(id: string): void {
    this.mutations++;
    this.events.removeComplaint(id);
  }

  /** Product line of a product index (for filters). */
  lineOfProduct(product: number): string | undefined {
    return this.productLine[product];
  }
  typeOfCustomer(customer: number): string | null | undefined {
    return this.valueOf(this.customerType.get(customer));
  }
  regionOfCustomer(customer: number): string | null | undefined {
    return this.valueOf(this.customerRegion.get(customer));
  }

  private codeOf(value: string | null | undefined): number {
    if (value === undefined) return -1;
    return value === null ? 0 : this.dimensionValues.intern(value) + 1;
  }

  private valueOf(code: number): string | null | undefined {
    return code < 0 ? undefined : code === 0 ? null : this.dimensionValues.name(code - 1);
  }

  /** Every cube with its name (a method, not a field: a snapshot holds each cube once, as its field). */
  cubes(): [string, CreditCube][] {
    return [
      ['sales', this.sales],
      ['activity', this.activity],
      ['leads', this.leads],
      ['surveys', this.surveys],
      ['opportunities', this.opportunities],
    ];
  }

  /** All aggregates as plain data (person id:day → measures), for tests: equal stores dump equal. */
  dumpAggregates(): Record<string, number[]> {
    const result: Record<string, number[]> = {};
    for (const [name, cube] of this.cubes()) {
      for (const [key, row] of cube.people.dump()) {
        const [person, day] = key.split(':');
        result[`${name}:${this.people.name(Number(person))}:${day}`] = row;
      }
    }
    return result;
  }
}
