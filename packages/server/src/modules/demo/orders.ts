/**
 * Orders (sales): each rep sells month by month according to their skill, their ramp-up as a
 * newcomer, the season (春节 trough, quarter-end and December peaks) and the company's growth.
 * They sell mostly to customers of their own region and mostly to customers they sold to before.
 */
import { fen, formatMoney } from '@attain/engine';
import { dayWeight, iso, type Month, seasonOf } from './calendar.ts';
import { PRODUCTS, type Product } from './catalog.ts';
import { type Customer, type CustomerBook, TYPE_PROFILE } from './customers.ts';
import { type Rep, rampOf, teamOn } from './org.ts';
import type { Random } from './random.ts';
import { numberByDate, repMonths } from './schedule.ts';
import type { OrderRecord } from './types.ts';

/** Orders an average, fully ramped rep closes in an average month. */
const ORDERS_PER_MONTH = 19;
/** Year-on-year growth of the business, so `_yoy` metrics have something to show. */
const ANNUAL_GROWTH = 0.15;
/** Share of a rep's orders that go to a customer they already sold to. */
const REPEAT_SHARE = 0.6;
/** Share of a rep's new customers found outside their region (national accounts, referrals). */
const OUT_OF_REGION = 0.08;

/** A generated order, before it becomes a record (amounts in fen). */
export interface Sale {
  id: string;
  readonly day: number;
  readonly rep: Rep;
  readonly customer: Customer;
  readonly product: Product;
  readonly amount: number;
  readonly cost: number;
}

export function toOrderRecord(sale: Sale): OrderRecord {
  return {
    id: sale.id,
    date: iso(sale.day),
    rep_id: sale.rep.id,
    customer_id: sale.customer.id,
    product_id: sale.product.id,
    amount: formatMoney(fen(sale.amount)),
    cost: formatMoney(fen(sale.cost)),
  };
}

/** Orders a rep of that skill and ramp closes in a full month: the model behind sales and goals. */
export function expectedOrders(skill: number, ramp: number, month: Month, firstDay: number): number {
  const growth = 1 + (ANNUAL_GROWTH * (month.first - firstDay)) / 365;
  return ORDERS_PER_MONTH * skill * ramp * seasonOf(month.month) * growth;
}

/** Every sale of every rep over the months, ordered by date and numbered SO<date>-<n>. */
export function generateSales(
  random: Random,
  reps: readonly Rep[],
  months: readonly Month[],
  customers: CustomerBook,
  today: number,
): Sale[] {
  const sales: Sale[] = [];
  const firstDay = (months[0] as Month).first;
  const portfolios = new Map<Rep, { customers: Customer[]; known: Set<string> }>();
  for (const { rep, month, days, share } of repMonths(reps, months, today)) {
    let portfolio = portfolios.get(rep);
    if (!portfolio) {
      portfolio = { customers: [], known: new Set() };
      portfolios.set(rep, portfolio);
    }
    const middle = days[Math.floor(days.length / 2)] as number;
    const mean = expectedOrders(rep.skill, rampOf(rep, middle), month, firstDay) * share;
    const weights = days.map(dayWeight);
    for (let n = random.poisson(mean); n > 0; n--) {
      const saleDay = random.weighted(days, weights);
      const customer = pickCustomer(random, rep, saleDay, customers, portfolio.customers, portfolio.known);
      const product = random.weighted(PRODUCTS, POPULARITY);
      const amount = drawAmount(random, product, customer);
      const margin = random.between(product.margin[0], product.margin[1]);
      sales.push({
        id: '',
        day: saleDay,
        rep,
        customer,
        product,
        amount,
        cost: Math.round(amount * (1 - margin)),
      });
    }
  }
  return numberByDate(sales, 'SO');
}

const POPULARITY = PRODUCTS.map((p) => p.popularity);

function pickCustomer(
  random: Random,
  rep: Rep,
  saleDay: number,
  customers: CustomerBook,
  portfolio: Customer[],
  known: Set<string>,
): Customer {
  if (portfolio.length > 0 && random.chance(REPEAT_SHARE)) return random.pick(portfolio);
  const home = teamOn(rep, saleDay).region.customerRegion;
  const pool = random.chance(OUT_OF_REGION) ? customers.all : (customers.byRegion.get(home) ?? customers.all);
  const customer = random.pick(pool.length > 0 ? pool : customers.all);
  if (!known.has(customer.id)) {
    known.add(customer.id);
    portfolio.push(customer);
  }
  return customer;
}

/** Yuan amount in fen: list price skewed to the low end, scaled by customer size; some discounted to the fen. */
function drawAmount(random: Random, product: Product, customer: Customer): number {
  const u = random.float();
  const list = product.minPrice + (product.maxPrice - product.minPrice) * u * u;
  const yuan = list * TYPE_PROFILE[customer.type].dealSize * Math.exp(random.normal(0, 0.2));
  const rounded = random.chance(0.6)
    ? Math.max(100, Math.round(yuan / 100) * 100)
    : Math.max(1, Math.round(yuan));
  // 折扣: a negotiated discount leaves fen in the amount (e.g. 12800 × 0.95 = 12160.00, 9999 × 0.88 = 8799.12).
  const discount = random.chance(0.2) ? random.pick([0.98, 0.95, 0.9, 0.88, 0.85]) : 1;
  return Math.round(rounded * 100 * discount);
}
