/**
 * Explanation lines of a close in two forms made by one function: a code with its parameters
 * (the web renders it in the reader's language) and the English sentence (what the CLI prints and
 * what stored runs hold in `lines`). Every sentence comes from {@link TEMPLATES}, so the English
 * text and the structured line can never disagree.
 *
 * Parameter conventions, which the web's templates rely on: `metric` a metric key, `component`
 * a pay component id, `money: true` when actual / goal / value / base are money (yuan), amounts
 * (`amount`, `total`, `cap`, `pool`, `fixed`, `floating`, `totalBefore`, `totalAfter`, `delta`) in
 * yuan as decimal text, other numbers as decimal text, null for "none".
 */

export type ExplainParam = string | number | boolean | null;
export type ExplainParams = Readonly<Record<string, ExplainParam>>;

const none = (value: ExplainParam) => (value === null ? 'none' : String(value));
const yuan = (value: ExplainParam, money: ExplainParam) =>
  value === null ? 'none' : money ? `¥${value}` : String(value);
const signed = (delta: string) => (delta.startsWith('-') ? delta : `+${delta}`);

const SOURCES = { target: 'the plan target', goals: 'the goals table', none: 'nowhere (no goal)' } as const;

// Pool allocation bases (bonus-pool.ts `how`), reused by the share lines below.
const HOW = {
  rank: (p: { rank: number; share: string }) =>
    `rank ${p.rank}: share ${p.share} of the pool, rounded half-up`,
  by_score: (p: { score: string; sum: string }) =>
    `rest by score: ${p.score} / ${p.sum} of the remainder, largest remainder to the fen`,
  equal: (p: { count: number }) => `rest split equally among ${p.count}, largest remainder to the fen`,
  equal_zero: (p: { count: number }) =>
    `rest split equally among ${p.count} (their scores sum to 0), largest remainder to the fen`,
};

interface AwardParams {
  award: string;
  metric: string;
  /** Yuan for money metrics. */
  value: string;
  money: boolean;
  count: number;
}

