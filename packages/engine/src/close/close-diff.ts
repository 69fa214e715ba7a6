/**
 * What changed between two runs of a close (issue 4: "a new run shows its diff against the
 * previous one — who, how much, why"): per person, every field of `close --json` that differs,
 * with the change in total pay. The "why" is the two runs' explanations of those figures.
 */
import { fen, formatMoney, parseMoney } from '../money.ts';
import type { CloseJson, ClosePersonJson } from './close-types.ts';
import { type ExplainLine, explained, explainLine } from './explain-lines.ts';

export interface FieldChange {
  /** `score`, `pay.commission`, `items.revenue.actual`, … */
  readonly field: string;
  readonly before: unknown;
  readonly after: unknown;
}

export interface PersonChange {
  readonly id: string;
  readonly kind: 'added' | 'removed' | 'changed';
  readonly changes: readonly FieldChange[];
  /** after − before total pay, a money string (a removed person: minus their total). */
  readonly totalPayDelta: string;
  readonly lines: readonly string[];
  /** `lines` as codes and parameters (explain-lines.ts), for the reader's language. */
  readonly structured: readonly ExplainLine[];
}

const money = (text: string | undefined) => (text === undefined ? 0 : (parseMoney(text) ?? 0));
const show = (value: unknown) => (value === undefined ? '—' : JSON.stringify(value));

function fieldsOf(p: ClosePersonJson): Map<string, unknown> {
  const fields = new Map<string, unknown>([
    ['unit_id', p.unit_id],
    ['score', p.score],
    ['grade', p.grade],
    ['rank_in_unit', p.rank_in_unit],
  ]);
  for (const item of p.items) {
    for (const key of ['actual', 'goal', 'score', 'flag'] as const)
      fields.set(`items.${item.metric}.${key}`, item[key]);
  }
  for (const pay of p.pay) fields.set(`pay.${pay.component}`, pay.amount);
  fields.set('total_pay', p.total_pay);
  fields.set('awards', p.awards.join(', '));
  fields.set('promotion_eligible', p.promotion_eligible);
  return fields;
}

/**
 * The people whose results differ between two runs, by id.
 * @example diffCloses(previous.json, next.json)
 *   // [{ id: 'r1', kind: 'changed', totalPayDelta: '750.00', lines: ['r1 pay.commission: "3250.00" → "4000.00"', …] }]
 */
export function diffCloses(before: CloseJson, after: CloseJson): PersonChange[] {
  const old = new Map(before.people.map((p) => [p.id, p]));
  const now = new Map(after.people.map((p) => [p.id, p]));
  const ids = [...new Set([...old.keys(), ...now.keys()])].sort();
  const result: PersonChange[] = [];
  for (const id of ids) {
    const [a, b] = [old.get(id), now.get(id)];
    const fa = a ? fieldsOf(a) : new Map<string, unknown>();
    const fb = b ? fieldsOf(b) : new Map<string, unknown>();
    const changes: FieldChange[] = [];
    for (const field of new Set([...fa.keys(), ...fb.keys()])) {
      if (JSON.stringify(fa.get(field)) !== JSON.stringify(fb.get(field)))
        changes.push({ field, before: fa.get(field), after: fb.get(field) });
    }
    if (changes.length === 0) continue;
    const delta = formatMoney(fen(money(b?.total_pay) - money(a?.total_pay)));
    const kind = a === undefined ? 'added' : b === undefined ? 'removed' : 'changed';
    const why = explained([
      explainLine('diff.person', {
        id,
        kind,
        totalBefore: a?.total_pay ?? null,
        totalAfter: b?.total_pay ?? null,
        delta,
      }),
      ...changes.map((c) =>
        explainLine('diff.field', { id, field: c.field, before: show(c.before), after: show(c.after) }),
      ),
    ]);
    result.push({ id, kind, changes, totalPayDelta: delta, ...why });
  }
  return result;
}
