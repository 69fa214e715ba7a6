/**
 * Orders, their credit shares and their payments as columns, with the sales cube kept up to
 * date on every change (contract §4 crediting, §5 order and payment metrics).
 *
 * Incremental rule: a change retracts the contributions that depend on the old state (the
 * order's own, its payments', and the first-order contribution of each customer it touches),
 * mutates, then applies them again from the new state. A contribution is a pure function of
 * the state, so the cube always equals the one a full rebuild from the final facts would give,
 * whatever the order of arrival (payments before their order, credits before the order, …).
 */
import { type CreditShare, splitCredit, validateShares } from '../credit-split.ts';
import { fen } from '../money.ts';
import type { OrgChart } from '../org-chart.ts';
import { bitOf } from './capacity.ts';
import type { CreditCube } from './credit-cube.ts';
import type { OrderFact, PaymentFact } from './facts.ts';
import { BitColumn, DayParser, Dictionary, FenColumn, narrowColumn } from './growable.ts';
import { IntMap } from './int-map.ts';
import { SALES } from './measures.ts';
import { type PaymentColumns, PaymentsByOrder } from './payments-by-order.ts';
import { CORRECTION, SplitCorrections } from './split-corrections.ts';

/** Credited part of an amount: person index and fen. */
export interface CreditedPart {
  readonly person: number;
  readonly amount: number;
}

const NO_PAYMENTS: readonly number[] = [];

export class OrderBook {
  readonly ids = new Dictionary();
  readonly alive = new BitColumn();
  /** Days and rep, customer and product indices in 2 bytes while they fit (NarrowColumn). */
  readonly day = narrowColumn();
  readonly rep = narrowColumn(-1);
  readonly customer = narrowColumn(-1);
  readonly product = narrowColumn(-1);
  readonly amount = new FenColumn();
  readonly cost = new FenColumn();
  readonly customers = new Dictionary();
  readonly products = new Dictionary();
  /** Per customer: its current first order ever (contract §5 new_customers), −1 when none. */
  readonly firstOrder = narrowColumn(-1);
  /** Per unit × day: what makes a unit count a split order once. */
  readonly corrections: SplitCorrections;
  readonly paymentIds = new Dictionary();
  readonly paymentAlive = new BitColumn();
  readonly paymentDay = narrowColumn();
  readonly paymentOrder = narrowColumn(-1);
  readonly paymentAmount = new FenColumn();
  /**
   * Credit shares, for the few orders that have them: order → its first slot in the credit
   * columns, which hold per slot the person, the share (a code into `shareValues`) and, at an
   * order's first slot, how many slots are its. A Map of arrays of objects cost ~200 bytes per
   * split order, a Map of numbers ~40 (IntMap: 12–24; issue 5, memory). An order given shares again reuses its slots when the count
   * is the same (a re-import) and takes new ones otherwise; the old ones stay unused.
   */
  private readonly creditStart = new IntMap();
  private readonly creditPerson = narrowColumn(-1);
  private readonly creditShare = narrowColumn(-1);
  private readonly creditLength = narrowColumn();
  private readonly shareValues = new Dictionary();
  private creditSlots = 0;
  /**
   * Customers whose first order must be found again (it was removed, moved to another
   * customer or dated later), during a batch ({@link batch}); null outside one, where it is
   * found at once. Found by one pass over the orders at the batch's end: no list of a
   * customer's orders is kept (3 bytes per order; issue 5, memory). While pending, a
   * customer's `firstOrder` is −1 and its first-order contribution is not in the cube.
   */
  private pendingFirst: Set<number> | null = null;
  /**
   * Orders some payment has named (never cleared): an order without the bit has no payment, so
   * changing it needs no search. An order's payments are otherwise found through
   * {@link PaymentsByOrder}, built per batch ({@link withPaymentsOf}) — no list per order.
   */
  private readonly paidOrders = new BitColumn();
  /** The index of the batch being loaded; any change of payments drops it. */
  private paymentsCache: PaymentsByOrder | null = null;

  constructor(
    private readonly people: Dictionary,
    private readonly cube: CreditCube,
    private readonly dates = new DayParser(),
  ) {
    this.corrections = new SplitCorrections(people);
  }

