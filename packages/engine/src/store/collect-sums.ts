/**
 * Sums for (scope, window, as-of, filters): from the cubes when no filter needs the raw facts,
 * otherwise by scanning order and payment columns (contract §5). Pipeline is a snapshot at
 * min(end, A) whoever counts on that day; everything else is dated within [start, min(end, A)].
 */
import { formatMetricKey, type MetricFilters } from '../metric-key.ts';
import type { FactStore } from './fact-store.ts';
import { ACTIVITY, MISC, SALES } from './measures.ts';
import { countLeads, orderFilter, scanSales, scopeSink, sumNewCustomerRevenue } from './order-scan.ts';
import { type PersonPassQuery, personPass } from './person-pass.ts';
import { counts, type ResolvedScope, resolveScope, type Scope } from './scope.ts';
import { CORRECTION } from './split-corrections.ts';
import { ALL_NEEDS, emptySums, type Sums, type SumsNeeds } from './sums.ts';

export interface SumsQuery {
  readonly scope: Scope;
  /** Day numbers of the period's start and end, and of the as-of date. */
  readonly startDay: number;
  readonly endDay: number;
  readonly asOfDay: number;
  readonly filters?: MetricFilters;
  readonly needs?: SumsNeeds;
  /** Read order and payment sums from the facts even without filters (tests compare both paths). */
  readonly forceScan?: boolean;
}

/**
 * Collects the sums behind every base metric.
 * @example collectSums(store, { scope: { kind: 'person', id: 'r1' }, startDay, endDay, asOfDay }).revenue
 */
export function collectSums(store: FactStore, query: SumsQuery): Sums {
  const sums = emptySums();
  const needs = query.needs ?? ALL_NEEDS;
  const snapshot = Math.min(query.endDay, query.asOfDay);
  const from = query.startDay;
  const scope = resolveScope(store, query.scope, from, snapshot);
  const filter = orderFilter(store, query.filters ?? {});
  const accept = filter ?? (() => true);
  addCubes(store, scope, sums);
  const scan = filter !== null || query.forceScan === true;
  if (scan) sums.revenue = sums.cost = sums.orders = sums.newCustomers = sums.collected = 0;
  else if (scope.isUnit && from <= snapshot) {
    const corrections = new Float64Array(CORRECTION.width);
    store.orders.corrections.sumInto(query.scope.id, from, snapshot, corrections);
    sums.orders += corrections[CORRECTION.orders]!;
    sums.newCustomers += corrections[CORRECTION.newCustomers]!;
  }
  const parts: ('sales' | 'newCustomerRevenue')[] = [];
  if (scan) parts.push('sales');
  if (needs.newCustomerRevenue) parts.push('newCustomerRevenue');
  if (from <= snapshot) {
    if (query.forceScan) {
      sums.leadsConverted = 0;
      countLeads(store, scopeSink(scope, sums), from, snapshot, query.asOfDay);
    } else {
      sums.leadsConverted -= convertedAfter(store, scope, from, snapshot, query.asOfDay);
    }
    const filterKey = formatMetricKey({ base: 'revenue', variant: 'value', filters: query.filters ?? {} });
    const pass = (part: PersonPassQuery['part']) =>
      personPass(store, { from, to: snapshot, asOfDay: query.asOfDay, filterKey, accept, part });
    if (!scope.isUnit) {
      const person = store.people.find(query.scope.id);
      for (const part of parts) addPart(sums, part, pass(part).get(person));
    } else {
      const sink = scopeSink(scope, sums);
      if (scan) scanSales(store, sink, from, snapshot, accept);
      // New customer revenue adds up over people: when nobody joins or leaves the unit within
      // the window, the unit's is the sum of its members' (memoised per-person passes).
      const whole = [...scope.members.values()].every(
        (r) => r.length === 1 && r[0]![0] === from && r[0]![1] === snapshot,
      );
      for (const part of parts.filter((p) => p !== 'sales')) {
        if (whole) for (const person of scope.members.keys()) addPart(sums, part, pass(part).get(person));
        else sumNewCustomerRevenue(store, sink, from, snapshot, accept);
      }
    }
  }
  if (needs.pipeline) sums.pipeline = pipelineAt(store, query.scope, snapshot);
  return sums;
}