const TEMPLATES = {
  // who and where
  'unit.on': (p: { date: string; unit: string | null }) =>
    `unit on ${p.date} (min(end, as-of)): ${none(p.unit)}`,
  'rank.of': (p: { rank: number; of: number; unit: string }) =>
    `rank ${p.rank} of ${p.of} in unit ${p.unit} by total score (ties: higher revenue, then id)`,
  'rank.none': (_: object) => 'no score: no rank',
  // scorecard items
  'item.values': (p: {
    metric: string;
    actual: string | null;
    goal: string | null;
    money: boolean;
    source: 'target' | 'goals' | 'none';
  }) =>
    `${p.metric}: actual ${yuan(p.actual, p.money)}, goal ${yuan(p.goal, p.money)} from ${SOURCES[p.source]}`,
  'item.values_what_if': (p: {
    metric: string;
    actual: string | null;
    goal: string | null;
    money: boolean;
    source: 'target' | 'goals' | 'none';
  }) =>
    `${p.metric}: actual ${yuan(p.actual, p.money)} (with the what-if), goal ${yuan(p.goal, p.money)} from ${SOURCES[p.source]}`,
  'item.no_actual': (_: object) => 'no actual value: scores 0 (no_actual)',
  'item.no_goal': (_: object) => 'no goal (or goal 0): scores 0 (no_goal)',
  'item.ladder': (p: {
    actual: string;
    goal: string;
    a: string;
    threshold: string;
    band: string;
    score: string;
  }) => `ladder: a = ${p.actual} / ${p.goal} = ${p.a} → band [${p.threshold}, ${p.band}] → ${p.score}`,
  'item.ladder_below': (p: { actual: string; goal: string; a: string; score: string }) =>
    `ladder: a = ${p.actual} / ${p.goal} = ${p.a} → below the first band → ${p.score}`,
  'item.ratio': (p: { type: string; num: string; den: string; a: string; score: string }) =>
    `${p.type}: a = ${p.num} / ${p.den} = ${p.a} → 100 × ${p.a} = ${p.score}`,
  'item.ratio_capped': (p: {
    type: string;
    num: string;
    den: string;
    a: string;
    cap: string;
    score: string;
  }) => `${p.type}: a = ${p.num} / ${p.den} = ${p.a} capped at ${p.cap} → 100 × ${p.cap} = ${p.score}`,
  'item.below_floor': (p: { type: string; num: string; den: string; a: string; floor: string }) =>
    `${p.type}: a = ${p.num} / ${p.den} = ${p.a} < floor ${p.floor} → 0`,
  'item.zero_actual': (p: { type: string; a: string; score: string }) =>
    `${p.type}: actual 0 → a = ${p.a} → 100 × ${p.a} = ${p.score}`,
  'item.weight': (p: { weight: string; group: string }) => `weight ${p.weight} in group ${p.group}`,
  // scores and grades
  'score.none': (_: object) => 'no scorecard applies: score and grade null',
  'score.group': (p: { group: string; score: string; weight: string }) =>
    `group ${p.group}: Σ(weight × score) / Σ weights = ${p.score} (weight ${p.weight})`,
  'score.total': (p: { score: string }) =>
    `total: Σ(group weight × group score) / Σ group weights = ${p.score}`,
  'score.grade': (p: { grade: string; min: string }) =>
    `grade ${p.grade}: the highest grade whose lowest score (${p.min}) ≤ total`,
  'score.no_grade': (_: object) => 'below every grade: no grade',
  'score.scorecard': (p: { scorecard: string }) => `scorecard ${p.scorecard}`,
  // tiered commission (contract §6) and its optional parts (docs/plans.md)
  'commission.head': (p: {
    component: string;
    mode: string;
    plan: string;
    metric: string;
    base: string | null;
  }) => `${p.component} (${p.mode} tiered commission of plan ${p.plan}) on ${p.metric} = ${p.base ?? 'null'}`,
  'commission.head_what_if': (p: {
    component: string;
    mode: string;
    plan: string;
    metric: string;
    base: string | null;
    delta: string;
  }) =>
    `${p.component} (${p.mode} tiered commission of plan ${p.plan}) on ${p.metric} = ${p.base ?? 'null'} (incl. what-if ${p.delta})`,
  'commission.no_base': (_: object) => 'base has no value: pays 0',
  'commission.negative_base': (p: { base: string }) => `base ${p.base} is negative: pays 0 (contract §6)`,
  'commission.clawback': (p: { base: string; rate: string; amount: string }) =>
    `clawback: base ${p.base} is negative → ${p.rate} × ${p.base} = ${p.amount}`,
  'commission.retroactive': (p: { base: string; upto: string; rate: string }) =>
    `retroactive: base ${p.base} reaches the tier up to ${p.upto} → rate ${p.rate} on the whole base`,
  'commission.retroactive_top': (p: { base: string; rate: string }) =>
    `retroactive: base ${p.base} reaches the tier above the last upto → rate ${p.rate} on the whole base`,
  'commission.slice': (p: { from: string; to: string; rate: string; width: string; amount: string }) =>
    `${p.from} – ${p.to}: ${p.rate} × ${p.width} = ${p.amount}`,
  'commission.slice_accelerated': (p: {
    from: string;
    to: string;
    rate: string;
    multiplier: string;
    width: string;
    amount: string;
  }) => `${p.from} – ${p.to}: ${p.rate} × accelerator ${p.multiplier} × ${p.width} = ${p.amount}`,
  'commission.accelerators': (p: { points: string; goal: string }) =>
    `accelerators at ${p.points} of goal ${p.goal}`,
  'commission.no_goal': (_: object) => 'no goal for the base: accelerators do not apply',
  'commission.total': (p: { total: string; amount: string }) =>
    `total ${p.total}, rounded half-up to the fen once: ${p.amount}`,
  'pay.rounded': (p: { amount: string }) => `rounded half-up to the fen: ${p.amount}`,
  'pay.capped': (p: { cap: string }) => `capped at ${p.cap}`,
  // fixed + floating bonus (docs/plans.md)
  'bonus.fixed_floating': (p: {
    component: string;
    fixed: string;
    floating: string;
    coefficient: string;
    grade: string | null;
    total: string;
  }) =>
    `${p.component}: fixed ${p.fixed} + floating ${p.floating} × coefficient ${p.coefficient} (grade ${none(p.grade)}) = ${p.total}`,
  'bonus.fixed_floating_unlisted': (p: {
    component: string;
    fixed: string;
    floating: string;
    coefficient: string;
    grade: string | null;
    total: string;
  }) =>
    `${p.component}: fixed ${p.fixed} + floating ${p.floating} × coefficient ${p.coefficient} (grade ${none(p.grade)}, not listed: 0) = ${p.total}`,
  // bonus pools (contract §6)
  'pool.base': (p: {
    component: string;
    unit: string;
    rate: string;
    metric: string;
    base: string | null;
    money: boolean;
    pool: string;
  }) =>
    `pool ${p.component} of unit ${p.unit}: ${p.rate} × ${p.metric} ${p.base ?? 'null'} = ${p.pool} (half-up to the fen)`,
  'pool.base_negative': (p: {
    component: string;
    unit: string;
    rate: string;
    metric: string;
    base: string | null;
    money: boolean;
    pool: string;
  }) =>
    `pool ${p.component} of unit ${p.unit}: ${p.rate} × ${p.metric} ${p.base ?? 'null'} = ${p.pool} (half-up to the fen; negative base: empty)`,
  'pool.no_scorecard_member': (p: { person: string }) => `${p.person}: no scorecard, never eligible`,
  'pool.below_min_score': (p: { person: string; score: string; min: string }) =>
    `${p.person}: score ${p.score} < min_score ${p.min}, not eligible`,
  'pool.share_rank': (p: { unit: string; rank: number; share: string; amount: string }) =>
    `unit ${p.unit}: ${HOW.rank(p)} → ${p.amount}`,
  'pool.share_by_score': (p: { unit: string; score: string; sum: string; amount: string }) =>
    `unit ${p.unit}: ${HOW.by_score(p)} → ${p.amount}`,
  'pool.share_equal': (p: { unit: string; count: number; amount: string }) =>
    `unit ${p.unit}: ${HOW.equal(p)} → ${p.amount}`,
  'pool.share_equal_zero': (p: { unit: string; count: number; amount: string }) =>
    `unit ${p.unit}: ${HOW.equal_zero(p)} → ${p.amount}`,
  'pool.share_capped': (p: { cap: string }) => `capped at ${p.cap}; the excess stays unallocated`,
  'pool.unallocated': (p: { amount: string }) => `unallocated: ${p.amount}`,
  'pool.no_scorecard': (_: object) => 'no scorecard: never eligible for a pool',
  'pool.not_allocated': (_: object) => 'not allocated a share of any pool of this component',
  // awards (contract §6 `top`)
  'award.top': (p: AwardParams) =>
    `${p.award}: highest ${p.metric} (${yuan(p.value, p.money)}) among ${p.count} candidate(s) of the close`,
  'award.top_tied': (p: AwardParams) =>
    `${p.award}: highest ${p.metric} (${yuan(p.value, p.money)}) among ${p.count} candidate(s) of the close, tied`,
  'award.top_unit': (p: AwardParams & { unit: string }) =>
    `${p.award}: highest ${p.metric} (${yuan(p.value, p.money)}) among ${p.count} candidate(s) of unit ${p.unit}`,
  'award.top_unit_tied': (p: AwardParams & { unit: string }) =>
    `${p.award}: highest ${p.metric} (${yuan(p.value, p.money)}) among ${p.count} candidate(s) of unit ${p.unit}, tied`,
  // promotion (contract §6)
  'promotion.none': (_: object) => 'the plan has no promotion rule',
  'promotion.no_goal': (p: { quarter: string }) => `${p.quarter}: no goal → not eligible`,
  'promotion.no_value': (p: { quarter: string }) => `${p.quarter}: no value → not eligible`,
  'promotion.quarter_met': (p: { quarter: string; attainment: string; min: string }) =>
    `${p.quarter}: attainment ${p.attainment} ≥ ${p.min}`,
  'promotion.quarter_missed': (p: { quarter: string; attainment: string; min: string }) =>
    `${p.quarter}: attainment ${p.attainment} < ${p.min}`,
  'promotion.eligible': (p: { metric: string; min: string; quarters: number }) =>
    `eligible: ${p.metric} attainment ≥ ${p.min} in each of the last ${p.quarters} fiscal quarters`,
  'promotion.not_eligible': (p: { metric: string; min: string; quarters: number }) =>
    `not eligible: ${p.metric} attainment ≥ ${p.min} in each of the last ${p.quarters} fiscal quarters`,
  // differences between two runs (close-diff.ts)
  'diff.person': (p: {
    id: string;
    kind: 'added' | 'removed' | 'changed';
    totalBefore: string | null;
    totalAfter: string | null;
    delta: string;
  }) => `${p.id}: ${p.kind}, total pay ${p.totalBefore ?? '—'} → ${p.totalAfter ?? '—'} (${signed(p.delta)})`,
  'diff.field': (p: { id: string; field: string; before: string; after: string }) =>
    `${p.id} ${p.field}: ${p.before} → ${p.after}`,
} as const;

