/**
 * Pass-1 checks of a single row (contract §1–2): every cell by its column's type, then the
 * rules that tie a row's own cells together (dates in order, score ranges, goal keys).
 * Pure: the same row always gives the same record, so a file too large to keep in memory is
 * simply read and checked again by the write pass (kept-rows.ts).
 */
import { isMetricName, MONEY_METRICS, parsePeriod } from '@attain/engine';
import type { EntityName, EntitySpec } from '../entities/entities.ts';
import { parseDecimal, significantScale } from './decimal-text.ts';
import type { ImportError, NormalizedRow, SourceRow } from './import-types.ts';
import { cellText, readCell } from './read-cell.ts';

interface RowProblem {
  readonly column: string;
  readonly reason: string;
}

type RowRule = (record: NormalizedRow) => RowProblem[];

const text = (value: string | number | null | undefined) =>
  value === null || value === undefined ? null : String(value);

/** `later` must not be before `earlier` when both are set. */
const notBefore =
  (later: string, earlier: string): RowRule =>
  (r) =>
    r[later] !== null && r[earlier] !== null && String(r[later]) < String(r[earlier])
      ? [{ column: later, reason: `is before ${earlier} (${r[earlier]})` }]
      : [];

const notSelf =
  (column: string, what: string): RowRule =>
  (r) =>
    r[column] !== null && r[column] === r.id
      ? [{ column, reason: `a ${what} cannot be its own ${column}` }]
      : [];

const SCORE_RANGES: Record<string, [number, number]> = { nps: [0, 10], csat: [1, 5] };

function surveyScoreInRange(r: NormalizedRow): RowProblem[] {
  const range = SCORE_RANGES[String(r.kind)];
  const score = r.score;
  if (!range || typeof score !== 'number') return [];
  return score < range[0] || score > range[1]
    ? [{ column: 'score', reason: `a ${r.kind} score must be from ${range[0]} to ${range[1]}` }]
    : [];
}

/**
 * `won` says how a closed opportunity ended (contract §2: empty while open), so a won value on
 * an open opportunity is an error. A closed one without won is accepted (it counts as lost in
 * win_rate) and the import warns about it — see {@link FileValidator}.
 */
function wonNeedsClosed(r: NormalizedRow): RowProblem[] {
  return r.won !== null && r.closed_on === null
    ? [{ column: 'won', reason: 'is set but closed_on is empty (won stays empty while open)' }]
    : [];
}

function goalPeriodParses(r: NormalizedRow): RowProblem[] {
  const period = text(r.period);
  if (period === null || parsePeriod(period)) return [];
  return [
    {
      column: 'period',
      reason: 'is not a period (2026, 2026-H1, 2026-Q3, 2026-07, 2026-W27 or 2026-07-01..2026-08-15)',
    },
  ];
}

/** Filters are the goal's own columns (contract §5 names them in braces only in output keys). */
function goalMetricIsKnown(r: NormalizedRow): RowProblem[] {
  const metric = text(r.metric) ?? '';
  if (metric.includes('{')) {
    return [
      {
        column: 'metric',
        reason: 'has filters in braces: put them in the product_line, customer_type and region columns',
      },
    ];
  }
  return metric !== '' && !isMetricName(metric)
    ? [{ column: 'metric', reason: 'is not a known metric' }]
    : [];
}

/** Goals of money metrics are money (contract §5): at most 2 fraction digits. */
function moneyGoalHasFen(r: NormalizedRow): RowProblem[] {
  const metric = text(r.metric) ?? '';
  if (!MONEY_METRICS.has(metric)) return [];
  return ['value', 'floor', 'stretch'].flatMap((column) => {
    const decimal = r[column] === null ? null : parseDecimal(String(r[column]));
    return decimal && significantScale(decimal) > 2
      ? [{ column, reason: `has more than 2 decimal places (${metric} is money)` }]
      : [];
  });
}

/** `|` separates the parts of a goal key, so a part containing it could collide with another goal. */
function goalKeyPartsAreClean(r: NormalizedRow): RowProblem[] {
  return ['scope', 'product_line', 'customer_type', 'region']
    .filter((column) => text(r[column])?.includes('|'))
    .map((column) => ({ column, reason: 'must not contain "|" (it separates the parts of a goal key)' }));
}

const ROW_RULES: Partial<Record<EntityName, readonly RowRule[]>> = {
  units: [notSelf('parent_id', 'unit')],
  people: [notBefore('leave_date', 'hire_date'), notSelf('manager_id', 'person')],
  leads: [notBefore('converted_on', 'created_on')],
  opportunities: [notBefore('closed_on', 'created_on'), wonNeedsClosed],
  surveys: [surveyScoreInRange],
  complaints: [notBefore('resolved_on', 'date')],
  goals: [goalPeriodParses, goalMetricIsKnown, moneyGoalHasFen, goalKeyPartsAreClean],
};

/**
 * The goal key of contract §1: period + scope + metric + filters, absent filters as ''.
 * @example goalKeyOf({ period: '2026', scope: 'u1', metric: 'revenue', product_line: null, ... }) // '2026|u1|revenue|||'
 */
export function goalKeyOf(r: NormalizedRow): string {
  return ['period', 'scope', 'metric', 'product_line', 'customer_type', 'region']
    .map((c) => text(r[c]) ?? '')
    .join('|');
}

export interface RowCheck {
  /** The row's values as stored; only meaningful when `errors` is empty. */
  readonly record: NormalizedRow;
  readonly errors: ImportError[];
}

/** The errors of a valid row: one shared empty list, as most rows are valid. */
const NO_ERRORS: ImportError[] = Object.freeze([]) as unknown as ImportError[];

/** Reads and checks one row of an entity. */
export function validateRow(spec: EntitySpec, source: SourceRow): RowCheck {
  const record: NormalizedRow = {};
  let errors = NO_ERRORS;
  for (const column of spec.columns) {
    const raw = source.values[column.name];
    const result = readCell(column, raw);
    if (result.ok) record[column.name] = result.value;
    else {
      record[column.name] = null;
      if (errors === NO_ERRORS) errors = [];
      errors.push({ row: source.row, column: column.name, value: cellText(raw), reason: result.reason });
    }
  }
  if (errors === NO_ERRORS) {
    for (const rule of ROW_RULES[spec.name] ?? []) {
      for (const problem of rule(record)) {
        if (errors === NO_ERRORS) errors = [];
        errors.push({
          row: source.row,
          column: problem.column,
          value: cellText(source.values[problem.column]),
          reason: problem.reason,
        });
      }
    }
  }
  if (spec.name === 'goals') record.goal_key = goalKeyOf(record);
  return { record, errors };
}
