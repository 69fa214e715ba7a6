/**
 * Close runs started in the background (issue 4: "progress is shown while a run works"): an
 * in-memory registry per app, like the import jobs. A job goes loading → computing → storing →
 * done; while computing it carries the engine's progress (closeSteps: phase, done of total), and
 * the close yields to the event loop between chunks, so polling it gets answers.
 * A restart forgets jobs; every finished run is in close_runs and the audit log.
 */
import { randomUUID } from 'node:crypto';
import type { ClosePhase } from '@attain/engine';
import { AppError, notFound } from '../../errors.ts';
import type { Actor } from '../auth/actor.ts';
import type { StoredCloseRun } from './close-run.service.ts';

export type CloseStep = 'loading' | 'computing' | 'storing' | 'done';

/** What a run reports: its step and, while computing, the engine's progress. */
export interface CloseJobProgress {
  readonly step: CloseStep;
  readonly phase?: ClosePhase;
  readonly done?: number;
  readonly total?: number;
}

export interface CloseJobView {
  readonly id: string;
  readonly period: string;
  readonly state: 'running' | 'done' | 'failed';
  readonly step: CloseStep;
  /** The engine's phase while computing (metrics, scoring, pools, awards, pay), else null. */
  readonly phase: ClosePhase | null;
  /** Units of the engine's work done, of `total` (null until the engine has started). */
  readonly done: number | null;
  readonly total: number | null;
  /** 0–100: the computed share of the close; 100 once it is computed (storing, done). */
  readonly percent: number;
  readonly result: StoredCloseRun | null;
  readonly error: { code: string; message: string; field?: string } | null;
}

interface JobRecord {
  readonly id: string;
  readonly period: string;
  readonly ownerUserId: string;
  state: CloseJobView['state'];
  step: CloseStep;
  phase: ClosePhase | null;
  done: number | null;
  total: number | null;
  result: StoredCloseRun | null;
  error: CloseJobView['error'];
  finishedAt: number | null;
}

const KEEP_FINISHED_MS = 60 * 60 * 1000;

export class CloseJobs {
  private readonly jobs = new Map<string, JobRecord>();

  /** Starts `run` on the next turn of the event loop and returns the job at once. */
  start(
    period: string,
    actor: Actor,
    run: (report: (progress: CloseJobProgress) => void) => Promise<StoredCloseRun>,
  ): CloseJobView {
    const now = Date.now();
    for (const [id, job] of this.jobs)
      if (job.finishedAt !== null && now - job.finishedAt > KEEP_FINISHED_MS) this.jobs.delete(id);
    const job: JobRecord = {
      id: randomUUID(),
      period,
      ownerUserId: actor.userId,
      state: 'running',
      step: 'loading',
      phase: null,
      done: null,
      total: null,
      result: null,
      error: null,
      finishedAt: null,
    };
    this.jobs.set(job.id, job);
    setImmediate(() => {
      run((progress) => {
        job.step = progress.step;
        job.phase = progress.phase ?? null;
        if (progress.done !== undefined) job.done = progress.done;
        if (progress.total !== undefined) job.total = progress.total;
      })
        .then((result) => {
          Object.assign(job, { state: 'done', step: 'done', phase: null, result });
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

function percentOf(job: JobRecord): number {
  if (job.step === 'storing' || job.step === 'done') return 100;
  if (job.step === 'loading' || !job.total) return 0;
  return Math.floor((100 * (job.done ?? 0)) / job.total);
}

const view = (job: JobRecord): CloseJobView => ({
  id: job.id,
  period: job.period,
  state: job.state,
  step: job.step,
  phase: job.phase,
  done: job.done,
  total: job.total,
  percent: percentOf(job),
  result: job.result,
  error: job.error,
});