type Templates = typeof TEMPLATES;
export type ExplainCode = keyof Templates;
export type ParamsOf<C extends ExplainCode> = Parameters<Templates[C]>[0];

/** A structured explanation line: what the web renders in the reader's language. */
export interface ExplainLine {
  readonly code: ExplainCode;
  readonly params: ExplainParams;
}

/** Every code an explanation line can carry (the web has a template for each, in each language). */
export const EXPLAIN_CODES: readonly ExplainCode[] = Object.keys(TEMPLATES) as ExplainCode[];

/**
 * One structured line.
 * @example explainLine('pay.capped', { cap: '80000.00' }) // { code: 'pay.capped', params: { cap: '80000.00' } }
 */
export function explainLine<C extends ExplainCode>(code: C, params: ParamsOf<C>): ExplainLine {
  return { code, params: params as ExplainParams };
}

/**
 * The English sentence of a structured line (the text of `lines`).
 * @example renderExplainLine(explainLine('pay.capped', { cap: '80000.00' })) // 'capped at 80000.00'
 */
export function renderExplainLine(line: ExplainLine): string {
  const template = TEMPLATES[line.code] as (params: ExplainParams) => string;
  return template(line.params);
}

/** Lines in both forms: `lines` the English text of `structured`, in the same order. */
export interface ExplainedLines {
  readonly lines: string[];
  readonly structured: ExplainLine[];
}

/** The one place both forms are made. */
export function explained(structured: readonly ExplainLine[]): ExplainedLines {
  return { lines: structured.map(renderExplainLine), structured: [...structured] };
}

/** How a pool share was found (bonus-pool.ts): the kind and its numbers. */
export type PoolBasis =
  | { readonly kind: 'rank'; readonly rank: number; readonly share: string }
  | { readonly kind: 'by_score'; readonly score: string; readonly sum: string }
  | { readonly kind: 'equal' | 'equal_zero'; readonly count: number };

/** The allocation's `how` sentence. */
export function describePoolBasis(basis: PoolBasis): string {
  if (basis.kind === 'rank') return HOW.rank(basis);
  if (basis.kind === 'by_score') return HOW.by_score(basis);
  return HOW[basis.kind](basis);
}

/** The share line of a person in one unit's pool. */
export function poolShareLine(unit: string, basis: PoolBasis, amount: string): ExplainLine {
  const { kind, ...rest } = basis;
  return { code: `pool.share_${kind}`, params: { unit, ...rest, amount } };
}
