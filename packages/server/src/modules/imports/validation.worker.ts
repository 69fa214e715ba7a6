/**
 * The validation thread: pass 1 of a large CSV import (check-source.ts), run beside the
 * importing thread, which writes each batch of checked rows while the next is being checked
 * (docs/import.md: overlapped validation). Started by validation-thread.ts; one job at a time.
 */
import { parentPort } from 'node:worker_threads';
import { AppError } from '../../errors.ts';
import { ENTITIES, type EntityName } from '../entities/entities.ts';
import { checkSource } from './check-source.ts';
import { StoredIds } from './id-pages.ts';
import type { NormalizedRow } from './import-types.ts';
import { openTableFile } from './read-table.ts';
import { tableFilePasses } from './source-rows.ts';
import type { StoredFacts } from './stored-facts.ts';
import {
  FIRST_BATCH_ROWS,
  type FromValidationThread,
  MAX_BATCHES_IN_FLIGHT,
  type ThrownError,
  type ToValidationThread,
  type ValidationJob,
} from './validation-messages.ts';

const PROGRESS_EVERY_ROWS = 1000;

if (!parentPort) throw new Error('validation.worker.ts runs in a worker thread');
const port = parentPort;
const post = (message: FromValidationThread) => port.postMessage(message);

let inFlight = 0;
let wakeOnCredit: (() => void) | null = null;
let answer: ((found: readonly string[]) => void) | null = null;

port.on('message', (message: ToValidationThread) => {
  if (message.type === 'credit') {
    inFlight -= 1;
    const wake = wakeOnCredit;
    wakeOnCredit = null;
    wake?.();
  } else if (message.type === 'resolved') {
    const deliver = answer;
    answer = null;
    deliver?.(message.found);
  } else void run(message.job);
});

/** Asks the importing thread, which holds the database, which of `ids` are stored. */
function resolve(entity: EntityName, ids: string[]): Promise<readonly string[]> {
  return new Promise((resolved) => {
    answer = resolved;
    post({ type: 'resolve', entity, ids });
  });
}
post({ type: 'ready' });

function describe(error: unknown): ThrownError {
  if (error instanceof AppError) {
    const thrown = { name: error.name, message: error.message, code: error.code };
    return error.field === undefined ? thrown : { ...thrown, field: error.field };
  }
  return error instanceof Error
    ? { name: error.name, message: error.message }
    : { name: 'Error', message: String(error) };
}

async function run(job: ValidationJob): Promise<void> {
  inFlight = 0;
  try {
    const spec = ENTITIES[job.entity];
    const stored: StoredFacts = {
      ids: new Map(job.storedIds.map(([entity, pages]) => [entity, new StoredIds(pages)])),
      partial: new Set(job.partial),
      hierarchy: new Map(job.hierarchy),
    };
    const file = await openTableFile(job.filePath, job.encoding);
    let bytesRead: number | undefined;
    let batch: NormalizedRow[] = [];
    let sent = 0;
    // Once a row fails the file will not be written: the rest is only checked, to name every error.
    let writable = true;
    const send = (): Promise<void> | undefined => {
      post({ type: 'rows', rows: batch });
      batch = [];
      sent += 1;
      inFlight += 1;
      if (inFlight < MAX_BATCHES_IN_FLIGHT) return undefined;
      return new Promise((resolve) => {
        wakeOnCredit = resolve;
      });
    };
    const check = await checkSource(spec, stored, tableFilePasses(file, spec), {
      onBytes: (total) => {
        bytesRead = total;
      },
      resolve,
      onRow(record, rowsChecked) {
        if (rowsChecked % PROGRESS_EVERY_ROWS === 0) post({ type: 'progress', rows: rowsChecked, bytesRead });
        if (!record) {
          writable = false;
          batch = [];
        }
        if (!writable || !record) return undefined;
        batch.push(record);
        const full = sent === 0 ? Math.min(FIRST_BATCH_ROWS, job.batchSize) : job.batchSize;
        return batch.length < full ? undefined : send();
      },
    });
    if (writable && check.errors.length === 0 && batch.length > 0) post({ type: 'rows', rows: batch });
    post({ type: 'done', check, bytesRead });
  } catch (error) {
    post({ type: 'failed', error: describe(error) });
  }
}
