/**
 * Streams the records of a CSV file (RFC 4180: quotes, embedded newlines and commas), decoded
 * from its encoding, one record at a time so a million-row file never sits in memory.
 */
import fs from 'node:fs';
import { pipeline, Transform } from 'node:stream';
import iconv from 'iconv-lite';
import { CsvRecordSplitter } from './csv-records.ts';

/** A record of a table file: its row number as a spreadsheet shows it, and its cells. */
export interface RawRow {
  readonly row: number;
  readonly cells: readonly unknown[];
}

/** A pass-through stream that reports how many bytes went through it (for progress). */
export function countBytes(onBytes: ((total: number) => void) | undefined): Transform {
  let total = 0;
  return new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      total += chunk.length;
      onBytes?.(total);
      callback(null, chunk);
    },
  });
}

/**
 * Records of a CSV file. Row numbers count records (a quoted cell spanning lines stays one
 * row, as in Excel), the header being row 1; a blank line is a row with one empty cell.
 */
export async function* readCsvRows(
  filePath: string,
  encoding: string,
  onBytes?: (total: number) => void,
): AsyncGenerator<RawRow> {
  const decoder = iconv.decodeStream(encoding, { stripBOM: true });
  pipeline(
    fs.createReadStream(filePath, { highWaterMark: 1024 * 1024 }),
    countBytes(onBytes),
    decoder,
    () => {
      // Errors reach the consumer through the decoder's iterator; nothing else to do here.
    },
  );
  const splitter = new CsvRecordSplitter();
  let row = 0;
  // The records a chunk completes are handed out before a syntax error later in it is thrown,
  // so the error is reported at the row where reading stopped.
  async function* split(step: (records: string[][]) => void): AsyncGenerator<RawRow> {
    const records: string[][] = [];
    let failure: unknown = null;
    try {
      step(records);
    } catch (error) {
      failure = error;
    }
    for (const cells of records) {
      row += 1;
      yield { row, cells };
    }
    if (failure) throw failure;
  }
  for await (const chunk of decoder as AsyncIterable<string>) {
    yield* split((records) => splitter.push(chunk, records));
  }
  yield* split((records) => splitter.end(records));
}
