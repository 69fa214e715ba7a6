/**
 * Streams the records of a CSV file (RFC 4180: quotes, embedded newlines and commas), decoded
 * from its encoding, one record at a time so a million-row file never sits in memory.
 */
import fs from 'node:fs';
import { pipeline, Transform } from 'node:stream';
import { parse } from 'csv-parse';
import iconv from 'iconv-lite';

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
  const parser = parse({ relax_column_count: true, bom: true, skip_empty_lines: false });
  pipeline(
    fs.createReadStream(filePath, { highWaterMark: 256 * 1024 }),
    countBytes(onBytes),
    iconv.decodeStream(encoding, { stripBOM: true }),
    parser,
    () => {
      // Errors reach the consumer through the parser's iterator; nothing else to do here.
    },
  );
  let row = 0;
  for await (const record of parser as AsyncIterable<string[]>) {
    row += 1;
    yield { row, cells: record };
  }
}
