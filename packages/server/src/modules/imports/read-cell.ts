/**
 * One cell → the value stored in the database, by the column's type (contract §1–2).
 * Cells arrive as CSV text or as typed XLSX / demo-loader values (number, Date, boolean).
 */
import { isIsoDate } from '@attain/engine';
import type { ColumnSpec } from '../entities/entities.ts';
import {
  compareDecimals,
  type ExactDecimal,
  formatDecimal,
  numberToDecimalText,
  ONE,
  parseDecimal,
  significantScale,
  ZERO,
} from './decimal-text.ts';

/** What a column holds once read: text, integer fen / integers / 0-1 booleans, or null. */
export type StoredValue = string | number | null;

export type CellResult =
  | { readonly ok: true; readonly value: StoredValue }
  | { readonly ok: false; readonly reason: string };

const ok = (value: StoredValue): CellResult => ({ ok: true, value });
const bad = (reason: string): CellResult => ({ ok: false, reason });

const pad2 = (n: number) => String(n).padStart(2, '0');

/**
 * The calendar date of a Date object, with no time-zone shift (contract §1). exceljs gives
 * Excel's dates as UTC wall time, so they are read in UTC; a Date made by code at local
 * midnight (`new Date(2026, 0, 5)` east of Greenwich is the 4th in UTC) is read locally.
 */
export function dateToIso(value: Date): string {
  const utcMidnight = value.getTime() % 86_400_000 === 0;
  const localMidnight =
    value.getHours() === 0 &&
    value.getMinutes() === 0 &&
    value.getSeconds() === 0 &&
    value.getMilliseconds() === 0;
  if (!utcMidnight && localMidnight) {
    return `${value.getFullYear()}-${pad2(value.getMonth() + 1)}-${pad2(value.getDate())}`;
  }
  return value.toISOString().slice(0, 10);
}

/** How a raw cell is shown in an error report and a preview. */
export function cellText(raw: unknown): string {
  if (raw === null || raw === undefined) return '';
  if (raw instanceof Date) return Number.isNaN(raw.getTime()) ? '' : dateToIso(raw);
  if (typeof raw === 'number') return numberToDecimalText(raw) ?? String(raw);
  return String(raw);
}

const LOOSE_DATE = /^(\d{4})[-/.](\d{1,2})[-/.](\d{1,2})(?:[ T]0?0:00(?::00(?:\.0+)?)?Z?)?$/;

/** `YYYY-MM-DD`; also `2026/1/5` and a midnight time, which Excel writes when it saves CSV. */
function readDate(raw: unknown): CellResult {
  if (typeof raw === 'string' && raw.length === 10 && isIsoDate(raw)) return ok(raw);
  if (raw instanceof Date)
    return Number.isNaN(raw.getTime()) ? bad('is not a valid date') : ok(dateToIso(raw));
  if (typeof raw === 'number')
    return bad('is a number, not a date (write YYYY-MM-DD or format the cell as a date)');
  const match = LOOSE_DATE.exec(String(raw).trim());
  if (!match) return bad('is not a date (expected YYYY-MM-DD)');
  const [, y, m, d] = match as unknown as [string, string, string, string];
  const iso = `${y}-${m.padStart(2, '0')}-${d.padStart(2, '0')}`;
  return isIsoDate(iso) ? ok(iso) : bad('is not a real calendar date');
}

function decimalTextOf(raw: unknown): string | null {
  if (typeof raw === 'number') return numberToDecimalText(raw);
  if (typeof raw === 'string') return raw.trim();
  return null;
}

/** Fen of a decimal with at most 2 significant fraction digits (exact bigint arithmetic). */
function toFen(decimal: ExactDecimal): bigint {
  return decimal.scale <= 2
    ? decimal.units * 10n ** BigInt(2 - decimal.scale)
    : decimal.units / 10n ** BigInt(decimal.scale - 2);
}

