/** Reading close runs for the API (shared by closes and statements routes). */
import { type CloseStepOptions, diffCloses, type PersonChange } from '@attain/engine';
import { notFound } from '../../errors.ts';
import type { AppContext } from '../../http/context.ts';
import type { Actor } from '../auth/actor.ts';
import type { CloseJobProgress } from './close-jobs.ts';
import {
  type CloseSources,
  computeStoredPlanClose,
  type StoredCloseRun,
  storeCloseRun,
} from './close-run.service.ts';
import { type CloseRun, findCloseRun, listCloseRuns } from './closes.repository.ts';

export async function requireCloseRun(ctx: AppContext, id: number): Promise<CloseRun> {
  const run = await findCloseRun(ctx.db.kysely, id);
  if (!run) throw notFound(`close run ${id}`);
  return run;
}

/** Which run a statement reads: `closeId`, else the newest run of `period`, else the newest run. */
export interface RunChoice {
  readonly closeId?: number;
  readonly period?: string;
}

export async function resolveCloseRun(ctx: AppContext, choice: RunChoice): Promise<CloseRun> {
  if (choice.closeId !== undefined) return requireCloseRun(ctx, choice.closeId);
  const [newest] = await listCloseRuns(ctx.db.kysely, choice.period);
  if (!newest) throw notFound(choice.period ? `close run of ${choice.period}` : 'close run');
  return requireCloseRun(ctx, newest.id);
}

/** A run with the run before it in the same period and the changes between them. */
export async function closeRunDiff(
  ctx: AppContext,
  run: CloseRun,
): Promise<{ previous: CloseRun | null; changes: PersonChange[] }> {
  const previous = run.previousId === null ? null : await findCloseRun(ctx.db.kysely, run.previousId);
  return { previous, changes: previous ? diffCloses(previous.json, run.json) : [] };
}

/** What a close needs of the app: the database, the live facts and the clock. */
export type CloseContext = Pick<AppContext, 'db' | 'facts' | 'now'>;

/** The live store, refreshed to the newest committed revision, as the sources of a close. */
export async function liveCloseSources(ctx: CloseContext): Promise<CloseSources> {
  const store = await ctx.facts.refresh();
  return {
    db: ctx.db.kysely,
    store,
    dir: await ctx.facts.directory(),
    dataRevision: ctx.facts.appliedRevision,
  };
}

/**
 * POST /closes: computes on the live store and stores the run, reporting each step and, while
 * computing, the engine's progress.
 */
export async function runAndStoreClose(
  ctx: CloseContext,
  actor: Actor,
  query: { period: string; asOf: string; reason: string | null },
  report: (progress: CloseJobProgress) => void,
  options: CloseStepOptions = {},
): Promise<StoredCloseRun> {
  const sources = await liveCloseSources(ctx);
  report({ step: 'computing' });
  const computed = await computeStoredPlanClose(sources, query, {
    ...options,
    onProgress: ({ phase, done, total }) => report({ step: 'computing', phase, done, total }),
  });
  report({ step: 'storing' });
  return storeCloseRun(ctx.db.kysely, actor, computed, query.reason, ctx.now());
}
