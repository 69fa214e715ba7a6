/**
 * A close (contract §6, §7 `close --json`): scores, grades, ranks, pay by component, awards and
 * promotion flags for the people of a period, plus the explanation behind every figure.
 * Pure: facts, plan, dates and goals come in as arguments.
 */
import { fen, formatMoney } from '../money.ts';
import { type Period, parsePeriod } from '../periods.ts';
import type { Decimal } from '../plan/decimal.ts';
import { computeAwards, countSurveys } from './awards.ts';
import { compareByScore } from './bonus-pool.ts';
import { CloseMetrics, type MetricAdjustment } from './close-metrics.ts';
import { CloseOrg, listPeopleOfClose, referenceDate } from './close-people.ts';
import { listPools, type PoolShare, poolOf, poolShareKey } from './close-pools.ts';
import type {
  CloseInput,
  ClosePersonJson,
  CloseResult,
  PayExplanation,
  PersonExplanation,
  PoolExplanation,
} from './close-types.ts';
import { CreditedEvents } from './credited-events.ts';
import { type ExplainLine, explained, explainLine } from './explain-lines.ts';
import { payCommission, payFixedFloating } from './person-pay.ts';
import { lastQuarters, promotionEligible } from './promotion.ts';
import { canonicalGoals, jsonNumber, type PersonScore, scorePerson } from './score-person.ts';

/** A what-if for one person: deltas by metric key (fen for money metrics). */
export interface WhatIf {
  readonly personId: string;
  readonly deltas: Readonly<Record<string, number>>;
}

/** The part of a close being worked on: each person's metrics, scores, the pools, awards, pay lines. */
export type ClosePhase = 'metrics' | 'scoring' | 'pools' | 'awards' | 'pay';

/**
 * Progress of a close: `done` of `total` units of work over the whole close (a person in each of
 * metrics, scoring and pay, a unit's pool, the awards), so `done` only grows.
 */
export interface CloseProgress {
  readonly phase: ClosePhase;
  readonly done: number;
  readonly total: number;
}

export interface CloseStepOptions {
  /** People (or pools) per step; default {@link DEFAULT_CHUNK_SIZE}. */
  readonly chunkSize?: number;
}

export const DEFAULT_CHUNK_SIZE = 50;

/**
 * Computes a close.
 * @example computeClose({ store, plan, period: '2026-Q3', asOf: '2026-10-05', people, units, goalsOf })
 *   // { json: { period: '2026-Q3', start: '2026-07-01', end: '2026-09-30', as_of: '2026-10-05', people: [...] },
 *   //   explain: { people: { r1: { items, score, rank, pay, awards, promotion } }, pools: [...] } }
 */
export function computeClose(input: CloseInput): CloseResult {
  return runClose(input, null);
}

/**
 * The close in steps: yields its progress after each chunk of work and returns what
 * {@link computeClose} returns. A caller that must stay responsive (the server) resumes it on a
 * later turn of its event loop.
 * @example
 * const steps = closeSteps(input, { chunkSize: 100 });
 * for (let step = steps.next(); ; step = steps.next()) {
 *   if (step.done) return step.value;            // the CloseResult
 *   report(step.value);                          // { phase: 'scoring', done: 340, total: 1203 }
 * }
 */
export function closeSteps(
  input: CloseInput,
  options: CloseStepOptions = {},
): Generator<CloseProgress, CloseResult, void> {
  return runCloseSteps(input, null, options);
}

/** Runs a stepwise close to its end, synchronously. */
export function finishSteps<T>(steps: Generator<CloseProgress, T, void>): T {
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
  }
}

function resolvePeriod(input: CloseInput): Period {
  const fiscal = input.plan.calendar.fiscalYearStart;
  const period = typeof input.period === 'string' ? parsePeriod(input.period, fiscal) : input.period;
  if (!period) throw new RangeError(`not a period: ${String(input.period)}`);
  return period;
}