  /** Replaces the org chart the unit corrections follow, and recomputes them. */
  setOrg(org: OrgChart): void {
    this.corrections.reset(org);
    // The alive orders credited to two or more people (applyOrder's corrections) …
    this.creditStart.forEach((order, start) => {
      if (this.alive.get(order) && this.creditLength.get(start) > 1 && this.amount.get(order) > 0)
        this.corrections.apply(this.creditedPeople(order), this.day.get(order), CORRECTION.orders, 1);
    });
    // … and every customer's first order (applyFirst's).
    for (let customer = 0; customer < this.customers.size; customer++) {
      const first = this.firstOrder.get(customer);
      if (first < 0) continue;
      this.corrections.apply(this.creditedPeople(first), this.day.get(first), CORRECTION.newCustomers, 1);
    }
  }

  /**
   * Runs `work` — changes of the orders named — as one batch (FactStore.load: orders and
   * credits come before the batch's payments): their payments indexed in one pass over the
   * payments, and the first orders that must be found again found in one pass over the orders
   * at the end. Orders that no payment has named need no index: a first load builds none.
   */
  batch(orderIds: () => Iterable<string>, work: () => void): void {
    const wanted = new Set<number>();
    // No payment yet (a first load, before its payments): no order to look up.
    for (const id of this.paymentIds.size > 0 ? orderIds() : []) {
      const order = this.ids.find(id);
      if (order >= 0 && this.paidOrders.get(order)) wanted.add(order);
    }
    this.paymentsCache = wanted.size > 0 ? PaymentsByOrder.of(this.paymentColumns(), wanted) : null;
    this.pendingFirst = new Set();
    try {
      work();
    } finally {
      this.paymentsCache = null;
      const pending = this.pendingFirst;
      this.pendingFirst = null;
      this.findFirsts(pending);
    }
  }

  /** Inserts or replaces an order by id. */
  upsertOrder(fact: OrderFact): void {
    const order = this.ids.intern(fact.id);
    const oldCustomer = this.alive.get(order) ? this.customer.get(order) : -1;
    const oldDay = this.day.get(order);
    const newCustomer = this.customers.intern(fact.customerId);
    const newDay = this.dates.day(fact.date);
    // Only a customer whose first order is this one, or becomes it, needs its first-order
    // contribution redone: most new orders leave every first order as it was.
    const wasFirst = oldCustomer >= 0 && this.firstOrder.get(oldCustomer) === order;
    if (wasFirst) this.applyFirst(order, -1);
    this.contribute(order, [], -1);
    this.alive.set(order, 1);
    this.day.set(order, newDay);
    this.rep.set(order, this.people.intern(fact.repId));
    this.customer.set(order, newCustomer);
    this.product.set(order, this.products.intern(fact.productId));
    this.amount.set(order, fact.amount);
    this.cost.set(order, fact.cost ?? 0);
    this.contribute(order, [], 1);
    // Still first when it stays with its customer and comes no later (its id is the same).
    if (wasFirst && oldCustomer === newCustomer && newDay <= oldDay) this.applyFirst(order, 1);
    else {
      if (wasFirst) this.refindFirst(oldCustomer);
      this.offerFirst(newCustomer, order);
    }
  }

  /** Removes an order by id (its payments stay, credited to nobody until it returns). */
  removeOrder(id: string): void {
    const order = this.ids.find(id);
    if (order < 0 || !this.alive.get(order)) return;
    const customer = this.customer.get(order);
    const wasFirst = this.firstOrder.get(customer) === order;
    if (wasFirst) this.applyFirst(order, -1);
    this.contribute(order, [], -1);
    this.alive.set(order, 0);
    if (wasFirst) this.refindFirst(customer);
  }

  /**
   * Replaces an order's credit shares (contract §2 order_credits: they replace the order's
   * rep_id); null or [] restores the rep_id. Throws on invalid shares.
   */
  setOrderCredits(orderId: string, shares: readonly CreditShare[] | null): void {
    if (shares && shares.length > 0) {
      const problem = validateShares(shares);
      if (problem) throw new RangeError(`order ${orderId}: ${problem}`);
    }
    const order = this.ids.intern(orderId);
    const touched = this.alive.get(order) ? [this.customer.get(order)] : [];
    this.contribute(order, touched, -1);
    if (shares && shares.length > 0) {
      let start = this.creditStart.get(order);
      if (start === undefined || this.creditLength.get(start) !== shares.length) {
        start = this.creditSlots;
        this.creditSlots += shares.length;
      }
      shares.forEach((s, i) => {
        this.creditPerson.set(start + i, this.people.intern(s.repId));
        this.creditShare.set(start + i, this.shareValues.intern(s.share));
      });
      this.creditLength.set(start, shares.length);
      this.creditStart.set(order, start);
    } else {
      this.creditStart.delete(order);
    }
    this.contribute(order, touched, 1);
  }

