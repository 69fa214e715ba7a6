/**
 * Opens a table file — CSV or XLSX, told apart by magic bytes, then by extension — as a
 * stream of raw rows, for any number of passes (contract §1: validate, then write).
 */
import fs from 'node:fs/promises';
import path from 'node:path';
import { AppError } from '../../errors.ts';
import { detectFileEncoding } from './detect-encoding.ts';
import { type RawRow, readCsvRows } from './read-csv.ts';
import { readXlsxRows } from './read-xlsx.ts';

export type TableFormat = 'csv' | 'xlsx';

export interface TableFile {
  readonly format: TableFormat;
  /** The CSV encoding used (given or detected); null for XLSX. */
  readonly encoding: string | null;
  readonly totalBytes: number;
  /** One pass over every row, the header first. */
  rows(onBytes?: (total: number) => void): AsyncGenerator<RawRow>;
}

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];
const OLE_MAGIC = [0xd0, 0xcf, 0x11, 0xe0];

async function readMagic(filePath: string): Promise<Buffer> {
  const handle = await fs.open(filePath, 'r');
  try {
    const buffer = Buffer.alloc(4);
    const { bytesRead } = await handle.read(buffer, 0, 4, 0);
    return buffer.subarray(0, bytesRead);
  } finally {
    await handle.close();
  }
}

const hasMagic = (bytes: Buffer, magic: number[]) =>
  bytes.length >= magic.length && magic.every((b, i) => bytes[i] === b);

/** CSV or XLSX: the content decides (a renamed file still opens); the extension breaks ties. */
export async function detectFormat(filePath: string): Promise<TableFormat> {
  const magic = await readMagic(filePath);
  if (hasMagic(magic, ZIP_MAGIC)) return 'xlsx';
  if (hasMagic(magic, OLE_MAGIC) || path.extname(filePath).toLowerCase() === '.xls') {
    throw new AppError(
      'import_invalid',
      'old Excel files (.xls) are not supported: save the sheet as .xlsx or CSV',
    );
  }
  return 'csv';
}

/**
 * Opens a table file. Throws `import_invalid` when it cannot be read at all.
 * @param encoding a CSV encoding that overrides detection (`--encoding`)
 */
export async function openTableFile(filePath: string, encoding?: string): Promise<TableFile> {
  let totalBytes: number;
  try {
    totalBytes = (await fs.stat(filePath)).size;
  } catch (error) {
    throw new AppError(
      'import_invalid',
      `cannot read ${filePath}: ${(error as NodeJS.ErrnoException).code ?? String(error)}`,
    );
  }
  const format = await detectFormat(filePath);
  if (format === 'xlsx') {
    return { format, encoding: null, totalBytes, rows: (onBytes) => readXlsxRows(filePath, onBytes) };
  }
  const csvEncoding = encoding ?? (await detectFileEncoding(filePath));
  return {
    format,
    encoding: csvEncoding,
    totalBytes,
    rows: (onBytes) => readCsvRows(filePath, csvEncoding, onBytes),
  };
}
