/**
 * PostgreSQL `COPY … FROM STDIN` of normalised rows on a Kysely transaction's connection.
 * Kysely hands a compiled query's `sql` to pg's `client.query`, which also accepts a
 * "submittable" (pg's public extension point, what pg-copy-streams implements), so the COPY
 * runs on the transaction's own connection, inside the import's transaction.
 */
import { finished } from 'node:stream/promises';
import { CompiledQuery } from 'kysely';
import { from as copyFrom } from 'pg-copy-streams';
import type { NormalizedRow } from './import-types.ts';
import type { AnyDb } from './write-batches.ts';

const NEEDS_QUOTES = /[",\r\n\\]/;

/**
 * One value as a CSV field of COPY: NULL is an empty unquoted field, so an empty string is
 * quoted; so is anything with a quote, comma, line break or backslash (`\.` ends the data).
 * @example copyField(null) // ''
 * @example copyField('a,"b"') // '"a,""b"""'
 */
export function copyField(value: string | number | null | undefined): string {
  if (value === null || value === undefined) return '';
  if (typeof value === 'number') return String(value);
  return value === '' || NEEDS_QUOTES.test(value) ? `"${value.replaceAll('"', '""')}"` : value;
}

/** The rows as COPY CSV text, `columns` in order, one line per row, each ending in `tail`. */
export function copyText(rows: readonly NormalizedRow[], columns: readonly string[], tail = ''): string {
  const lines = new Array<string>(rows.length);
  for (let i = 0; i < rows.length; i++) {
    const row = rows[i] as NormalizedRow;
    let line = '';
    for (let c = 0; c < columns.length; c++) {
      if (c > 0) line += ',';
      line += copyField(row[columns[c] as string]);
    }
    lines[i] = line + tail;
  }
  return `${lines.join('\n')}\n`;
}

const quoteId = (name: string) => `"${name.replaceAll('"', '""')}"`;

/**
 * One `COPY … FROM STDIN` kept open across batches: each batch's text is written as it comes, so
 * PostgreSQL stores one batch while the next is being checked and converted, as in a bulk load,
 * instead of a round trip per batch. The connection is busy until {@link OpenCopy.end}.
 */
export interface OpenCopy {
  /** Sends the rows; resolves when the stream can take more (back-pressure). */
  write(rows: readonly NormalizedRow[]): Promise<void>;
  /** Ends the COPY and resolves when PostgreSQL has stored every row (rejects if it refused one). */
  end(): Promise<void>;
}

export async function openCopy(
  trx: AnyDb,
  table: string,
  columns: readonly string[],
  constant?: { readonly column: string; readonly value: number },
): Promise<OpenCopy> {
  const written = constant ? [...columns, constant.column] : columns;
  const stream = copyFrom(`copy ${table} (${written.map(quoteId).join(', ')}) from stdin with (format csv)`);
  const done = finished(stream);
  // A refused row fails the stream at once; the failure is reported by the next write or end.
  done.catch(() => {});
  await trx.executeQuery({ ...CompiledQuery.raw(''), sql: stream as unknown as string });
  const tail = constant ? `,${constant.value}` : '';
  return {
    async write(rows) {
      if (stream.errored) throw stream.errored;
      if (!stream.write(copyText(rows, columns, tail))) {
        await new Promise<void>((resolve, reject) => {
          const settle = (error?: Error) => {
            stream.off('drain', settle);
            stream.off('error', settle);
            if (error) reject(error);
            else resolve();
          };
          stream.once('drain', settle);
          stream.once('error', settle);
        });
      }
    },
    async end() {
      stream.end();
      await done;
    },
  };
}

/**
 * COPies `rows` into `table` (quoted by the caller if needed); `constant` adds one more column
 * with the same value on every row (the revision). `trx` must be a transaction: outside one,
 * each query may run on a different pooled connection.
 */
export async function copyInto(
  trx: AnyDb,
  table: string,
  columns: readonly string[],
  rows: readonly NormalizedRow[],
  constant?: { readonly column: string; readonly value: number },
): Promise<void> {
  const copy = await openCopy(trx, table, columns, constant);
  await copy.write(rows);
  await copy.end();
}
