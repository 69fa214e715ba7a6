/**
 * Sums for (scope, window, as-of, filters): from the cubes when no filter needs the raw facts,
 * otherwise by scanning order and payment columns (contract §5). Pipeline is a snapshot at
 * min(end, A) whoever counts on that day; everything else is dated within [start, min(end, A)].
 */
import { formatMetricKey, type MetricFilters } from '../metric-key.ts';
import type { FactStore } from './fact-store.ts';
import { NO_DAY } from './growable.ts';
import { ACTIVITY, LEADS, OPPORTUNITIES, SALES, SURVEYS } from './measures.ts';
import {
  type CreditSink,
  countLeads,
  orderFilter,
  scanSales,
  scopeSink,
  sumNewCustomerRevenue,
} from './order-scan.ts';
import { type PersonPassQuery, personPass } from './person-pass.ts';
import { pipelineAt, pipelineOfMembers } from './pipeline.ts';
import { type ResolvedScope, resolveScope, type Scope } from './scope.ts';
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
  /**
   * Sum a unit's members' person cubes over the days each belongs to it instead of reading the
   * unit cube (the path before unit cubes; tests compare both).
   */
  readonly viaMembers?: boolean;
}

/** Memoised sums per store version: a dashboard under load is answered from memory. */
const MEMO_KEY = 'collectSums';
const MEMO_LIMIT = 20_000;

/**
 * Collects the sums behind every base metric, memoised per (scope, window, as-of, filters,
 * needs) until the store's next change.
 * @example collectSums(store, { scope: { kind: 'person', id: 'r1' }, startDay, endDay, asOfDay }).revenue
 */
export function collectSums(store: FactStore, query: SumsQuery): Sums {
  if (query.forceScan || query.viaMembers) return computeSums(store, query);
  const needs = query.needs ?? ALL_NEEDS;
  const key = [
    query.scope.kind,
    query.scope.id,
    query.startDay,
    query.endDay,
    query.asOfDay,
    formatFilters(query.filters),
    +needs.newCustomerRevenue,
    +needs.leadConversion,
    +needs.pipeline,
  ].join('|');
  let memo = store.memo.get(MEMO_KEY) as Map<string, Sums> | undefined;
  if (!memo) {
    memo = new Map();
    store.memo.set(MEMO_KEY, memo);
  }
  let sums = memo.get(key);
  if (!sums) {
    sums = computeSums(store, query);
    if (memo.size >= MEMO_LIMIT) memo.clear();
    memo.set(key, sums);
  }
  return { ...sums };
}

const formatFilters = (filters: MetricFilters | undefined) =>
  formatMetricKey({ base: 'revenue', variant: 'value', filters: filters ?? {} });

function computeSums(store: FactStore, query: SumsQuery): Sums {
  const sums = emptySums();
  const needs = query.needs ?? ALL_NEEDS;
  const snapshot = Math.min(query.endDay, query.asOfDay);
  const from = query.startDay;
  const isUnit = query.scope.kind === 'unit';
  // A unit's members are resolved only for the parts that need them (the walk is O(people)).
  let resolved: ResolvedScope | null = null;
  const members = () => (resolved ??= resolveScope(store, query.scope, from, snapshot));
  const filter = orderFilter(store, query.filters ?? {});
  const accept = filter ?? (() => true);
  if (isUnit && query.viaMembers) addCubes(store, members(), sums);
  else if (from <= snapshot) addScopeCubes(store, query.scope, from, snapshot, sums);
  const scan = filter !== null || query.forceScan === true;
  if (scan) sums.revenue = sums.cost = sums.orders = sums.newCustomers = sums.collected = 0;
  else if (isUnit && from <= snapshot) {
    const corrections = new Float64Array(CORRECTION.width);
    store.orders.corrections.sumInto(query.scope.id, from, snapshot, corrections);
    sums.orders += corrections[CORRECTION.orders]!;
    sums.newCustomers += corrections[CORRECTION.newCustomers]!;
  }
  const parts: ('sales' | 'newCustomerRevenue')[] = [];
  if (scan) parts.push('sales');
  if (needs.newCustomerRevenue) parts.push('newCustomerRevenue');
  if (from <= snapshot) {
    const sink = isUnit && !query.viaMembers ? unitSink(store, query.scope.id, sums) : null;
    const scopeSinkOf = () => sink ?? scopeSink(members(), sums);
    if (query.forceScan) {
      sums.leadsConverted = 0;
      countLeads(store, scopeSinkOf(), from, snapshot, query.asOfDay);
    } else {
      sums.leadsConverted -= convertedAfter(store, scopeSinkOf, from, snapshot, query.asOfDay);
    }
    const filterKey = formatFilters(query.filters);
    const pass = (part: PersonPassQuery['part']) =>
      personPass(store, { from, to: snapshot, asOfDay: query.asOfDay, filterKey, accept, part });
    if (!isUnit) {
      const person = store.people.find(query.scope.id);
      for (const part of parts) addPart(sums, part, pass(part).get(person));
    } else {
      if (scan) scanSales(store, scopeSinkOf(), from, snapshot, accept);
      const ncr = parts.filter((p) => p !== 'sales');
      if (ncr.length > 0) {
        // New customer revenue adds up over people: when nobody joins or leaves the unit within
        // the window, the unit's is the sum of its members' (memoised per-person passes).
        const scope = members();
        const whole = [...scope.members.values()].every(
          (r) => r.length === 1 && r[0]![0] === from && r[0]![1] === snapshot,
        );
        for (const part of ncr) {
          if (whole) for (const person of scope.members.keys()) addPart(sums, part, pass(part).get(person));
          else sumNewCustomerRevenue(store, scopeSinkOf(), from, snapshot, accept);
        }
      }
    }
  }
  if (needs.pipeline)
    sums.pipeline = query.viaMembers
      ? pipelineOfMembers(store, query.scope, snapshot)
      : pipelineAt(store, query.scope, snapshot);
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
  sinkOf: () => CreditSink,
  from: number,
  to: number,
  asOfDay: number,
): number {
  const events = store.events;
  if (asOfDay >= events.latestConversion) return 0;
  const leads = events.leads;
  let sink: CreditSink | null = null;
  let late = 0;
  for (let row = 0; row < leads.ids.size; row++) {
    const converted = events.leadConverted.get(row);
    if (converted === NO_DAY || converted <= asOfDay || !leads.alive.get(row)) continue;
    const created = leads.day.get(row);
    if (created < from || created > to) continue;
    sink ??= sinkOf();
    if (sink.target(leads.person.get(row), created)) late++;
  }
  return late;
}