/** The close, optionally with one person's metrics moved by a what-if (same code path). */
export function runClose(input: CloseInput, whatIf: WhatIf | null): CloseResult {
  return finishSteps(runCloseSteps(input, whatIf, {}));
}

/** Chunks of a list, for the steps of a close. */
function chunksOf<T>(list: readonly T[], size: number): T[][] {
  const chunks: T[][] = [];
  for (let i = 0; i < list.length; i += size) chunks.push(list.slice(i, i + size));
  return chunks;
}

function* runCloseSteps(
  input: CloseInput,
  whatIf: WhatIf | null,
  options: CloseStepOptions,
): Generator<CloseProgress, CloseResult, void> {
  const chunkSize = Math.max(1, Math.floor(options.chunkSize ?? DEFAULT_CHUNK_SIZE));
  const { store, plan, asOf } = input;
  const fiscal = plan.calendar.fiscalYearStart;
  const period = resolvePeriod(input);
  const org = new CloseOrg(input.units);
  const people = listPeopleOfClose(store, plan, period, asOf, input.people, org);
  const ref = referenceDate(period, asOf);
  const personKeys = new Set<string>(['revenue']);
  const unitKeys = new Set<string>();
  for (const p of people) {
    for (const group of p.scorecard?.groups ?? [])
      for (const item of group.items) personKeys.add(item.metric);
    for (const c of p.compensation?.components ?? []) {
      if (c.type === 'tiered_commission') personKeys.add(c.base);
      if (c.type === 'bonus_pool') unitKeys.add(c.base);
    }
  }
  for (const award of plan.awards) personKeys.add(award.metric);
  if (plan.promotion) personKeys.add(plan.promotion.metric);
  let adjustment: MetricAdjustment | null = null;
  if (whatIf) {
    const unitId = people.find((p) => p.person.id === whatIf.personId)?.unitId ?? null;
    const unitIds = new Set(input.units.filter((u) => org.contains(u.id, unitId)).map((u) => u.id));
    adjustment = {
      personId: whatIf.personId,
      unitIds,
      deltas: Object.fromEntries(canonicalGoals(whatIf.deltas)),
    };
  }
  const metrics = new CloseMetrics(store, period, asOf, fiscal, [...personKeys], [...unitKeys], adjustment);
  const revenue = (id: string) => metrics.person(id, 'revenue').value ?? 0;
  const events = new CreditedEvents(store, period.start, ref);
  const version = input.planVersion == null ? null : String(input.planVersion);

  const pools = listPools(people, org);
  const work = 3 * people.length + pools.length + 1;
  let done = 0;
  const progress = (phase: ClosePhase): CloseProgress => ({ phase, done, total: work });
  yield progress('metrics');

  // Every person's metrics of the period, fetched in one batch each (close-metrics.ts memoises them)
  for (const chunk of chunksOf(people, chunkSize)) {
    for (const p of chunk) metrics.person(p.person.id, 'revenue');
    done += chunk.length;
    yield progress('metrics');
  }

  const goals = new Map(
    people.map((p) => [p.person.id, canonicalGoals(input.goalsOf(p.person.id, period.key))]),
  );
  const scored = new Map<string, PersonScore>();
  const totals = new Map<string, Decimal>();
  for (const chunk of chunksOf(people, chunkSize)) {
    for (const p of chunk) {
      if (!p.scorecard) continue;
      const s = scorePerson(p.scorecard, p.person.id, metrics, goals.get(p.person.id)!);
      scored.set(p.person.id, s);
      totals.set(p.person.id, s.total);
    }
    done += chunk.length;
    yield progress('scoring');
  }

  // contract §7 rank_in_unit: by total score among people with the same unit on min(end, A)
  const ranks = new Map<string, { rank: number; of: number }>();
  const byUnit = new Map<string, { id: string; score: Decimal; revenue: number }[]>();
  for (const p of people) {
    const total = totals.get(p.person.id);
    if (total === undefined || p.unitId === null) continue;
    const list = byUnit.get(p.unitId) ?? [];
    list.push({ id: p.person.id, score: total, revenue: revenue(p.person.id) });
    byUnit.set(p.unitId, list);
  }
  for (const list of byUnit.values()) {
    list.sort(compareByScore).forEach((c, i) => {
      ranks.set(c.id, { rank: i + 1, of: list.length });
    });
  }

  const shares = new Map<string, PoolShare>();
  const poolExplanations: PoolExplanation[] = [];
  for (const chunk of chunksOf(pools, chunkSize)) {
    for (const pool of chunk) poolExplanations.push(poolOf(pool, totals, revenue, metrics, shares));
    done += chunk.length;
    yield progress('pools');
  }
  const awards = computeAwards(
    plan.awards,
    people,
    metrics,
    org,
    period,
    countSurveys(store, period.start, ref),
  );
  done += 1;
  yield progress('awards');
  const quarters = plan.promotion ? lastQuarters(period.end, plan.promotion.consecutiveQuarters, fiscal) : [];

  const json: ClosePersonJson[] = [];
  const explain: Record<string, PersonExplanation> = {};
  for (const chunk of chunksOf(people, chunkSize)) {
    for (const p of chunk) {
      const id = p.person.id;
      const score = scored.get(id) ?? null;
      const payLines: PayExplanation[] = [];
      const pay: { component: string; amount: string }[] = [];
      let totalPay = 0;
      for (const c of p.compensation?.components ?? []) {
        let amount: number;
        if (c.type === 'tiered_commission') {
          const result = payCommission(c, id, metrics, goals.get(id)!, events, p.compensation!.id);
          amount = result.amount;
          payLines.push(result.explanation);
        } else if (c.type === 'fixed_floating_bonus') {
          const result = payFixedFloating(c, score?.grade ?? null);
          amount = result.amount;
          payLines.push(result.explanation);
        } else {
          const share = shares.get(poolShareKey(p.compensation!.id, c.id, id));
          amount = share?.amount ?? 0;
          const why = explainLine(score === null ? 'pool.no_scorecard' : 'pool.not_allocated', {});
          payLines.push({
            component: c.id,
            type: c.type,
            unrounded: null,
            amount: formatMoney(fen(amount)),
            ...explained(share?.lines ?? [why]),
          });
        }
        totalPay += amount;
        pay.push({ component: c.id, amount: formatMoney(fen(amount)) });
      }
      const promotion = plan.promotion
        ? promotionEligible(plan.promotion, id, quarters, metrics, input.goalsOf)
        : { eligible: false, lines: [explainLine('promotion.none', {})] };
      const rank = ranks.get(id);
      json.push({
        id,
        unit_id: p.unitId,
        score: score ? jsonNumber(score.total) : null,
        grade: score?.grade ?? null,
        rank_in_unit: rank?.rank ?? null,
        items: score?.items ?? [],
        pay,
        total_pay: formatMoney(fen(totalPay)),
        awards: awards.won.get(id) ?? [],
        promotion_eligible: promotion.eligible,
      });
      const rankLine: ExplainLine = rank
        ? explainLine('rank.of', { rank: rank.rank, of: rank.of, unit: p.unitId! })
        : explainLine('rank.none', {});
      explain[id] = {
        id,
        rule: {
          scorecard: p.scorecard?.id ?? null,
          compensation: p.compensation?.id ?? null,
          planVersion: version,
        },
        unit: explained([explainLine('unit.on', { date: ref, unit: p.unitId })]),
        items: score?.explanations ?? [],
        score: explained(score?.lines ?? [explainLine('score.none', {})]),
        rank: explained([rankLine]),
        pay: payLines,
        awards: explained(awards.lines.get(id) ?? []),
        promotion: explained(promotion.lines),
      };
    }
    done += chunk.length;
    yield progress('pay');
  }
  return {
    json: { period: period.key, start: period.start, end: period.end, as_of: asOf, people: json },
    explain: { people: explain, pools: poolExplanations },
  };
}
