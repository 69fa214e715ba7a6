/**
 * Previewing a draft plan (docs/plans.md "Previewing a draft"): the close the draft would give on
 * the last closed period — the newest stored close run, with its period and as-of date — against
 * what that run holds. Nothing is stored. POST /plans/preview calls it; so can a CLI command.
 */
import {
  type CloseJson,
  diffCloses,
  type Fen,
  fen,
  formatMoney,
  formatPlan,
  type PersonChange,
  type Plan,
  type PlanChange,
  parseMoney,
  parsePeriod,
  planDiff,
  planToFile,
} from '@attain/engine';
import { AppError } from '../../errors.ts';
import { closePeopleOf, closeUnitsOf, loadAllGoals } from '../closes/close-inputs.ts';
import { type CloseSources, computeCloseInTurns } from '../closes/close-run.service.ts';
import { findCloseRun, listCloseRuns } from '../closes/closes.repository.ts';
import { findLatestPlanVersion } from './plans.repository.ts';
import { parsePlanOrThrow } from './plans.service.ts';

/** A close line under the draft beside the stored run's (null on the side where the person is absent). */
export interface PreviewPerson {
  readonly id: string;
  readonly name: string | null;
  readonly unitId: string | null;
  readonly score: number | null;
  readonly grade: string | null;
  /** Null when the draft leaves the person out of the close. */
  readonly totalPay: string | null;
  readonly before: {
    readonly score: number | null;
    readonly grade: string | null;
    readonly totalPay: string;
  } | null;
  /** Draft total − stored total ("0.00" when unchanged). */
  readonly change: string;
}

export interface PlanPreview {
  readonly period: string;
  readonly start: string;
  readonly end: string;
  readonly asOf: string;
  readonly basedOnRun: { readonly id: number; readonly planVersion: number; readonly createdAt: string };
  /** Everyone in the draft's close or the stored run, sorted by id. */
  readonly people: readonly PreviewPerson[];
  readonly totals: { readonly totalPay: string; readonly before: string; readonly change: string };
  /** diffCloses(stored run, draft close): who changes and why. */
  readonly diff: readonly PersonChange[];
  /** The draft against the latest applied version ([] before the first one). */
  readonly changes: readonly PlanChange[];
  /** The parsed draft in the file's shape (decimals as text) and as canonical YAML: the form ⇄ YAML round trip. */
  readonly file: unknown;
  readonly yaml: string;
}

/** Thrown when no close has been run yet: there is no closed period to preview on. */
export const NO_RUN_MESSAGE =
  'no close has been run yet: run a close (the pay page or `attain close`) to preview a plan on it';

/** The plan in the file's shape as plain JSON (decimals as their text): what the web's designer form edits. */
export const planFileOf = (plan: Plan): unknown => JSON.parse(JSON.stringify(planToFile(plan)));

const money = (text: string | null | undefined): Fen => (text ? (parseMoney(text) ?? fen(0)) : fen(0));
const sumPay = (json: CloseJson): Fen => fen(json.people.reduce((sum, p) => sum + money(p.total_pay), 0));

/**
 * Parses the draft (400 `validation_failed` naming every path) and computes its close on the
 * newest stored run's period and as-of date (409 `conflict` before any run).
 * @example await previewPlan(await liveCloseSources(ctx), draftYaml) // { period: '2026-Q3', totals: { change: '120.00', … }, … }
 */
export async function previewPlan(sources: CloseSources, yaml: string): Promise<PlanPreview> {
  const plan = parsePlanOrThrow(yaml);
  const [newest] = await listCloseRuns(sources.db);
  const run = newest ? await findCloseRun(sources.db, newest.id) : null;
  if (!run) throw new AppError('conflict', NO_RUN_MESSAGE);
  // The run's period key read with the draft's calendar: exactly what `attain close` would compute
  // with this plan (a changed fiscal_year_start moves the dates, as it would in a real close).
  const period = parsePeriod(run.period, plan.calendar.fiscalYearStart);
  if (!period) throw new AppError('validation_failed', `not a period: ${run.period}`, 'period');
  const latest = await findLatestPlanVersion(sources.db);
  const goals = await loadAllGoals(sources.db);
  // In turns, like every close the server computes: other requests are answered meanwhile.
  const { json } = await computeCloseInTurns({
    store: sources.store,
    plan,
    period,
    asOf: run.asOf,
    people: closePeopleOf(sources.dir),
    units: closeUnitsOf(sources.dir),
    goalsOf: goals.goalsOf,
    planVersion: (latest?.version ?? 0) + 1, // the version the draft would become
  });
  const diff = diffCloses(run.json, json);
  const after = new Map(json.people.map((p) => [p.id, p]));
  const before = new Map(run.json.people.map((p) => [p.id, p]));
  const ids = [...new Set([...after.keys(), ...before.keys()])].sort();
  const people = ids.map((id): PreviewPerson => {
    const a = after.get(id);
    const b = before.get(id);
    return {
      id,
      name: sources.dir.people.get(id)?.name ?? null,
      unitId: a?.unit_id ?? b?.unit_id ?? null,
      score: a?.score ?? null,
      grade: a?.grade ?? null,
      totalPay: a?.total_pay ?? null,
      before: b ? { score: b.score, grade: b.grade, totalPay: b.total_pay } : null,
      change: formatMoney(fen(money(a?.total_pay) - money(b?.total_pay))),
    };
  });
  const total = sumPay(json);
  const totalBefore = sumPay(run.json);
  return {
    period: json.period,
    start: json.start,
    end: json.end,
    asOf: json.as_of,
    basedOnRun: { id: run.id, planVersion: run.planVersion, createdAt: run.createdAt },
    people,
    totals: {
      totalPay: formatMoney(total),
      before: formatMoney(totalBefore),
      change: formatMoney(fen(total - totalBefore)),
    },
    diff,
    changes: latest ? planDiff(latest.plan, plan) : [],
    file: planFileOf(plan),
    yaml: formatPlan(plan),
  };
}