/** Plain money text whose fen are a safe integer: read without bigint arithmetic. */
const PLAIN_MONEY = /^(-?)(\d{1,13})(?:\.(\d{1,2}))?$/;

/** Money → integer fen, exactly: at most 2 fraction digits, never through a float (contract §1). */
function readMoney(raw: unknown): CellResult {
  const plain = typeof raw === 'string' ? PLAIN_MONEY.exec(raw) : null;
  if (plain) {
    // Integer arithmetic below 2^53 is exact: whole × 100 + fen.
    const fraction = plain[3] ?? '';
    const fen = Number(plain[2]) * 100 + (fraction === '' ? 0 : Number(fraction.padEnd(2, '0')));
    return ok(plain[1] === '-' && fen !== 0 ? -fen : fen);
  }
  const text = decimalTextOf(raw)?.replace(/^[¥￥]/, '');
  if (text === undefined || text === null) return bad('is not an amount (expected a decimal like 1234.50)');
  const decimal = parseDecimal(text);
  if (!decimal) return bad('is not an amount (expected a decimal like 1234.50)');
  if (significantScale(decimal) > 2) return bad('has more than 2 decimal places');
  const fen = Number(toFen(decimal));
  return Number.isSafeInteger(fen) ? ok(fen) : bad('is too large an amount');
}

function readDecimal(raw: unknown, range: 'share' | 'any'): CellResult {
  const text = decimalTextOf(raw);
  const decimal = text === null ? null : parseDecimal(text);
  if (!decimal)
    return bad(range === 'share' ? 'is not a decimal share (like 0.5)' : 'is not a decimal number');
  if (range === 'share' && (compareDecimals(decimal, ZERO) <= 0 || compareDecimals(decimal, ONE) > 0)) {
    return bad('must be greater than 0 and at most 1');
  }
  return ok(formatDecimal(decimal));
}

function readInteger(raw: unknown): CellResult {
  const text = decimalTextOf(raw);
  if (text === null || !/^[+-]?\d+$/.test(text)) return bad('is not a whole number');
  const value = Number(text);
  return Number.isSafeInteger(value) ? ok(value) : bad('is too large a number');
}

const TRUE_WORDS = new Set(['true', '1', 'yes', 'y', '是']);
const FALSE_WORDS = new Set(['false', '0', 'no', 'n', '否']);

function readBoolean(raw: unknown): CellResult {
  if (typeof raw === 'boolean') return ok(raw ? 1 : 0);
  const word = cellText(raw).trim().toLowerCase();
  if (TRUE_WORDS.has(word)) return ok(1);
  if (FALSE_WORDS.has(word)) return ok(0);
  return bad('is not true or false (also accepted: 1/0, yes/no, 是/否)');
}

function readEnum(raw: unknown, values: readonly string[]): CellResult {
  const word = cellText(raw).trim().toLowerCase();
  return values.includes(word) ? ok(word) : bad(`is not one of: ${values.join(', ')}`);
}

/** True when a cell holds nothing (empty or blank text). */
export function isBlank(raw: unknown): boolean {
  return raw === null || raw === undefined || (typeof raw === 'string' && raw.trim() === '');
}

/**
 * Reads one cell of a column. A blank cell is null; a blank required cell is an error.
 * @example readCell(amountColumn, '1234.5') // { ok: true, value: 123450 }
 */
export function readCell(column: ColumnSpec, raw: unknown): CellResult {
  if (isBlank(raw)) return column.required ? bad('is required but empty') : ok(null);
  switch (column.type) {
    case 'id':
    case 'text':
      return ok(cellText(raw).trim());
    case 'date':
      return readDate(raw);
    case 'money':
      return readMoney(raw);
    case 'share':
      return readDecimal(raw, 'share');
    case 'decimal':
      return readDecimal(raw, 'any');
    case 'integer':
      return readInteger(raw);
    case 'boolean':
      return readBoolean(raw);
    case 'enum':
      return readEnum(raw, column.values ?? []);
  }
}