  /** Inserts or replaces a payment by id. */
  upsertPayment(fact: PaymentFact): void {
    const payment = this.paymentIds.intern(fact.id);
    this.paymentsCache = null;
    this.applyPayment(payment, -1);
    const order = this.ids.intern(fact.orderId);
    this.paymentAlive.set(payment, 1);
    this.paymentDay.set(payment, this.dates.day(fact.date));
    this.paymentOrder.set(payment, order);
    this.paymentAmount.set(payment, fact.amount);
    this.paidOrders.set(order, 1);
    this.applyPayment(payment, 1);
  }

  removePayment(id: string): void {
    const payment = this.paymentIds.find(id);
    if (payment < 0 || !this.paymentAlive.get(payment)) return;
    this.paymentsCache = null;
    this.applyPayment(payment, -1);
    this.paymentAlive.set(payment, 0);
  }

  /**
   * The order's alive payments: none without its bit in `paidOrders`, else from the batch's
   * index, else (a change outside FactStore.load's batches) from a pass over the payments.
   */
  paymentsOf(order: number): ArrayLike<number> {
    if (!this.paidOrders.get(order)) return NO_PAYMENTS;
    return (
      this.paymentsCache?.of(order) ?? PaymentsByOrder.of(this.paymentColumns(), new Set([order])).of(order)!
    );
  }

  private paymentColumns(): PaymentColumns {
    return {
      payments: this.paymentIds.size,
      orders: this.ids.size,
      alive: this.paymentAlive.raw(),
      orderOf: (payment) => this.paymentOrder.get(payment),
    };
  }

  /** The people an order credits (its shares' reps, or its rep_id). */
  creditedPeople(order: number): number[] {
    const start = this.creditStart.get(order);
    if (start === undefined) return [this.rep.get(order)];
    const people: number[] = [];
    for (let i = 0; i < this.creditLength.get(start); i++) people.push(this.creditPerson.get(start + i));
    return people;
  }

  /** How many of the order's credited people satisfy `inside` (no allocation: a hot path). */
  countCredited(order: number, inside: (person: number) => boolean): number {
    const start = this.creditStart.get(order);
    if (start === undefined) return inside(this.rep.get(order)) ? 1 : 0;
    let n = 0;
    for (let i = 0; i < this.creditLength.get(start); i++) if (inside(this.creditPerson.get(start + i))) n++;
    return n;
  }

  /** The one person an order credits, or −1 when it is split between several (a fast path). */
  soloPerson(order: number): number {
    const start = this.creditStart.get(order);
    if (start === undefined) return this.rep.get(order);
    return this.creditLength.get(start) === 1 ? this.creditPerson.get(start) : -1;
  }

  /** An amount of fen split by the order's credits (contract §4). */
  creditedParts(order: number, amount: number): CreditedPart[] {
    const solo = this.soloPerson(order);
    if (solo >= 0) return [{ person: solo, amount }];
    const start = this.creditStart.get(order)!;
    const people = this.creditedPeople(order);
    const shares = people.map((person, i) => ({
      repId: this.people.name(person),
      share: this.shareValues.name(this.creditShare.get(start + i)),
    }));
    const parts = splitCredit(fen(amount), shares);
    return parts.map((part, i) => ({ person: people[i]!, amount: part.amount }));
  }

  /** True when order a comes before order b: earlier date, then smaller id (contract §5). */
  isBefore(a: number, b: number): boolean {
    const da = this.day.get(a);
    const db = this.day.get(b);
    return da !== db ? da < db : this.ids.name(a) < this.ids.name(b);
  }

