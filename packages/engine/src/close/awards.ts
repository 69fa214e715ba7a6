/**
 * Awards of contract §6 (`top`): the highest metric among the people of the close, per unit of
 * a kind (`within`), among recent hires (`hired_within_months`) or people with enough survey
 * responses (`min_responses`). A null metric is no candidate; everyone tied wins.
 */
import { daysInMonth, toDayNumber } from '../dates.ts';
import { parseMetricKey } from '../metric-key.ts';
import { fen, formatMoney } from '../money.ts';
import type { Period } from '../periods.ts';
import type { Decimal } from '../plan/decimal.ts';
import type { Award } from '../plan/plan-types.ts';
import type { FactStore } from '../store/fact-store.ts';
import type { CloseMetrics } from './close-metrics.ts';
import type { CloseOrg, PersonOfClose } from './close-people.ts';
import { type ExplainLine, explainLine } from './explain-lines.ts';
import { isMoneyKey } from './score-person.ts';
import { fmt } from './scoring.ts';

/**
 * The date N calendar months before, the day clamped to the month's length.
 * @example monthsBefore('2026-08-31', 6) // '2026-02-28'
 */
export function monthsBefore(date: string, months: number): string {
  const index = Number(date.slice(0, 4)) * 12 + Number(date.slice(5, 7)) - 1 - months;
  const year = Math.floor(index / 12);
  const month = (index % 12) + 1;
  const day = Math.min(Number(date.slice(8, 10)), daysInMonth(year, month));
  return `${String(year).padStart(4, '0')}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

/** Survey responses per person in [from, to]: nps, csat and all kinds. */
export function countSurveys(
  store: FactStore,
  from: string,
  to: string,
): Map<string, { nps: number; csat: number; any: number }> {
  const t = store.events.surveys;
  const [fromDay, toDay] = [toDayNumber(from), toDayNumber(to)];
  const counts = new Map<string, { nps: number; csat: number; any: number }>();
  for (let row = 0; row < t.ids.size; row++) {
    if (!t.alive.get(row)) continue;
    const day = t.day.get(row);
    if (day < fromDay || day > toDay) continue;
    const id = store.people.name(t.person.get(row));
    const c = counts.get(id) ?? { nps: 0, csat: 0, any: 0 };
    const kind = store.events.surveyKind.get(row);
    if (kind === 0) c.nps++;
    if (kind === 1) c.csat++;
    c.any++;
    counts.set(id, c);
  }
  return counts;
}

export interface AwardsResult {
  /** Person id → award ids won, in plan order. */
  readonly won: Map<string, string[]>;
  readonly lines: Map<string, ExplainLine[]>;
}

export function computeAwards(
  awards: readonly Award[],
  people: readonly PersonOfClose[],
  metrics: CloseMetrics,
  org: CloseOrg,
  period: Period,
  surveys: ReadonlyMap<string, { nps: number; csat: number; any: number }>,
): AwardsResult {
  const won = new Map<string, string[]>();
  const lines = new Map<string, ExplainLine[]>();
  const note = (id: string, line: ExplainLine) => lines.set(id, [...(lines.get(id) ?? []), line]);
  for (const award of awards) {
    const parsed = parseMetricKey(award.metric);
    const kind =
      'key' in parsed && (parsed.key.base === 'nps' || parsed.key.base === 'csat') ? parsed.key.base : 'any';
    const earliest =
      award.hiredWithinMonths === null ? null : monthsBefore(period.end, award.hiredWithinMonths);
    const candidates: { id: string; value: Decimal; group: string }[] = [];
    const groups = award.withinUnitKind === null ? [null] : org.unitsOfKind(award.withinUnitKind);
    for (const group of groups) {
      for (const p of people) {
        if (group !== null && !org.contains(group, p.unitId)) continue;
        if (earliest !== null && (p.person.hireDate < earliest || p.person.hireDate > period.end)) continue;
        const responses = surveys.get(p.person.id)?.[kind] ?? 0;
        if (award.minResponses !== null && responses < award.minResponses) continue;
        const value = metrics.person(p.person.id, award.metric).exact;
        if (value !== null) candidates.push({ id: p.person.id, value, group: group ?? '' });
      }
    }
    for (const group of groups) {
      const inGroup = candidates.filter((c) => c.group === (group ?? ''));
      if (inGroup.length === 0) continue;
      const best = inGroup.reduce((max, c) => (c.value.greaterThan(max) ? c.value : max), inGroup[0]!.value);
      for (const c of inGroup) {
        if (!c.value.equals(best)) continue;
        if (!(won.get(c.id) ?? []).includes(award.id)) won.set(c.id, [...(won.get(c.id) ?? []), award.id]);
        const tied = inGroup.filter((x) => x.value.equals(best)).length > 1;
        // money metrics are fen here: shown as yuan
        const money = isMoneyKey(award.metric);
        const value = money ? formatMoney(fen(c.value.round().toNumber())) : fmt(c.value);
        const top = { award: award.id, metric: award.metric, value, money, count: inGroup.length };
        note(
          c.id,
          group === null
            ? explainLine(tied ? 'award.top_tied' : 'award.top', top)
            : explainLine(tied ? 'award.top_unit_tied' : 'award.top_unit', { ...top, unit: group }),
        );
      }
    }
  }
  return { won, lines };
}
