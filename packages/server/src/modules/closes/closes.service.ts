/** Reading close runs for the API (shared by closes and statements routes). */
import { diffCloses, type PersonChange } from '@attain/engine';
import { notFound } from '../../errors.ts';
import type { AppContext } from '../../http/context.ts';
import type { CloseSources } from './close-run.service.ts';
import { type CloseRun, findCloseRun, listCloseRuns } from './closes.repository.ts';

export async function requireCloseRun(ctx: AppContext, id: number): Promise<CloseRun> {
  const run = await findCloseRun(ctx.db.kysely, id);
  if (!run) throw notFound(`close run ${id}`);
  return run;
}

/** The run a statement reads: the given one, else the newest run of all. */
export async function resolveCloseRun(ctx: AppContext, id: number | undefined): Promise<CloseRun> {
  if (id !== undefined) return requireCloseRun(ctx, id);
  const [newest] = await listCloseRuns(ctx.db.kysely);
  if (!newest) throw notFound('close run');
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

/** The live store, refreshed to the newest committed revision, as the sources of a close. */
export async function liveCloseSources(ctx: AppContext): Promise<CloseSources> {
  const store = await ctx.facts.refresh();
  return {
    db: ctx.db.kysely,
    store,
    dir: await ctx.facts.directory(),
    dataRevision: ctx.facts.appliedRevision,
  };
}
