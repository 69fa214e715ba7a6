/**
 * The importing thread's handle on the validation thread (validation.worker.ts): one worker per
 * process, started on first use or ahead of time by {@link prestartValidationThread} (`attain
 * serve` and `attain import` do, since loading the checks' modules in a new thread takes a few
 * hundred milliseconds), kept while the process lives and never keeping it alive when idle.
 *
 * The worker runs the TypeScript sources like the rest of the process, through tsx's loader,
 * which a new thread has to register for itself.
 */
import { createRequire } from 'node:module';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { AppError, type ErrorCode } from '../../errors.ts';
import type {
  FromValidationThread,
  ThrownError,
  ToValidationThread,
  ValidationJob,
} from './validation-messages.ts';

const entry = new URL('./validation.worker.ts', import.meta.url).href;
/** tsx's ESM loader API, located from here: the process's working directory may be anywhere. */
function tsxApiUrl(): string {
  const require = createRequire(import.meta.url);
  const manifest = require.resolve('tsx/package.json');
  const exported = (require(manifest) as { exports: Record<string, { import: { default: string } }> })
    .exports['./esm/api'];
  if (!exported) throw new Error('tsx does not export ./esm/api');
  return pathToFileURL(path.join(path.dirname(manifest), exported.import.default)).href;
}
/** The worker's first code: register tsx in the new thread, then load the entry. */
const boot = () =>
  `import(${JSON.stringify(tsxApiUrl())}).then((tsx) => { tsx.register(); return import(${JSON.stringify(entry)}); });`;

let worker: Worker | null = null;
let ready: Promise<void> = Promise.resolve();
let busy = false;

function spawn(): Worker {
  const started = new Worker(boot(), { eval: true });
  ready = new Promise((resolve, reject) => {
    started.once('message', () => {
      // Referenced while it boots (someone may be waiting for it), then only while it works.
      if (!busy) started.unref();
      resolve();
    });
    started.once('error', reject);
  });
  // Nobody may wait for it (`attain import` only starts it early).
  ready.catch(() => {});
  // A worker that died (it never should) is replaced by the next job.
  started.on('exit', () => {
    if (worker === started) worker = null;
  });
  started.on('error', () => {});
  return started;
}

/**
 * Starts the validation thread now, so that the first large import does not wait for it;
 * resolves when it has loaded its modules.
 */
export function prestartValidationThread(): Promise<void> {
  worker ??= spawn();
  return ready;
}

/** Whether a job can start now: one runs at a time, others validate in their own thread. */
export function validationThreadFree(): boolean {
  return !busy;
}

function rethrown(error: ThrownError): Error {
  if (error.code !== undefined) return new AppError(error.code as ErrorCode, error.message, error.field);
  const copy = new Error(error.message);
  copy.name = error.name;
  return copy;
}

/**
 * One job on the validation thread: its messages in order, until `done`. A `failed` message is
 * thrown. {@link ValidationRun.credit} after each batch of rows is written;
 * {@link ValidationRun.abandon} when the import stops early (the worker is replaced).
 */
export class ValidationRun {
  private readonly queue: FromValidationThread[] = [];
  private wake: (() => void) | null = null;
  private failure: Error | null = null;
  private finished = false;

  constructor(
    private readonly thread: Worker,
    job: ValidationJob,
  ) {
    busy = true;
    thread.ref();
    thread.on('message', this.onMessage);
    thread.on('error', this.onError);
    thread.on('exit', this.onExit);
    this.send({ type: 'job', job });
  }

  private send(message: ToValidationThread): void {
    this.thread.postMessage(message);
  }

  private readonly onMessage = (message: FromValidationThread) => {
    this.queue.push(message);
    this.notify();
  };
  private readonly onError = (error: Error) => {
    this.failure ??= error;
    this.notify();
  };
  private readonly onExit = (code: number) => {
    this.failure ??= new Error(`the validation thread stopped (exit code ${code})`);
    this.notify();
  };

  private notify(): void {
    const wake = this.wake;
    this.wake = null;
    wake?.();
  }

  async *messages(): AsyncGenerator<FromValidationThread> {
    try {
      for (;;) {
        const next = this.queue.shift();
        if (next === undefined) {
          if (this.failure) throw this.failure;
          await new Promise<void>((resolve) => {
            this.wake = resolve;
          });
          continue;
        }
        if (next.type === 'ready') continue;
        if (next.type === 'failed') {
          this.finished = true;
          throw rethrown(next.error);
        }
        yield next;
        if (next.type === 'done') {
          this.finished = true;
          return;
        }
      }
    } finally {
      this.release();
    }
  }

  credit(): void {
    this.send({ type: 'credit' });
  }

  /** Answers the worker's `resolve`. */
  resolved(found: readonly string[]): void {
    this.send({ type: 'resolved', found });
  }

  private release(): void {
    this.thread.off('message', this.onMessage);
    this.thread.off('error', this.onError);
    this.thread.off('exit', this.onExit);
    if (!this.finished) {
      // Stopped midway: the worker may be waiting for credit or still reading; start afresh.
      if (worker === this.thread) worker = null;
      void this.thread.terminate();
    } else this.thread.unref();
    busy = false;
  }
}

/** Starts `job` on the validation thread; the caller must check {@link validationThreadFree}. */
export function startValidation(job: ValidationJob): ValidationRun {
  if (busy) throw new Error('the validation thread is busy');
  worker ??= spawn();
  return new ValidationRun(worker, job);
}
