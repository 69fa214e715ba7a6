/**
 * Background imports started over HTTP: an in-memory registry of jobs (their progress and
 * report), one per app. The upload's temp folder is removed when the job ends. A server
 * restart forgets jobs — they are short-lived, and each finished import is in the audit log.
 */
import { randomUUID } from 'node:crypto';
import type { Actor } from '../auth/actor.ts';
import type { EntityName } from '../entities/entities.ts';
import type { ImportProgress, ImportReport } from './import-types.ts';

export interface ImportJobView {
  id: string;
  entity: EntityName;
  state: 'running' | 'done' | 'failed';
  progress: ImportProgress;
  report: ImportReport | null;
  error: string | null;
}

interface JobRecord extends ImportJobView {
  readonly ownerUserId: string;
  finishedAt: number | null;
  done: Promise<void>;
}

/** Finished jobs are forgotten after this long. */
const KEEP_FINISHED_MS = 60 * 60 * 1000;

export class ImportJobs {
  private readonly jobs = new Map<string, JobRecord>();

  /** Starts `run` in the background and returns the job at once; `cleanup` runs when it ends. */
  start(
    entity: EntityName,
    actor: Actor,
    run: (onProgress: (p: ImportProgress) => void) => Promise<ImportReport>,
    cleanup: () => Promise<void>,
  ): ImportJobView {
    this.forgetOldJobs();
    const job: JobRecord = {
      id: randomUUID(),
      entity,
      state: 'running',
      progress: { phase: 'reading', rows: 0 },
      report: null,
      error: null,
      ownerUserId: actor.userId,
      finishedAt: null,
      done: Promise.resolve(),
    };
    this.jobs.set(job.id, job);
    job.done = run((p) => {
      job.progress = p;
    })
      .then((report) => {
        job.report = report;
        job.state = 'done';
      })
      .catch((error: unknown) => {
        job.error = error instanceof Error ? error.message : String(error);
        job.state = 'failed';
      })
      .finally(async () => {
        job.finishedAt = Date.now();
        await cleanup().catch(() => {});
      });
    return this.view(job);
  }

  /** The job with its owner, or undefined. */
  find(id: string): (ImportJobView & { ownerUserId: string }) | undefined {
    const job = this.jobs.get(id);
    return job ? { ...this.view(job), ownerUserId: job.ownerUserId } : undefined;
  }

  /** Resolves when every running job has ended (server shutdown, tests). */
  async settle(): Promise<void> {
    await Promise.all([...this.jobs.values()].map((job) => job.done));
  }

  private view(job: JobRecord): ImportJobView {
    const { id, entity, state, progress, report, error } = job;
    return { id, entity, state, progress, report, error };
  }

  private forgetOldJobs(): void {
    const now = Date.now();
    for (const [id, job] of this.jobs) {
      if (job.finishedAt !== null && now - job.finishedAt > KEEP_FINISHED_MS) this.jobs.delete(id);
    }
  }
}