/** Adds one person's share of a person-pass part into the sums. */
function addPart(sums: Sums, part: PersonPassQuery['part'], mine: Sums | undefined): void {
  if (!mine) return;
  if (part === 'sales') {
    sums.revenue = mine.revenue;
    sums.cost = mine.cost;
    sums.orders = mine.orders;
    sums.newCustomers = mine.newCustomers;
    sums.collected = mine.collected;
  } else sums.newCustomerRevenue += mine.newCustomerRevenue;
}

/**
 * lead_conversion_rate counts conversions on or before A (contract §5); the cube holds every
 * conversion by created_on, so subtract the leads of the window converted after A (usually none:
 * only a backdated A has any).
 */
function convertedAfter(
  store: FactStore,
  scope: ResolvedScope,
  from: number,
  to: number,
  asOfDay: number,
): number {
  const leads = store.events.leads;
  let late = 0;
  for (const [day, rows] of store.events.leadsByConvertedDay) {
    if (day <= asOfDay) continue;
    for (const row of rows) {
      const created = leads.day.get(row);
      if (created >= from && created <= to && counts(scope, leads.person.get(row), created)) late++;
    }
  }
  return late;
}

function addCubes(store: FactStore, scope: ResolvedScope, sums: Sums): void {
  const sales = new Float64Array(SALES.width);
  const activity = new Float64Array(ACTIVITY.width);
  const misc = new Float64Array(MISC.width);
  for (const [person, ranges] of scope.members) {
    for (const [from, to] of ranges) {
      store.sales.sumInto(person, from, to, sales);
      store.activity.sumInto(person, from, to, activity);
      store.misc.sumInto(person, from, to, misc);
    }
  }
  sums.revenue = sales[SALES.revenue]!;
  sums.cost = sales[SALES.cost]!;
  sums.orders = sales[SALES.orders]!;
  sums.newCustomers = sales[SALES.newCustomers]!;
  sums.collected = sales[SALES.collected]!;
  sums.visits = activity[0]!;
  sums.calls = activity[1]!;
  sums.emails = activity[2]!;
  sums.demos = activity[3]!;
  sums.proposals = activity[4]!;
  sums.activities = activity[ACTIVITY.total]!;
  sums.leads = misc[MISC.leads]!;
  sums.leadsConverted = misc[MISC.leadsConverted]!;
  sums.complaints = misc[MISC.complaints]!;
  sums.npsResponses = misc[MISC.npsResponses]!;
  sums.npsPromoters = misc[MISC.npsPromoters]!;
  sums.npsDetractors = misc[MISC.npsDetractors]!;
  sums.csatCount = misc[MISC.csatCount]!;
  sums.csatSum = misc[MISC.csatSum]!;
  sums.oppClosed = misc[MISC.oppClosed]!;
  sums.oppWon = misc[MISC.oppWon]!;
  sums.oppWonCycleDays = misc[MISC.oppWonCycleDays]!;
}

/**
 * pipeline_value: Σ amount of opportunities with created_on ≤ X and (no closed_on or closed_on
 * > X), for the people counting for the scope on X = min(end, A) — even before the start.
 */
function pipelineAt(store: FactStore, scope: Scope, day: number): number {
  const members = resolveScope(store, scope, day, day).members;
  const misc = new Float64Array(MISC.width);
  for (const person of members.keys()) store.misc.sumInto(person, Number.NEGATIVE_INFINITY, day, misc);
  return misc[MISC.oppOpenedAmount]! - misc[MISC.oppClosedAmount]!;
}
