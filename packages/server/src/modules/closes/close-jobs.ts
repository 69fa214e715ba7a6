/**
 * Close runs started in the background (issue 4: "progress is shown while a run works"): an
 * in-memory registry per app, like the import jobs. The engine computes a close in one
 * synchronous step, so progress is the step the run is in: loading → computing → storing → done.
 * A restart forgets jobs; every finished run is in close_runs and the audit log.
 */
import { randomUUID } from 'node:crypto';
import { AppError, notFound } from '../../errors.ts';
import type { Actor } from '../auth/actor.ts';
import type { StoredCloseRun } from './close-run.service.ts';

export type CloseStep = 'loading' | 'computing' | 'storing' | 'done';

export interface CloseJobView {
  readonly id: string;
  readonly period: string;
  state: 'running' | 'done' | 'failed';
  step: CloseStep;
  result: StoredCloseRun | null;
  error: { code: string; message: string; field?: string } | null;
}

interface JobRecord extends CloseJobView {
  readonly ownerUserId: string;
  finishedAt: number | null;
}

const KEEP_FINISHED_MS = 60 * 60 * 1000;

export class CloseJobs {
  private readonly jobs = new Map<string, JobRecord>();

  /** Starts `run` on the next turn of the event loop and returns the job at once. */
  start(
    period: string,
    actor: Actor,
    run: (onStep: (step: CloseStep) => void) => Promise<StoredCloseRun>,
  ): CloseJobView {
    const now = Date.now();
    for (const [id, job] of this.jobs)
      if (job.finishedAt !== null && now - job.finishedAt > KEEP_FINISHED_MS) this.jobs.delete(id);
    const job: JobRecord = {
      id: randomUUID(),
      period,
      state: 'running',
      step: 'loading',
      result: null,
      error: null,
      ownerUserId: actor.userId,
      finishedAt: null,
    };
    this.jobs.set(job.id, job);
    setImmediate(() => {
      run((step) => {
        job.step = step;
      })
        .then((result) => {
          Object.assign(job, { state: 'done', step: 'done', result });
        })
        .catch((error: unknown) => {
          const e = error instanceof AppError ? error : new AppError('internal', 'the close failed');
          job.state = 'failed';
          job.error = { code: e.code, message: e.message, ...(e.field ? { field: e.field } : {}) };
        })
        .finally(() => {
          job.finishedAt = Date.now();
        });
    });
    return view(job);
  }

  /** The job as its starter sees it (others: 404). */
  get(id: string, actor: Actor): CloseJobView {
    const job = this.jobs.get(id);
    if (!job || job.ownerUserId !== actor.userId) throw notFound(`close job ${id}`);
    return view(job);
  }
}

const view = (job: JobRecord): CloseJobView => ({
  id: job.id,
  period: job.period,
  state: job.state,
  step: job.step,
  result: job.result,
  error: job.error,
});
