/**
 * The demo company, generated: a pure function of the seed, "today" and the size.
 * Each concern draws from its own random stream, so changing how (say) surveys are drawn
 * leaves the orders of a seed as they were.
 */
import { isIsoDate } from '@attain/engine';
import { generateActivities } from './activities.ts';
import { day, monthsUpTo } from './calendar.ts';
import { productRecords } from './catalog.ts';
import { generateCredits } from './credits.ts';
import { generateCustomers } from './customers.ts';
import { generateComplaints, generateSurveys } from './feedback.ts';
import { generateGoals } from './goals.ts';
import { generateSales, toOrderRecord } from './orders.ts';
import { generateOrg } from './org.ts';
import { generatePayments } from './payments.ts';
import { generateLeads, generateOpportunities } from './pipeline.ts';
import { Random } from './random.ts';
import { generateReturns } from './returns.ts';
import { type DemoCompany, type DemoOptions, FULL_SIZE, type OrderRecord } from './types.ts';

const CUSTOMERS_PER_REP = 25;

/**
 * @example generateDemoCompany({ seed: 1, today: '2026-11-23' }).people[0].id // 'A001'
 * @example generateDemoCompany({ seed: 1, today: '2026-11-23', size: { reps: 12, months: 3 } })
 */
export function generateDemoCompany(options: DemoOptions): DemoCompany {
  const { seed, size = FULL_SIZE } = options;
  if (!isIsoDate(options.today)) throw new RangeError(`today must be a YYYY-MM-DD date: ${options.today}`);
  if (!Number.isSafeInteger(seed)) throw new RangeError(`the seed must be an integer: ${seed}`);
  if (size.reps < 1 || size.months < 1) throw new RangeError('the demo needs at least one rep and one month');
  const today = day(options.today);
  const months = monthsUpTo(today, size.months);
  const start = (months[0] as (typeof months)[number]).first;
  const random = new Random(`attain-demo/${seed}/${options.today}`);

  const org = generateOrg(random.fork('org'), size, today, start);
  const customers = generateCustomers(random.fork('customers'), size.reps * CUSTOMERS_PER_REP, org.teams);
  const sales = generateSales(random.fork('orders'), org.reps, months, customers, today);
  const credits = generateCredits(random.fork('credits'), sales, org.reps);
  const splitIds = new Set(credits.map((c) => c.order_id));
  const returns = generateReturns(random.fork('returns'), sales, splitIds, today);
  const orders: OrderRecord[] = [
    ...sales.map(toOrderRecord),
    ...returns.map((r) => toOrderRecord({ ...r.sale, id: r.id, day: r.day, amount: r.amount, cost: r.cost })),
  ].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : a.id < b.id ? -1 : 1));

  return {
    units: org.units,
    people: org.people,
    unit_moves: org.moves,
    products: productRecords(),
    customers: customers.records,
    orders,
    order_credits: credits,
    payments: generatePayments(random.fork('payments'), sales, returns, today),
    activities: generateActivities(random.fork('activities'), org.reps, months, customers, today),
    leads: generateLeads(random.fork('leads'), org.reps, months, today),
    opportunities: generateOpportunities(random.fork('opportunities'), org.reps, months, customers, today),
    surveys: generateSurveys(random.fork('surveys'), org.reps, months, customers, today),
    complaints: generateComplaints(random.fork('complaints'), org.reps, months, customers, today),
    goals: generateGoals(org, sales, Number(options.today.slice(0, 4)), start),
  };
}
