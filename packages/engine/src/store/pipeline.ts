/**
 * pipeline_value (contract §5): Σ amount of the opportunities with created_on ≤ X and (no
 * closed_on or closed_on > X), for the people counting for the scope on X = min(end, A) — even
 * before the period starts. Unlike the flow metrics it follows who is in the unit on X, not on
 * each fact's date, so the unit cubes cannot answer it; instead one pass over every person's
 * running sums at X gives every unit's pipeline at once, memoised per store version and X.
 */
import type { FactStore } from './fact-store.ts';
import { OPPORTUNITIES } from './measures.ts';
import { resolveScope, type Scope } from './scope.ts';

const MEMO_KEY = 'pipelineByUnit';
const MEMO_LIMIT = 256;

/** Open pipeline of the scope at `day`. */
export function pipelineAt(store: FactStore, scope: Scope, day: number): number {
  if (scope.kind === 'person') {
    const person = store.people.find(scope.id);
    return person < 0 ? 0 : openAmount(store, person, day)[2];
  }
  // Resolving everyone's units on the day first hands out every unit index anyone is in.
  const [opened, closed] = pipelineOfUnits(store, day);
  const unit = store.unitIndex.find(scope.id);
  return (opened[unit] ?? 0) - (closed[unit] ?? 0);
}

/** The same from the unit's members on `day`, each person's running sums added up (tests compare). */
export function pipelineOfMembers(store: FactStore, scope: Scope, day: number): number {
  const members = resolveScope(store, scope, day, day).members;
  const sums = new Float64Array(OPPORTUNITIES.width);
  for (const person of members.keys())
    store.opportunities.people.sumInto(person, Number.NEGATIVE_INFINITY, day, sums);
  return sums[OPPORTUNITIES.openedAmount]! - sums[OPPORTUNITIES.closedAmount]!;
}

/** Amounts opened and closed up to `day` by one person, and the difference. */
function openAmount(store: FactStore, person: number, day: number): [number, number, number] {
  const sums = new Float64Array(OPPORTUNITIES.width);
  store.opportunities.people.sumInto(person, Number.NEGATIVE_INFINITY, day, sums);
  const opened = sums[OPPORTUNITIES.openedAmount]!;
  const closed = sums[OPPORTUNITIES.closedAmount]!;
  return [opened, closed, opened - closed];
}

/** Per unit index: amounts opened and closed up to `day` by the people in it (or below) on `day`. */
function pipelineOfUnits(store: FactStore, day: number): [Float64Array, Float64Array] {
  let memo = store.memo.get(MEMO_KEY) as Map<number, [Float64Array, Float64Array]> | undefined;
  if (!memo) {
    memo = new Map();
    store.memo.set(MEMO_KEY, memo);
  }
  let found = memo.get(day);
  if (!found) {
    const units = store.unitIndex;
    const people: number[] = [];
    for (let person = 0; person < store.people.size; person++)
      if (units.unitsOn(person, day).length > 0) people.push(person);
    // unitsOn may hand out unit indices: size the arrays after resolving everyone.
    const opened = new Float64Array(units.size);
    const closed = new Float64Array(units.size);
    for (const person of people) {
      const [o, c] = openAmount(store, person, day);
      if (o === 0 && c === 0) continue;
      for (const unit of units.unitsOn(person, day)) {
        opened[unit]! += o;
        closed[unit]! += c;
      }
    }
    found = [opened, closed];
    if (memo.size >= MEMO_LIMIT) memo.clear();
    memo.set(day, found);
  }
  return found;
}
