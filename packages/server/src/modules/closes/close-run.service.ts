/**
 * Running a close (contract §6, §7 `attain close`): the CLI and POST /closes both compute with
 * {@link computeStoredPlanClose} and store with {@link storeCloseRun}, so they share one history.
 */
import {
  type CloseExplanation,
  type CloseInput,
  type CloseProgress,
  type CloseResult,
  type CloseStepOptions,
  closeSteps,
  diffCloses,
  type FactStore,
  type PersonChange,
  parsePeriod,
} from '@attain/engine';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema.ts';
import { AppError } from '../../errors.ts';
import type { OrgDirectory } from '../access/org-directory.ts';
import { appendAudit } from '../audit/audit.repository.ts';
import type { Actor } from '../auth/actor.ts';
import { findLatestPlanVersion, findPlanVersion, type PlanVersion } from '../plans/plans.repository.ts';
import { closePeopleOf, closeUnitsOf, loadAllGoals } from './close-inputs.ts';
import {
  type CloseRunSummary,
  findApprovedRunOfPeriod,
  findCloseRun,
  findLatestRunOfPeriod,
  insertCloseRun,
} from './closes.repository.ts';
import { lockPayWriters } from './pay-write-lock.ts';

/** The data a close reads: facts (with the revision they reflect) and the org directory. */
export interface CloseSources {
  readonly db: Kysely<Database>;
  readonly store: FactStore;
  readonly dir: OrgDirectory;
  /** Newest revision the store reflects: the facts part of the fingerprint. */
  readonly dataRevision: number;
}

export interface ComputedClose {
  readonly plan: PlanVersion;
  readonly input: CloseInput;
  readonly result: CloseResult;
  readonly goalsHash: string;
  readonly dataRevision: number;
}

/** Thrown before the first `plan apply` (contract §7: exit 1 with a clear message). */
export const NO_PLAN_MESSAGE = 'no plan has been applied yet: run `attain plan apply FILE` first';

/** How a caller follows a close while it computes. */
export interface CloseProgressOptions extends CloseStepOptions {
  /** Called after each chunk of the engine's work (engine closeSteps). */
  readonly onProgress?: (progress: CloseProgress) => void;
}

/**
 * Runs the engine's close chunk by chunk, giving the event loop a turn between chunks
 * (setImmediate), so the server keeps answering while a large close computes.
 */
export async function computeCloseInTurns(
  input: CloseInput,
  options: CloseProgressOptions = {},
): Promise<CloseResult> {
  const steps = closeSteps(input, options);
  for (;;) {
    const step = steps.next();
    if (step.done) return step.value;
    options.onProgress?.(step.value);
    await new Promise<void>((resolve) => setImmediate(resolve));
  }
}

/**
 * Computes the close of `period` with the latest plan version (or the one given). Nothing is stored.
 * @example await computeStoredPlanClose(sources, { period: '2026-Q3', asOf: '2026-10-05' })
 */
export async function computeStoredPlanClose(
  sources: CloseSources,
  query: { period: string; asOf: string; planVersion?: number },
  progress: CloseProgressOptions = {},
): Promise<ComputedClose> {
  const plan =
    query.planVersion === undefined
      ? await findLatestPlanVersion(sources.db)
      : await findPlanVersion(sources.db, query.planVersion);
  if (!plan) throw new AppError('validation_failed', NO_PLAN_MESSAGE);
  const period = parsePeriod(query.period, plan.plan.calendar.fiscalYearStart);
  if (!period) throw new AppError('validation_failed', `not a period: ${query.period}`, 'period');
  const goals = await loadAllGoals(sources.db);
  const input: CloseInput = {
    store: sources.store,
    plan: plan.plan,
    period,
    asOf: query.asOf,
    people: closePeopleOf(sources.dir),
    units: closeUnitsOf(sources.dir),
    goalsOf: goals.goalsOf,
    planVersion: plan.version,
  };
  return {
    plan,
    input,
    result: await computeCloseInTurns(input, progress),
    goalsHash: goals.hash,
    dataRevision: sources.dataRevision,
  };
}

/** Above this many listed events in a run, the explanation is stored without them (docs/pay.md). */
export const MAX_STORED_EVENTS = 200_000;

/**
 * The explanation to store: with every commission's orders and payments listed, unless they are
 * too many for one row (a large company's year); the drill-down then reads the live facts.
 */
export function withBoundedEvents(explain: CloseExplanation): CloseExplanation {
  let count = 0;
  for (const person of Object.values(explain.people))
    for (const pay of person.pay) count += pay.events?.length ?? 0;
  if (count <= MAX_STORED_EVENTS) return explain;
  const people = Object.fromEntries(
    Object.entries(explain.people).map(([id, person]) => [
      id,
      { ...person, pay: person.pay.map(({ events: _events, ...pay }) => pay) },
    ]),
  );
  return { ...explain, people };
}

export interface StoredCloseRun {
  readonly run: CloseRunSummary;
  /** Against the previous run of the same period (null for the first run). */
  readonly previousId: number | null;
  readonly diff: PersonChange[];
}

/**
 * Stores a computed close as a new draft run, with an audit entry, in one transaction.
 * A period with an approved run is frozen: a new run needs a `reason` (409 `conflict` without).
 */
export async function storeCloseRun(
  db: Kysely<Database>,
  actor: Actor,
  computed: ComputedClose,
  reason: string | null,
  now = new Date(),
): Promise<StoredCloseRun> {
  const { json } = computed.result;
  const explain = withBoundedEvents(computed.result.explain);
  return db.transaction().execute(async (trx) => {
    await lockPayWriters(trx);
    const approved = await findApprovedRunOfPeriod(trx, json.period);
    if (approved && !reason) {
      throw new AppError(
        'conflict',
        `period ${json.period} is frozen by approved run ${approved.id} (${approved.state}): a new run needs a reason`,
        'reason',
      );
    }
    const previous = await findLatestRunOfPeriod(trx, json.period);
    const id = await insertCloseRun(
      trx,
      {
        period: json.period,
        start: json.start,
        end: json.end,
        asOf: json.as_of,
        planVersion: computed.plan.version,
        fingerprint: { dataRevision: computed.dataRevision, goalsHash: computed.goalsHash },
        createdBy: actor.login,
        createdAt: now.toISOString(),
        reason,
        json,
        explain,
      },
      previous?.id ?? null,
    );
    const previousRun = previous ? await findCloseRun(trx, previous.id) : null;
    const diff = previousRun ? diffCloses(previousRun.json, json) : [];
    await appendAudit(
      trx,
      actor,
      {
        action: 'close.run',
        entity: 'close',
        entityId: String(id),
        detail: {
          period: json.period,
          asOf: json.as_of,
          planVersion: computed.plan.version,
          reason,
          changed: diff.length,
        },
      },
      now,
    );
    const run = (await findLatestRunOfPeriod(trx, json.period)) as CloseRunSummary;
    return { run, previousId: previous?.id ?? null, diff };
  });
}
