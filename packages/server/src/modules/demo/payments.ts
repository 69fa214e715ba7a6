/**
 * Payments (回款): cash comes in 0–120 days after the order, later from government and schools
 * (budget cycles) than from companies. Some orders are paid in two instalments (预付款 + 尾款),
 * some only in part, a few never (坏账); nothing is dated after today, so recent orders are
 * still open. What a customer pays never exceeds the order net of its returns.
 */
import { fen, formatMoney } from '@attain/engine';
import { iso } from './calendar.ts';
import { TYPE_PROFILE } from './customers.ts';
import type { Sale } from './orders.ts';
import type { Random } from './random.ts';
import type { Return } from './returns.ts';
import { numberByDate } from './schedule.ts';
import type { PaymentRecord } from './types.ts';

const MAX_LAG_DAYS = 120;

interface Payment {
  id: string;
  readonly day: number;
  readonly rep: Sale['rep'];
  readonly amount: number;
  readonly sale: Sale;
}

export function generatePayments(
  random: Random,
  sales: readonly Sale[],
  returns: readonly Return[],
  today: number,
): PaymentRecord[] {
  const returned = new Map<Sale, number>();
  for (const r of returns) returned.set(r.sale, (returned.get(r.sale) ?? 0) + r.amount);
  const payments: Payment[] = [];
  for (const sale of sales) {
    const net = sale.amount + (returned.get(sale) ?? 0);
    if (net <= 0) continue;
    for (const [offset, amount] of instalments(random, sale, net)) {
      const day = sale.day + offset;
      if (day <= today && amount > 0) payments.push({ id: '', day, rep: sale.rep, amount, sale });
    }
  }
  return numberByDate(payments, 'PM').map((p) => ({
    id: p.id,
    date: iso(p.day),
    order_id: p.sale.id,
    amount: formatMoney(fen(p.amount)),
  }));
}

/** [days after the order, fen] of each payment the customer will make. */
function instalments(random: Random, sale: Sale, net: number): [number, number][] {
  const badDebt = 0.015 + 0.04 * (1 - sale.rep.quality);
  if (random.chance(badDebt)) return [];
  const [minLag, maxLag] = TYPE_PROFILE[sale.customer.type].payLagDays;
  const lag = Math.min(MAX_LAG_DAYS, random.int(minLag, maxLag));
  const plan = random.float();
  if (plan < 0.2) {
    // 预付款 30% or 50% at signing, 尾款 on delivery.
    const deposit = Math.round(net * random.pick([0.3, 0.5]));
    return [
      [random.int(0, 10), deposit],
      [Math.max(lag, 11), net - deposit],
    ];
  }
  if (plan < 0.3) return [[lag, Math.round(net * random.between(0.5, 0.9))]]; // 尾款 still outstanding
  return [[lag, net]];
}
