/**
 * The alive payments of some orders, found in one pass over the payment → order column and
 * dropped after the batch that needed them (issue 5, memory).
 *
 * Why not a list per order kept up to date: an order's payments are only needed when the order
 * itself changes (its contribution and its payments' are retracted and applied again), which a
 * first load never does — orders come before their payments — and a re-import does once per
 * batch. The lists cost 3 bytes per order and 3 per payment for all the store's life; one pass
 * over 7 million payments costs a few tens of milliseconds per batch that changes paid orders.
 *
 * Two shapes: for a few orders, a Map from each to its payments; for many (more than an eighth
 * of all orders, where the Map's entries would cost more than the offsets), payments counted and
 * laid out by order in two Int32Arrays (offsets per order, payments in order of order).
 */
import { bitOf } from './capacity.ts';

const NONE: readonly number[] = [];

/** What the index reads: the payment columns of an order book. */
export interface PaymentColumns {
  readonly payments: number;
  readonly orders: number;
  /** Alive bits of the payments (BitColumn.raw()). */
  readonly alive: Int32Array;
  orderOf(payment: number): number;
}

export class PaymentsByOrder {
  private constructor(
    private readonly few: Map<number, number[]> | null,
    private readonly offsets: Int32Array | null,
    private readonly list: Int32Array | null,
  ) {}

  /** The index of `wanted`'s payments (every order's when `wanted` is 'all'). */
  static of(columns: PaymentColumns, wanted: ReadonlySet<number> | 'all'): PaymentsByOrder {
    if (wanted === 'all' || wanted.size * 8 > columns.orders) return PaymentsByOrder.everyOrder(columns);
    const few = new Map<number, number[]>();
    for (const order of wanted) few.set(order, []);
    for (let payment = 0; payment < columns.payments; payment++) {
      if (!bitOf(columns.alive, payment)) continue;
      few.get(columns.orderOf(payment))?.push(payment);
    }
    return new PaymentsByOrder(few, null, null);
  }

  private static everyOrder(columns: PaymentColumns): PaymentsByOrder {
    const offsets = new Int32Array(columns.orders + 1);
    let alive = 0;
    for (let payment = 0; payment < columns.payments; payment++) {
      if (!bitOf(columns.alive, payment)) continue;
      offsets[columns.orderOf(payment) + 1]!++;
      alive++;
    }
    for (let order = 0; order < columns.orders; order++) offsets[order + 1]! += offsets[order]!;
    const list = new Int32Array(alive);
    const filled = offsets.slice(0, columns.orders);
    for (let payment = 0; payment < columns.payments; payment++) {
      if (bitOf(columns.alive, payment)) list[filled[columns.orderOf(payment)]!++] = payment;
    }
    return new PaymentsByOrder(null, offsets, list);
  }

  /** The order's alive payments, or undefined when the index was not built for it. */
  of(order: number): ArrayLike<number> | undefined {
    if (this.few) return this.few.get(order);
    const offsets = this.offsets!;
    if (order + 1 >= offsets.length) return NONE;
    return this.list!.subarray(offsets[order]!, offsets[order + 1]!);
  }
}
