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
import type { CreditCube } from './credit-cube.ts';
import type { OrderFact, PaymentFact } from './facts.ts';
import {
  BitColumn,
  DayParser,
  Dictionary,
  FenColumn,
  int32Column,
  type NarrowColumn,
  narrowColumn,
  toggle,
} from './growable.ts';
import { SALES } from './measures.ts';
import { CORRECTION, SplitCorrections } from './split-corrections.ts';

/** Credited part of an amount: person index and fen. */
export interface CreditedPart {
  readonly person: number;
  readonly amount: number;
}

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
  /** Day → customers whose first order is on that day. */
  readonly firstByDay = new Map<number, Set<number>>();
  /** Day → alive orders credited to two or more reps (for once-per-unit counting). */
  readonly splitByDay = new Map<number, Set<number>>();
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
   * split order (issue 5, memory). An order given shares again reuses its slots when the count
   * is the same (a re-import) and takes new ones otherwise; the old ones stay unused.
   */
  private readonly creditStart = new Map<number, number>();
  private readonly creditPerson = int32Column(-1);
  private readonly creditShare = int32Column(-1);
  private readonly creditLength = int32Column();
  private readonly shareValues = new Dictionary();
  private creditSlots = 0;
  /**
   * The alive orders of each customer and the alive payments of each order, as singly linked
   * lists threaded through index columns (head per customer / order, next per order / payment;
   * NarrowColumn: three bytes a row below 16.7 million rows):
   * no JS array or Map entry per order, so memory and a snapshot's restore stay typed arrays
   * (issue 5). −1 ends a list. Taking a member out walks its list from the head, like
   * recomputing a customer's first order already does: a member leaves only when it changes
   * owner or is removed, and a back pointer would cost 4 bytes per order and per payment.
   */
  private readonly customerHead = narrowColumn(-1);
  private readonly nextOfCustomer = narrowColumn(-1);
  private readonly orderHead = narrowColumn(-1);
  private readonly nextOfOrder = narrowColumn(-1);

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
    for (const [day, orders] of this.splitByDay) {
      for (const order of orders) {
        if (this.amount.get(order) > 0)
          this.corrections.apply(this.creditedPeople(order), day, CORRECTION.orders, 1);
      }
    }
    for (const [day, customers] of this.firstByDay) {
      for (const customer of customers) {
        const people = this.creditedPeople(this.firstOrder.get(customer));
        this.corrections.apply(people, day, CORRECTION.newCustomers, 1);
      }
    }
  }

  /** Inserts or replaces an order by id. */
  upsertOrder(fact: OrderFact): void {
    const order = this.ids.intern(fact.id);
    const oldCustomer = this.alive.get(order) ? this.customer.get(order) : -1;
    const newCustomer = this.customers.intern(fact.customerId);
    const touched =
      oldCustomer >= 0 && oldCustomer !== newCustomer ? [oldCustomer, newCustomer] : [newCustomer];
    // Only a customer whose first order is this one, or changes, needs its first-order
    // contribution redone: most new orders leave every first order as it was.
    const firstsBefore = touched.map((customer) => this.firstOrder.get(customer));
    touched.forEach((customer, i) => {
      if (firstsBefore[i] === order) this.applyFirst(customer, order, -1);
    });
    this.contribute(order, [], -1);
    this.alive.set(order, 1);
    this.day.set(order, this.dates.day(fact.date));
    this.rep.set(order, this.people.intern(fact.repId));
    this.customer.set(order, newCustomer);
    this.product.set(order, this.products.intern(fact.productId));
    this.amount.set(order, fact.amount);
    this.cost.set(order, fact.cost ?? 0);
    if (oldCustomer !== newCustomer) {
      if (oldCustomer >= 0) this.detach(oldCustomer, order);
      link(this.customerHead, this.nextOfCustomer, newCustomer, order);
    }
    const first = this.firstOrder.get(newCustomer);
    if (first === order) this.recomputeFirst(newCustomer);
    else if (first < 0 || this.isBefore(order, first)) this.firstOrder.set(newCustomer, order);
    this.contribute(order, [], 1);
    touched.forEach((customer, i) => {
      const before = firstsBefore[i]!;
      const now = this.firstOrder.get(customer);
      if (before === order) this.applyFirst(customer, now, 1);
      else if (now !== before) {
        this.applyFirst(customer, before, -1); // an order other than this one: its state is unchanged
        this.applyFirst(customer, now, 1);
      }
    });
  }

  /** Removes an order by id (its payments stay, credited to nobody until it returns). */
  removeOrder(id: string): void {
    const order = this.ids.find(id);
    if (order < 0 || !this.alive.get(order)) return;
    const customer = this.customer.get(order);
    this.contribute(order, [customer], -1);
    this.alive.set(order, 0);
    this.detach(customer, order);
    this.contribute(order, [customer], 1);
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
    this.applyPayment(payment, -1);
    const order = this.ids.intern(fact.orderId);
    if (this.paymentAlive.get(payment)) this.detachPayment(payment);
    this.paymentAlive.set(payment, 1);
    this.paymentDay.set(payment, this.dates.day(fact.date));
    this.paymentOrder.set(payment, order);
    this.paymentAmount.set(payment, fact.amount);
    link(this.orderHead, this.nextOfOrder, order, payment);
    this.applyPayment(payment, 1);
  }

  removePayment(id: string): void {
    const payment = this.paymentIds.find(id);
    if (payment < 0 || !this.paymentAlive.get(payment)) return;
    this.applyPayment(payment, -1);
    this.detachPayment(payment);
    this.paymentAlive.set(payment, 0);
  }

  private detachPayment(payment: number): void {
    unlink(this.orderHead, this.nextOfOrder, this.paymentOrder.get(payment), payment);
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

  /** Alive orders of a customer (in no particular order). */
  ordersOf(customer: number): number[] {
    const orders: number[] = [];
    for (let order = this.customerHead.get(customer); order >= 0; order = this.nextOfCustomer.get(order))
      orders.push(order);
    return orders;
  }

  /** The alive payments of an order, for a loop without allocation: −1 when none is left. */
  firstPaymentOf(order: number): number {
    return this.orderHead.get(order);
  }
  nextPaymentAfter(payment: number): number {
    return this.nextOfOrder.get(payment);
  }

  /** True when order a comes before order b: earlier date, then smaller id (contract §5). */
  isBefore(a: number, b: number): boolean {
    const da = this.day.get(a);
    const db = this.day.get(b);
    return da !== db ? da < db : this.ids.name(a) < this.ids.name(b);
  }

  private contribute(order: number, customers: readonly number[], sign: number): void {
    if (sign > 0) {
      this.applyOrder(order, sign);
      for (let p = this.orderHead.get(order); p >= 0; p = this.nextOfOrder.get(p)) this.applyPayment(p, sign);
      for (const customer of customers) this.applyFirst(customer, this.firstOrder.get(customer), sign);
    } else {
      for (const customer of customers) this.applyFirst(customer, this.firstOrder.get(customer), sign);
      for (let p = this.orderHead.get(order); p >= 0; p = this.nextOfOrder.get(p)) this.applyPayment(p, sign);
      this.applyOrder(order, sign);
    }
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
    if (revenue.length > 1) {
      toggle(this.splitByDay, day, order, sign);
      if (amount > 0) this.corrections.apply(this.creditedPeople(order), day, CORRECTION.orders, sign);
    }
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

  private applyFirst(customer: number, first: number, sign: number): void {
    if (first < 0) return;
    const day = this.day.get(first);
    const people = this.creditedPeople(first);
    for (const person of people) this.cube.add(person, day, SALES.newCustomers, sign);
    this.corrections.apply(people, day, CORRECTION.newCustomers, sign);
    toggle(this.firstByDay, day, customer, sign);
  }

  private detach(customer: number, order: number): void {
    unlink(this.customerHead, this.nextOfCustomer, customer, order);
    if (this.firstOrder.get(customer) === order) this.recomputeFirst(customer);
  }

  private recomputeFirst(customer: number): void {
    let first = -1;
    for (const order of this.ordersOf(customer)) if (first < 0 || this.isBefore(order, first)) first = order;
    this.firstOrder.set(customer, first);
  }
}

type IndexColumn = NarrowColumn;

/** Puts `member` at the head of `owner`'s list (it must not be in a list). */
function link(head: IndexColumn, next: IndexColumn, owner: number, member: number): void {
  next.set(member, head.get(owner));
  head.set(owner, member);
}

/** Takes `member` out of `owner`'s list; a member not in it is left alone. */
function unlink(head: IndexColumn, next: IndexColumn, owner: number, member: number): void {
  let before = -1;
  let at = head.get(owner);
  while (at >= 0 && at !== member) {
    before = at;
    at = next.get(at);
  }
  if (at < 0) return;
  if (before >= 0) next.set(before, next.get(member));
  else head.set(owner, next.get(member));
  next.set(member, -1);
}
