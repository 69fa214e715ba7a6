/**
 * The statement's what-if (issue 4): "if I add ¥X revenue / ¥Y collected, my pay becomes …",
 * computed by running the same close with the person's metric values moved by the deltas.
 */
import { parseMetricKey } from '../metric-key.ts';
import { fen, formatMoney, parseMoney } from '../money.ts';
import type {
  CloseInput,
  ClosePayJson,
  ClosePersonJson,
  CloseResult,
  PersonExplanation,
} from './close-types.ts';
import { runClose } from './compute-close.ts';

export interface PayEstimate {
  readonly personId: string;
  /** Deltas applied, by canonical metric key (fen for money metrics). */
  readonly deltas: Readonly<Record<string, number>>;
  readonly current: { readonly pay: readonly ClosePayJson[]; readonly total_pay: string } | null;
  /** The person's close line with the deltas applied; null when they are not in the close. */
  readonly estimated: ClosePersonJson | null;
  /** estimated total − current total, a money string. */
  readonly difference: string;
  readonly explain: PersonExplanation | null;
}

/**
 * A person's pay if their metrics change by `deltas` (money metrics in fen, others in their unit).
 * The deltas also reach the units that contain the person (a bonus pool grows with its unit).
 * Values derived from a changed metric (e.g. collection_rate from collected) are not re-derived.
 * @example estimatePay(input, 'r1', { revenue: 10_000_00 }).estimated?.total_pay // '51234.50'
 */
export function estimatePay(
  input: CloseInput,
  personId: string,
  deltas: Readonly<Record<string, number>>,
  baseline?: CloseResult,
): PayEstimate {
  for (const key of Object.keys(deltas)) {
    const parsed = parseMetricKey(key);
    if ('error' in parsed) throw new RangeError(`what-if: ${parsed.error}`);
    if (!Number.isFinite(deltas[key])) throw new RangeError(`what-if: not a number for ${key}`);
  }
  const before = (baseline ?? runClose(input, null)).json.people.find((p) => p.id === personId) ?? null;
  const after = runClose(input, { personId, deltas });
  const estimated = after.json.people.find((p) => p.id === personId) ?? null;
  const total = (line: ClosePersonJson | null) => (line ? parseMoney(line.total_pay)! : 0);
  return {
    personId,
    deltas,
    current: before && { pay: before.pay, total_pay: before.total_pay },
    estimated,
    difference: formatMoney(fen(total(estimated) - total(before))),
    explain: after.explain.people[personId] ?? null,
  };
}
