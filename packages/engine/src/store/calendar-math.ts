/**
 * Integer calendar arithmetic on day numbers (days since 1970-01-01), without Date objects,
 * for the hot paths of the fact store (H. Hinnant's civil-from-days algorithms).
 */

/**
 * Month index (year × 12 + month − 1) of a day number.
 * @example monthOfDay(0) // 23640 (1970-01)
 */
export function monthOfDay(day: number): number {
  const index = day - TABLE_FIRST_DAY;
  if (index >= 0 && index < MONTH_OF_DAY.length) return MONTH_OF_DAY[index]!;
  return computeMonthOfDay(day);
}

function computeMonthOfDay(day: number): number {
  const z = day + 719_468;
  const era = Math.floor(z / 146_097);
  const doe = z - era * 146_097;
  const yoe = Math.floor(
    (doe - Math.floor(doe / 1460) + Math.floor(doe / 36_524) - Math.floor(doe / 146_096)) / 365,
  );
  const doy = doe - (365 * yoe + Math.floor(yoe / 4) - Math.floor(yoe / 100));
  const mp = Math.floor((5 * doy + 2) / 153);
  const month = mp < 10 ? mp + 3 : mp - 9;
  const year = yoe + era * 400 + (month <= 2 ? 1 : 0);
  return year * 12 + month - 1;
}

/**
 * Day number of the first day of a month index.
 * @example monthStartDay(23640) // 0
 */
export function monthStartDay(monthIndex: number): number {
  const index = monthIndex - TABLE_FIRST_MONTH;
  if (index >= 0 && index < MONTH_START.length) return MONTH_START[index]!;
  return computeMonthStartDay(monthIndex);
}

function computeMonthStartDay(monthIndex: number): number {
  const month = (monthIndex % 12) + 1;
  const y = Math.floor(monthIndex / 12) - (month <= 2 ? 1 : 0);
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (month > 2 ? month - 3 : month + 9) + 2) / 5);
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146_097 + doe - 719_468;
}

// Lookup tables for 1900-01-01 .. 2199-12-31 (the hot range); other dates use the formulas.
const TABLE_FIRST_MONTH = 1900 * 12;
const TABLE_MONTHS = 300 * 12;
const MONTH_START = Int32Array.from({ length: TABLE_MONTHS + 1 }, (_, i) =>
  computeMonthStartDay(TABLE_FIRST_MONTH + i),
);
const TABLE_FIRST_DAY = MONTH_START[0]!;
const MONTH_OF_DAY = new Int32Array(MONTH_START[TABLE_MONTHS]! - TABLE_FIRST_DAY);
for (let m = 0; m < TABLE_MONTHS; m++)
  MONTH_OF_DAY.fill(
    TABLE_FIRST_MONTH + m,
    MONTH_START[m]! - TABLE_FIRST_DAY,
    MONTH_START[m + 1]! - TABLE_FIRST_DAY,
  );
