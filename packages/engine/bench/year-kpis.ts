/**
 * Benchmark (not part of the test suite): a year's KPIs over N synthetic orders.
 *   node --max-old-space-size=8192 node_modules/.bin/tsx packages/engine/bench/year-kpis.ts [orders=10000000]
 * Prints load time and the time of computeMetrics for the company, a team and a person.
 */
import {
  BASE_METRICS,
  computeMetrics,
  FactStore,
  fen,
  fromDayNumber,
  OrgChart,
  toDayNumber,
} from '../src/index.ts';

const argv = (globalThis as unknown as { process: { argv: string[] } }).process.argv;
const ORDERS = Number(argv[2] ?? 10_000_000);
const REPS = 1000;
const TEAMS = 50;
const CUSTOMERS = 100_000;
const START = toDayNumber('2024-01-01');
const DAYS = 3 * 365;

let seed = 42;
const random = () => {
  seed = (Math.imul(seed, 1_664_525) + 1_013_904_223) >>> 0;
  return seed / 2 ** 32;
};
const pick = (n: number) => Math.floor(random() * n);

const units = [{ id: 'co' }, ...Array.from({ length: TEAMS }, (_, t) => ({ id: `t${t}`, parentId: 'co' }))];
const people = Array.from({ length: REPS }, (_, r) => ({ id: `r${r}`, unitId: `t${r % TEAMS}` }));
const moves = Array.from({ length: 100 }, (_, i) => ({
  personId: `r${i * 7}`,
  unitId: `t${i % TEAMS}`,
  effectiveFrom: '2026-08-01',
}));
const store = new FactStore();
store.setOrg(new OrgChart(units, people, moves));
const dates = Array.from({ length: DAYS }, (_, d) => fromDayNumber(START + d));

let t = performance.now();
for (let i = 0; i < ORDERS; i++) {
  const rep = pick(REPS);
  store.upsertOrder({
    id: `o${i}`,
    date: dates[pick(DAYS)]!,
    repId: `r${rep}`,
    customerId: `c${pick(CUSTOMERS)}`,
    productId: `p${pick(20)}`,
    amount: fen(random() < 0.03 ? -pick(50_000) : pick(1_000_000)),
    cost: fen(pick(500_000)),
  });
  if (i % 50 === 0) {
    store.setOrderCredits(`o${i}`, [
      { repId: `r${rep}`, share: '0.6' },
      { repId: `r${(rep + 1) % REPS}`, share: '0.4' },
    ]);
  }
  if (i % 2 === 0)
    store.upsertPayment({
      id: `y${i}`,
      date: dates[pick(DAYS)]!,
      orderId: `o${i}`,
      amount: fen(pick(500_000)),
    });
  if (i % 5 === 0)
    store.upsertActivity({ id: `a${i}`, date: dates[pick(DAYS)]!, repId: `r${rep}`, type: 'visit' });
  if (i % 20 === 0) {
    store.upsertLead({ id: `l${i}`, createdOn: dates[pick(DAYS)]!, repId: `r${rep}`, convertedOn: null });
    store.upsertOpportunity({
      id: `op${i}`,
      repId: `r${rep}`,
      createdOn: dates[pick(DAYS - 60)]!,
      amount: fen(pick(9_000_000)),
    });
  }
}
console.log(
  `loaded ${ORDERS} orders (+ payments, activities, leads, opportunities) in ${((performance.now() - t) / 1000).toFixed(1)} s`,
);

for (const [label, scope] of [
  ['company', { kind: 'unit', id: 'co' }],
  ['team', { kind: 'unit', id: 't7' }],
  ['person', { kind: 'person', id: 'r7' }],
] as const) {
  for (const metrics of [
    [...BASE_METRICS],
    ['revenue', 'orders', 'collected', 'gross_margin_rate', 'revenue_growth'],
  ]) {
    const times: number[] = [];
    for (let run = 0; run < 5; run++) {
      t = performance.now();
      computeMetrics(store, { scope, period: '2026', asOf: '2026-12-31', metrics });
      times.push(performance.now() - t);
    }
    console.log(
      `${label}, ${metrics.length} metrics, year 2026: best ${Math.min(...times).toFixed(1)} ms, first ${times[0]!.toFixed(1)} ms`,
    );
  }
}
t = performance.now();
computeMetrics(store, {
  scope: { kind: 'unit', id: 'co' },
  period: '2026',
  asOf: '2026-12-31',
  metrics: ['revenue{product_line=p3}'],
});
console.log(`company, a filtered key (scans the order columns): ${(performance.now() - t).toFixed(1)} ms`);
