/**
 * Returns (退货): about 2.5% of sales come back, in full or in part, 1–8 weeks later. A return
 * is an order with a negative amount for the same rep, customer and product as the sale.
 */
import type { Sale } from './orders.ts';
import type { Random } from './random.ts';
import { numberByDate } from './schedule.ts';

const RETURN_RATE = 0.025;

export interface Return {
  id: string;
  readonly day: number;
  readonly sale: Sale;
  /** Negative fen. */
  readonly amount: number;
  readonly cost: number;
  readonly rep: Sale['rep'];
}

/** Returns of the given sales (never of split orders, whose credit would need splitting too). */
export function generateReturns(
  random: Random,
  sales: readonly Sale[],
  splitIds: ReadonlySet<string>,
  today: number,
): Return[] {
  const returns: Return[] = [];
  for (const sale of sales) {
    if (splitIds.has(sale.id) || !random.chance(RETURN_RATE)) continue;
    const lastDay = Math.min(today, sale.rep.leave ?? today);
    const day = Math.min(lastDay, sale.day + random.int(7, 56));
    if (day <= sale.day) continue;
    const ratio = random.chance(0.65) ? 1 : random.between(0.2, 0.7);
    const amount = -Math.round(sale.amount * ratio);
    const cost = -Math.round(sale.cost * ratio);
    if (amount === 0) continue;
    returns.push({ id: '', day, sale, amount, cost, rep: sale.rep });
  }
  return numberByDate(returns, 'RT');
}