  /** Applies (+1) or retracts (−1) the order's own contribution, its payments' and `customers`' first orders'. */
  private contribute(order: number, customers: readonly number[], sign: number): void {
    const payments = this.paymentsOf(order);
    this.applyOrder(order, sign);
    for (let i = 0; i < payments.length; i++) this.applyPayment(payments[i]!, sign);
    for (const customer of customers) this.applyFirst(this.firstOrder.get(customer), sign);
  }

  private applyOrder(order: number, sign: number): void {
    if (!this.alive.get(order)) return;
    const day = this.day.get(order);
    const amount = this.amount.get(order);
    const solo = this.soloPerson(order);
    // SALES.revenue, SALES.cost, SALES.orders are measures 0, 1, 2
    if (solo >= 0) {
      this.cube.addRow(solo, day, [sign * amount, sign * this.cost.get(order), amount > 0 ? sign : 0]);
      return;
    }
    const revenue = this.creditedParts(order, amount);
    const cost = this.creditedParts(order, this.cost.get(order));
    for (let i = 0; i < revenue.length; i++) {
      this.cube.addRow(revenue[i]!.person, day, [
        sign * revenue[i]!.amount,
        sign * cost[i]!.amount,
        amount > 0 ? sign : 0,
      ]);
    }
    if (revenue.length > 1 && amount > 0)
      this.corrections.apply(this.creditedPeople(order), day, CORRECTION.orders, sign);
  }

  private applyPayment(payment: number, sign: number): void {
    if (!this.paymentAlive.get(payment)) return;
    const order = this.paymentOrder.get(payment);
    if (!this.alive.get(order)) return;
    const day = this.paymentDay.get(payment);
    for (const part of this.creditedParts(order, this.paymentAmount.get(payment))) {
      this.cube.add(part.person, day, SALES.collected, sign * part.amount);
    }
  }

  private applyFirst(first: number, sign: number): void {
    if (first < 0) return;
    const day = this.day.get(first);
    const people = this.creditedPeople(first);
    for (const person of people) this.cube.add(person, day, SALES.newCustomers, sign);
    this.corrections.apply(people, day, CORRECTION.newCustomers, sign);
  }

  /** An alive order of `customer` that may come before its first (whose contribution is in). */
  private offerFirst(customer: number, order: number): void {
    if (this.pendingFirst?.has(customer)) return; // found at the batch's end, with this order
    const first = this.firstOrder.get(customer);
    if (first >= 0 && !this.isBefore(order, first)) return;
    this.applyFirst(first, -1);
    this.firstOrder.set(customer, order);
    this.applyFirst(order, 1);
  }

  /** The customer's first order left (its contribution is out): find it again, now or at the batch's end. */
  private refindFirst(customer: number): void {
    this.firstOrder.set(customer, -1);
    if (this.pendingFirst) this.pendingFirst.add(customer);
    else this.findFirsts(new Set([customer]));
  }

  /** Finds the first alive order of each customer in one pass over the orders, and applies it. */
  private findFirsts(customers: ReadonlySet<number>): void {
    if (customers.size === 0) return;
    const alive = this.alive.raw();
    for (let order = 0; order < this.ids.size; order++) {
      if (!bitOf(alive, order)) continue;
      const customer = this.customer.get(order);
      if (!customers.has(customer)) continue;
      const first = this.firstOrder.get(customer);
      if (first < 0 || this.isBefore(order, first)) this.firstOrder.set(customer, order);
    }
    for (const customer of customers) this.applyFirst(this.firstOrder.get(customer), 1);
  }

  /**
   * Calls `visit(order)` for every alive order, dated in [from, to], of a customer whose first
   * order ever is in [from, to] (contract §5 new_customer_revenue): one pass over the orders.
   */
  forEachNewCustomerOrder(from: number, to: number, visit: (order: number) => void): void {
    const isNew = new Uint8Array(this.customers.size);
    for (let customer = 0; customer < isNew.length; customer++) {
      const first = this.firstOrder.get(customer);
      if (first < 0) continue;
      const day = this.day.get(first);
      if (day >= from && day <= to) isNew[customer] = 1;
    }
    const alive = this.alive.raw();
    const days = this.day.raw();
    for (let order = 0; order < this.ids.size; order++) {
      const day = days[order]!;
      if (day < from || day > to || !bitOf(alive, order)) continue;
      if (isNew[this.customer.get(order)] === 1) visit(order);
    }
  }
}