/**
 * A sink that adds what counts for a unit into one Sums: a person's fact counts when the unit
 * is their unit on the fact's day or one of its ancestors (the same rule as the unit cube).
 */
function unitSink(store: FactStore, unitId: string, sums: Sums): CreditSink {
  return { target: (person, day) => (store.unitIndex.counts(person, day, unitId) ? sums : null) };
}

/** One sum per cube of the store, in the order of `store.cubes()`. */
function cubeSums(store: FactStore): Float64Array[] {
  return store.cubes().map(([, cube]) => new Float64Array(cube.width));
}

/** Cube sums of a person, or of a unit from the unit cubes, over [from, to]. */
function addScopeCubes(store: FactStore, scope: Scope, from: number, to: number, sums: Sums): void {
  const out = cubeSums(store);
  const cubes = store.cubes();
  const person = scope.kind === 'unit' ? -1 : store.people.find(scope.id);
  for (let i = 0; i < cubes.length; i++) {
    const cube = cubes[i]![1];
    if (scope.kind === 'unit') cube.sumUnitInto(scope.id, from, to, out[i]!);
    else if (person >= 0) cube.people.sumInto(person, from, to, out[i]!);
  }
  copyCubes(out, sums);
}

function addCubes(store: FactStore, scope: ResolvedScope, sums: Sums): void {
  const out = cubeSums(store);
  const cubes = store.cubes();
  for (const [person, ranges] of scope.members) {
    for (const [from, to] of ranges) {
      for (let i = 0; i < cubes.length; i++) cubes[i]![1].people.sumInto(person, from, to, out[i]!);
    }
  }
  copyCubes(out, sums);
}

type CubeSums = [Float64Array, Float64Array, Float64Array, Float64Array, Float64Array];

function copyCubes(out: Float64Array[], sums: Sums): void {
  const [sales, activity, leads, surveys, opportunities] = out as CubeSums;
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
  sums.activities = 0;
  for (let type = 0; type < ACTIVITY.width; type++) sums.activities += activity[type]!;
  sums.leads = leads[LEADS.leads]!;
  sums.leadsConverted = leads[LEADS.leadsConverted]!;
  sums.complaints = leads[LEADS.complaints]!;
  sums.npsResponses = surveys[SURVEYS.npsResponses]!;
  sums.npsPromoters = surveys[SURVEYS.npsPromoters]!;
  sums.npsDetractors = surveys[SURVEYS.npsDetractors]!;
  sums.csatCount = surveys[SURVEYS.csatCount]!;
  sums.csatSum = surveys[SURVEYS.csatSum]!;
  sums.oppClosed = opportunities[OPPORTUNITIES.closed]!;
  sums.oppWon = opportunities[OPPORTUNITIES.won]!;
  sums.oppWonCycleDays = opportunities[OPPORTUNITIES.wonCycleDays]!;
}
