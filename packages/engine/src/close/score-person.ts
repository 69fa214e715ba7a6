/**
 * One person's scorecard (contract §6): each item's actual and goal (a fixed `target`, else the
 * goals table), item, group and total scores, and the grade — with explanation lines.
 */
import { formatMetricKey, type MetricKey, parseMetricKey } from '../metric-key.ts';
import { MONEY_METRICS } from '../metric-names.ts';
import { fen, formatMoney } from '../money.ts';
import { Decimal } from '../plan/decimal.ts';
import type { Scorecard } from '../plan/plan-types.ts';
import type { CloseMetrics } from './close-metrics.ts';
import type { CloseItemJson, ItemExplanation } from './close-types.ts';
import { type ExplainLine, explained, explainLine } from './explain-lines.ts';
import { fmt, gradeOf, scoreItem, weightedScore } from './scoring.ts';

export interface PersonScore {
  readonly items: CloseItemJson[];
  readonly explanations: ItemExplanation[];
  readonly total: Decimal;
  readonly grade: string | null;
  readonly lines: ExplainLine[];
}

function mustKey(text: string): MetricKey {
  const parsed = parseMetricKey(text);
  if ('error' in parsed) throw new RangeError(parsed.error);
  return parsed.key;
}

/** True for a money metric's own value (§5: money strings); its growth / yoy are ratios. */
export function isMoneyKey(text: string): boolean {
  const key = mustKey(text);
  return key.variant === 'value' && MONEY_METRICS.has(key.base);
}

/** A metric value for JSON: money strings for money metrics, numbers otherwise. */
export function metricJson(key: string, value: number | null): string | number | null {
  if (value === null) return null;
  // -0 (0 / a negative revenue) prints as 0
  return isMoneyKey(key) ? formatMoney(fen(value)) : value === 0 ? 0 : value;
}

/** A decimal as a JSON number, unrounded (contract §1), never -0. */
export function jsonNumber(value: Decimal): number {
  const n = value.toNumber();
  return n === 0 ? 0 : n;
}

/** Goals with canonical keys (filters sorted), as computeMetrics names them. */
export function canonicalGoals(goals: Readonly<Record<string, number>>): Map<string, number> {
  const result = new Map<string, number>();
  for (const [text, value] of Object.entries(goals)) {
    const parsed = parseMetricKey(text);
    if ('key' in parsed) result.set(formatMetricKey(parsed.key), value);
  }
  return result;
}

export function scorePerson(
  card: Scorecard,
  personId: string,
  metrics: CloseMetrics,
  goals: ReadonlyMap<string, number>,
): PersonScore {
  const items: CloseItemJson[] = [];
  const explanations: ItemExplanation[] = [];
  const groupScores: { weight: string; score: Decimal }[] = [];
  const lines: ExplainLine[] = [];
  for (const group of card.groups) {
    const itemScores: { weight: string; score: Decimal }[] = [];
    for (const item of group.items) {
      const reading = metrics.person(personId, item.metric);
      const money = isMoneyKey(item.metric);
      // contract §6: target fixes the goal (yuan for money metrics → fen), else the goals table
      const goalValue =
        item.target !== null
          ? new Decimal(item.target).times(money ? 100 : 1).toNumber()
          : (goals.get(item.metric) ?? null);
      const goal =
        goalValue === null
          ? null
          : new Decimal(item.target !== null ? new Decimal(item.target).times(money ? 100 : 1) : goalValue);
      // money in yuan, so the lines read "a = 2146391.93 / 3580000" (the ratio is the same exactly)
      const yuan = (value: Decimal | null) => (value !== null && money ? value.dividedBy(100) : value);
      const scored = scoreItem(item.scoring, yuan(reading.exact), yuan(goal));
      const json: CloseItemJson = {
        metric: item.metric,
        actual: metricJson(item.metric, reading.value),
        goal: item.target !== null && !money ? Number(item.target) : metricJson(item.metric, goalValue),
        score: jsonNumber(scored.score),
        ...(scored.flag ? { flag: scored.flag } : {}),
      };
      items.push(json);
      itemScores.push({ weight: item.weight, score: scored.score });
      const show = (value: Decimal | null) =>
        value === null ? null : money ? formatMoney(fen(value.round().toNumber())) : fmt(value);
      const values = {
        metric: item.metric,
        actual: show(reading.exact),
        goal: show(goal),
        money,
        source: item.target !== null ? 'target' : goalValue === null ? 'none' : 'goals',
      } as const;
      explanations.push({
        metric: item.metric,
        goalSource: values.source,
        a: scored.a?.toFixed() ?? null,
        metricExplanation: reading.explanation,
        ...explained([
          explainLine(reading.delta ? 'item.values_what_if' : 'item.values', values),
          scored.line,
          explainLine('item.weight', { weight: item.weight, group: group.name }),
        ]),
      });
    }
    const groupScore = weightedScore(itemScores);
    groupScores.push({ weight: group.weight, score: groupScore });
    lines.push(
      explainLine('score.group', { group: group.name, score: fmt(groupScore), weight: group.weight }),
    );
  }
  const total = weightedScore(groupScores);
  const grade = gradeOf(card.grades, total);
  lines.push(explainLine('score.total', { score: fmt(total) }));
  const rule = card.grades.find((g) => g.name === grade);
  lines.push(
    grade === null
      ? explainLine('score.no_grade', {})
      : explainLine('score.grade', { grade, min: rule!.min }),
  );
  lines.push(explainLine('score.scorecard', { scorecard: card.id }));
  return { items, explanations, total, grade, lines };
}
