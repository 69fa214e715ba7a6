import { describe, expect, it } from 'vitest';
import { type ColumnSpec, type ColumnType, ENTITIES } from '../entities/entities.ts';
import { cellText, readCell } from './read-cell.ts';

const column = (type: ColumnType, extra: Partial<ColumnSpec> = {}): ColumnSpec => ({
  name: 'c',
  type,
  required: false,
  zh: 'c',
  en: 'c',
  ...extra,
});

const value = (spec: ColumnSpec, raw: unknown) => {
  const result = readCell(spec, raw);
  return result.ok ? result.value : `error: ${result.reason}`;
};

describe('reading cells by column type (contract §1)', () => {
  it.each<[unknown, unknown]>([
    ['1234.5', 123450],
    ['-80.00', -8000],
    ['1,234.56', 123456],
    ['¥12', 1200],
    ['1.500', 150],
    [1234.57, 123457],
    [-0.01, -1],
    ['12.345', 'error: has more than 2 decimal places'],
    [0.1 + 0.2, 'error: has more than 2 decimal places'],
    ['12,3a', 'error: is not an amount (expected a decimal like 1234.50)'],
    ['1,5', 'error: is not an amount (expected a decimal like 1234.50)'],
    ['99999999999999999999', 'error: is too large an amount'],
    // Plain text takes a path without bigints: the same answers at its edges.
    ['-0', 0],
    ['-0.5', -50],
    ['007.5', 750],
    [' 12.5 ', 1250],
    ['+12', 1200],
    ['9999999999999.99', 999999999999999],
    ['90071992547409.91', 9007199254740991],
    ['90071992547409.92', 'error: is too large an amount'],
  ])('money %j → %j', (raw, expected) => {
    expect(value(column('money'), raw)).toBe(expected);
  });

  it.each<[unknown, unknown]>([
    ['2026-01-05', '2026-01-05'],
    [' 2026/1/5 ', '2026-01-05'],
    ['2026-1-5 0:00', '2026-01-05'],
    [new Date(Date.UTC(2026, 11, 31)), '2026-12-31'],
    [new Date(Date.UTC(2026, 11, 31, 23, 59)), '2026-12-31'],
    ['2026-02-29', 'error: is not a real calendar date'],
    ['2028-02-29', '2028-02-29'],
    ['05.01.2026', 'error: is not a date (expected YYYY-MM-DD)'],
    [46027, 'error: is a number, not a date (write YYYY-MM-DD or format the cell as a date)'],
  ])('date %j → %j', (raw, expected) => {
    expect(value(column('date'), raw)).toBe(expected);
  });

  it.each<[unknown, unknown]>([
    ['0.5', '0.5'],
    ['1', '1'],
    ['1.000', '1'],
    [0.25, '0.25'],
    ['0', 'error: must be greater than 0 and at most 1'],
    ['1.01', 'error: must be greater than 0 and at most 1'],
    ['-0.5', 'error: must be greater than 0 and at most 1'],
    ['half', 'error: is not a decimal share (like 0.5)'],
  ])('share %j → %j', (raw, expected) => {
    expect(value(column('share'), raw)).toBe(expected);
  });

  it.each<[ColumnType, unknown, unknown]>([
    ['decimal', '500000.00', '500000'],
    ['decimal', '-0.125', '-0.125'],
    ['integer', '9', 9],
    ['integer', 7, 7],
    ['integer', '9.0', 'error: is not a whole number'],
    ['boolean', 'TRUE', 1],
    ['boolean', '是', 1],
    ['boolean', 'no', 0],
    ['boolean', 0, 0],
    ['boolean', false, 0],
    ['id', ' A-1 ', 'A-1'],
    ['id', 1001, '1001'],
    ['text', true, 'true'],
  ])('%s %j → %j', (type, raw, expected) => {
    expect(value(column(type), raw)).toBe(expected);
  });

  it('reads enums case-insensitively into their canonical value', () => {
    const role = ENTITIES.people.columns.find((c) => c.name === 'role')!;
    expect(value(role, ' Manager ')).toBe('manager');
    expect(value(role, 'boss')).toBe('error: is not one of: rep, manager, hr, finance, admin');
  });

  it('treats blank cells as empty: null when optional, an error when required', () => {
    expect(value(column('money'), '  ')).toBeNull();
    expect(value(column('money'), null)).toBeNull();
    expect(value(column('id', { required: true }), '')).toBe('error: is required but empty');
  });

  it('reads Date objects without a time-zone shift: UTC midnight (Excel) and local midnight (code)', () => {
    // Changing TZ inside a running process is not reliable across test workers, so this checks
    // the process's own zone; CI runs in UTC and developers' machines in theirs (Asia/Shanghai).
    expect(value(column('date'), new Date(2026, 0, 5))).toBe('2026-01-05');
    expect(value(column('date'), new Date(Date.UTC(2026, 0, 5)))).toBe('2026-01-05');
    expect(value(column('date'), new Date(Date.UTC(2026, 0, 5, 18, 30)))).toBe('2026-01-05');
  });

  it('shows raw cells as text in reports', () => {
    expect(cellText(new Date(Date.UTC(2026, 0, 5)))).toBe('2026-01-05');
    expect(cellText(12.5)).toBe('12.5');
    expect(cellText(null)).toBe('');
  });
});
