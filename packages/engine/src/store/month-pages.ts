/**
 * The month index of a day cube (day-cube.ts): per key, month → page number, in typed arrays
 * instead of a Map per key (~55 B an entry; issue 5, memory). A key's months from its first to
 * its last are side by side in one shared Int32Array of cells (NO_PAGE where a month has none),
 * so a lookup is a compare and two reads. A month outside a key's run moves the run to the end
 * with room to spare on the side it grew; {@link MonthPages.compact} lays the runs out again.
 */
import { grown, resized, withHeadroom } from './capacity.ts';

/** A month cell without a page. */
export const NO_PAGE = -1;
/** The least spare room, in months, a key's run of month cells gets when it moves. */
const SPARE_MONTHS = 12;
/** Keys a new index has room for. */
const FIRST_KEYS = 16;
/** A key's first and last month before it has a page: first > last, and no month lies between. */
const NO_FIRST = 2 ** 31 - 1;
const NO_LAST = -(2 ** 31);

/** An Int32Array of `length` cells of `value`. */
const filled = (length: number, value: number) => new Int32Array(length).fill(value);

/**
 * Per key, month → page number (see the layout above): the months from the key's first to its
 * last are cells origin[key] + month of `cells`, within the key's run [runStart, runEnd).
 */
export class MonthPages {
  /** Per key, its first and last month with a page (NO_FIRST and NO_LAST while it has none). */
  private firstMonth = filled(FIRST_KEYS, NO_FIRST);
  private lastMonth = filled(FIRST_KEYS, NO_LAST);
  /** Per key, the cell of month 0 (month m's is origin + m), and its run of cells. */
  private origin = new Int32Array(FIRST_KEYS);
  private runStart = new Int32Array(FIRST_KEYS);
  private runEnd = new Int32Array(FIRST_KEYS);
  /** 1 + the highest key that has a page. */
  private keys = 0;
  /** Per cell, a page number or NO_PAGE; the cells from `used` on were never handed out (NO_PAGE). */
  private cells = filled(256, NO_PAGE);
  private used = 0;

  /** Whether a key has any page (false for a key never seen, or out of range). */
  has(key: number): boolean {
    // An index past the arrays reads undefined: the comparison is false.
    return this.firstMonth[key]! <= this.lastMonth[key]!;
  }

  /** A key's first month with a page (for a key that {@link has} one). */
  first(key: number): number {
    return this.firstMonth[key]!;
  }

  /** A key's last month with a page (for a key that {@link has} one). */
  last(key: number): number {
    return this.lastMonth[key]!;
  }

  /** The page of a key's month, or NO_PAGE. */
  find(key: number, month: number): number {
    return month >= this.firstMonth[key]! && month <= this.lastMonth[key]!
      ? this.cells[this.origin[key]! + month]!
      : NO_PAGE;
  }

  /** Gives a key's month its page (a month that has none yet). */
  set(key: number, month: number, page: number): void {
    if (!(key >= 0 && key < this.keys)) this.addKey(key);
    let cell = this.origin[key]! + month;
    if (cell < this.runStart[key]! || cell >= this.runEnd[key]!) cell = this.move(key, month);
    this.cells[cell] = page;
    if (month < this.firstMonth[key]!) this.firstMonth[key] = month;
    if (month > this.lastMonth[key]!) this.lastMonth[key] = month;
  }

  /** Calls `visit(key, month, page)` for every page, by key, then month, ascending. */
  forEach(visit: (key: number, month: number, page: number) => void): void {
    for (let key = 0; key < this.keys; key++) {
      const last = this.lastMonth[key]!;
      for (let month = this.firstMonth[key]!; month <= last; month++) {
        const page = this.cells[this.origin[key]! + month]!;
        if (page !== NO_PAGE) visit(key, month, page);
      }
    }
  }

  /**
   * Lays every key's run out again as its months from first to last, with no gaps between runs,
   * and keeps a thirty-second of headroom (see {@link DayCube.compact}).
   */
  compact(): void {
    let live = 0;
    for (let key = 0; key < this.keys; key++)
      if (this.has(key)) live += this.lastMonth[key]! - this.firstMonth[key]! + 1;
    // Every move leaves room to spare: none since the last compaction, nothing to give back.
    if (live === this.used) return;
    const cells = filled(withHeadroom(live, 16), NO_PAGE);
    let at = 0;
    for (let key = 0; key < this.keys; key++) {
      if (!this.has(key)) continue;
      const first = this.firstMonth[key]!;
      const origin = this.origin[key]!;
      const span = this.lastMonth[key]! - first + 1;
      cells.set(this.cells.subarray(origin + first, origin + first + span), at);
      this.origin[key] = at - first;
      this.runStart[key] = at;
      at += span;
      this.runEnd[key] = at;
    }
    this.cells = cells;
    this.used = live;
    const keys = withHeadroom(this.keys, 16);
    if (this.origin.length > keys) this.resizeKeys(keys);
  }

  /** Moves a key's run of cells to the end, with room for `month` and to spare. */
  private move(key: number, month: number): number {
    const first = this.firstMonth[key]!;
    const last = this.lastMonth[key]!;
    const lo = Math.min(first, month);
    const hi = Math.max(last, month);
    const span = hi - lo + 1;
    const room = span + Math.max(SPARE_MONTHS, span >> 1);
    const start = this.allocate(room);
    // The spare room goes after the months (loads in date order, the next month live), or before
    // them when the run grew downwards (a load in another order).
    const origin = start - (month < first && first <= last ? hi - room + 1 : lo);
    if (first <= last) {
      const old = this.origin[key]!;
      this.cells.copyWithin(origin + first, old + first, old + last + 1);
    }
    this.origin[key] = origin;
    this.runStart[key] = start;
    this.runEnd[key] = start + room;
    return origin + month;
  }

  /** Hands out `n` fresh cells (NO_PAGE) at the end. */
  private allocate(n: number): number {
    const first = this.used;
    this.used += n;
    if (this.used > this.cells.length)
      this.cells = resized(this.cells, grown(this.cells.length, this.used), NO_PAGE);
    return first;
  }

  /** Makes room for keys up to `key`. */
  private addKey(key: number): void {
    if (!Number.isInteger(key) || key < 0) throw new RangeError(`DayCube: key ${key} is not an index`);
    if (key >= this.origin.length) this.resizeKeys(grown(this.origin.length, key + 1));
    this.keys = key + 1;
  }

  private resizeKeys(length: number): void {
    this.firstMonth = resized(this.firstMonth, length, NO_FIRST);
    this.lastMonth = resized(this.lastMonth, length, NO_LAST);
    this.origin = resized(this.origin, length);
    this.runStart = resized(this.runStart, length);
    this.runEnd = resized(this.runEnd, length);
  }
}
