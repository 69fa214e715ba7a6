/**
 * Integer calendar arithmetic on day numbers (days since 1970-01-01), without Date objects,
 * for the hot paths of the fact store (H. Hinnant's civil-from-days algorithms).
 */

/**
 * Month index (year × 12 + month − 1) of a day number.
 * @example monthOfDay(0) // 23640 (1970-01)
 */
export function monthOfDay(day: number): number {
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
  const month = (monthIndex % 12) + 1;
  const y = Math.floor(monthIndex / 12) - (month <= 2 ? 1 : 0);
  const era = Math.floor(y / 400);
  const yoe = y - era * 400;
  const doy = Math.floor((153 * (month > 2 ? month - 3 : month + 9) + 2) / 5);
  const doe = yoe * 365 + Math.floor(yoe / 4) - Math.floor(yoe / 100) + doy;
  return era * 146_097 + doe - 719_468;
}
