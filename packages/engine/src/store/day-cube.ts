/**
 * Incrementally maintained aggregates per key (a credited person, or a unit) × day and × month:
 * the "cube" that answers additive metrics for (scope, period) without scanning facts.
 * A range sum reads whole months from the month buckets and the ragged edges from the day
 * buckets, so a year costs about 12 + 60 lookups per key and range.
 *
 * Layout: per key, one page per month holding data — 32 slot numbers (days 1–31, then the
 * month's total; 0 = no bucket yet, else slot + 1) in one shared Int32Array of pages, found
 * through a Map month → page offset — and the measures of every bucket in one typed array.
 * A write is one Map lookup and two array reads, not one lookup per day and one per month; a
 * person's three years are ~36 pages. (One small typed array per page would cost an off-heap
 * allocation each: several times slower to build.)
 *
 * Every write is a signed delta (apply = +1, retract = −1), so the cube after any sequence of
 * upserts and removals equals the cube built from the final facts: sums of integers below
 * 2^53 are exact, hence order-independent.
 *
 * A cube of counts only (activities, leads) keeps its measures in an Int32Array, half the
 * memory of Float64 per bucket (issue 5, memory): a count per key and month stays far below
 * 2^31 (that would be two billion events of one unit in one month).
 */
import { monthOfDay, monthStartDay } from './calendar-math.ts';

const MONTH_TOTAL = 31;

/** What a bucket's measures are held in: fen and scores in Float64, counts in Int32. */
export type Measures = Float64Array | Int32Array;
export type MeasureKind = 'float64' | 'int32';
const PAGE = 32;

/** 0 for the first of the month … 30. */
const dayOfMonth = (day: number) => day - monthStartDay(monthOfDay(day));

export class DayCube {
  /** Per key: month → offset of its page in `pool`. */
  private readonly pages: (Map<number, number> | undefined)[] = [];
  private pool = new Int32Array(PAGE * 256);
  private pagesUsed = 0;
  /** Measures of every bucket, `width` per slot. */
  private values: Measures;
  private slots = 0;
  private readonly firstMonth: number[] = [];
  private readonly lastMonth: number[] = [];

  /**
   * @param width number of measures held per bucket
   * @param kind 'int32' for a cube whose every measure is a count (deltas must be integers)
   */
  constructor(
    readonly width: number,
    readonly kind: MeasureKind = 'float64',
  ) {
    this.values = kind === 'int32' ? new Int32Array(1024) : new Float64Array(1024);
  }

  /** Adds `delta` to one measure of a key's day (and its month). */
  add(key: number, day: number, measure: number, delta: number): void {
    if (delta === 0) return;
    const page = this.page(key, day);
    // Slots first: allocating one may replace `values`.
    const daySlot = this.slot(page + dayOfMonth(day));
    const monthSlot = this.slot(page + MONTH_TOTAL);
    this.values[daySlot * this.width + measure]! += delta;
    this.values[monthSlot * this.width + measure]! += delta;
  }

  /** Adds `deltas[i]` to measure i of a key's day (one bucket lookup for several measures). */
  addRow(key: number, day: number, deltas: readonly number[]): void {
    if (deltas.every((delta) => delta === 0)) return;
    const page = this.page(key, day);
    const daySlot = this.slot(page + dayOfMonth(day));
    const monthSlot = this.slot(page + MONTH_TOTAL);
    for (let i = 0; i < deltas.length; i++) {
      const delta = deltas[i]!;
      if (delta === 0) continue;
      this.values[daySlot * this.width + i]! += delta;
      this.values[monthSlot * this.width + i]! += delta;
    }
  }

  /** Adds a whole bucket, `values[offset .. offset + width)`, to a key's day (rebuilding from another cube). */
  addBucket(key: number, day: number, values: Measures, offset: number): void {
    let empty = true;
    for (let i = 0; i < this.width && empty; i++) empty = values[offset + i] === 0;
    if (empty) return;
    const page = this.page(key, day);
    const daySlot = this.slot(page + dayOfMonth(day));
    const monthSlot = this.slot(page + MONTH_TOTAL);
    for (let i = 0; i < this.width; i++) {
      const delta = values[offset + i]!;
      if (delta === 0) continue;
      this.values[daySlot * this.width + i]! += delta;
      this.values[monthSlot * this.width + i]! += delta;
    }
  }

  /** Offset in `pool` of the page of a key's month holding `day`, created when new. */
  private page(key: number, day: number): number {
    const month = monthOfDay(day);
    let pages = this.pages[key];
    if (!pages) {
      // Grow the per-key arrays densely: an array written far past its end turns into a slow hash.
      while (this.pages.length <= key) {
        this.pages.push(undefined);
        this.firstMonth.push(0);
        this.lastMonth.push(0);
      }
      pages = new Map();
      this.pages[key] = pages;
      this.firstMonth[key] = month;
      this.lastMonth[key] = month;
    }
    let page = pages.get(month);
    if (page === undefined) {
      page = this.pagesUsed++ * PAGE;
      if (page + PAGE > this.pool.length) {
        const grown = new Int32Array(this.pool.length * 2);
        grown.set(this.pool);
        this.pool = grown;
      }
      pages.set(month, page);
      if (month < this.firstMonth[key]!) this.firstMonth[key] = month;
      if (month > this.lastMonth[key]!) this.lastMonth[key] = month;
    }
    return page;
  }

  /** The slot of a pool entry (a day of a month, or its total), allocated when new. */
  private slot(entry: number): number {
    const held = this.pool[entry]!;
    if (held !== 0) return held - 1;
    const slot = this.slots++;
    if ((slot + 1) * this.width > this.values.length) {
      const length = Math.max(this.values.length * 2, (slot + 1) * this.width);
      const grown = this.kind === 'int32' ? new Int32Array(length) : new Float64Array(length);
      grown.set(this.values);
      this.values = grown;
    }
    this.pool[entry] = slot + 1;
    return slot;
  }

  /**
   * Gives back most of the spare capacity of the pages and the measures (they double as they
   * grow), keeping an eighth as headroom, before a snapshot is written (as the columns do).
   */
  compact(): void {
    const pool = this.pagesUsed * PAGE;
    const poolLength = pool + (pool >> 3) + PAGE;
    if (this.pool.length > poolLength) this.pool = this.pool.slice(0, poolLength);
    const values = this.slots * this.width;
    const valuesLength = values + (values >> 3) + this.width;
    if (this.values.length > valuesLength) this.values = this.values.slice(0, valuesLength);
  }

  /**
   * Adds the key's measures over days [from, to] (inclusive; ±Infinity allowed) into `out`.
   * @example cube.sumInto(person, 20454, 20819, out) // a year of one person
   */
  sumInto(key: number, from: number, to: number, out: Float64Array): void {
    const pages = this.pages[key];
    if (!pages || from > to) return;
    const pool = this.pool;
    const values = this.values;
    const width = this.width;
    const add = (held: number) => {
      if (held === 0) return;
      const base = (held - 1) * width;
      for (let i = 0; i < width; i++) out[i]! += values[base + i]!;
    };
    // Clamp to the months holding data, so that whole months stay whole.
    const firstMonth = this.firstMonth[key]!;
    const lastMonth = this.lastMonth[key]!;
    const first = Math.max(monthOfDay(Math.max(from, monthStartDay(firstMonth))), firstMonth);
    const last = Math.min(monthOfDay(Math.min(to, monthStartDay(lastMonth + 1) - 1)), lastMonth);
    for (let month = first; month <= last; month++) {
      const page = pages.get(month);
      if (page === undefined) continue;
      const start = monthStartDay(month);
      const end = monthStartDay(month + 1) - 1;
      if (from <= start && end <= to) {
        add(pool[page + MONTH_TOTAL]!);
        continue;
      }
      const stop = Math.min(to, end) - start;
      for (let at = Math.max(from, start) - start; at <= stop; at++) add(pool[page + at]!);
    }
  }

  /** Calls `visit(key, month, page)` for every month page (see {@link addPage}). */
  forEachPage(visit: (key: number, month: number, page: number) => void): void {
    this.pages.forEach((pages, key) => {
      if (pages) for (const [month, page] of pages) visit(key, month, page);
    });
  }

  /** Adds a whole month page of another cube of the same width (its days and total) to a key's month. */
  addPage(key: number, month: number, from: DayCube, page: number): void {
    if (from === this) throw new RangeError('addPage: from another cube only');
    if (from.kind !== this.kind || from.width !== this.width) throw new RangeError('addPage: cubes differ');
    const target = this.page(key, monthStartDay(month));
    const width = this.width;
    const pool = from.pool;
    const source = from.values;
    for (let at = 0; at < PAGE; at++) {
      const held = pool[page + at]!;
      if (held === 0) continue;
      const offset = (held - 1) * width;
      let empty = true;
      for (let i = 0; i < width && empty; i++) empty = source[offset + i] === 0;
      if (empty) continue;
      const base = this.slot(target + at) * width; // may replace this.values: read it after
      const values = this.values;
      for (let i = 0; i < width; i++) values[base + i]! += source[offset + i]!;
    }
  }

  /**
   * Calls `visit(key, day, values, offset)` for every day bucket: its measures are
   * `values[offset .. offset + width)` (valid during the call only).
   */
  forEachDay(visit: (key: number, day: number, values: Measures, offset: number) => void): void {
    this.pages.forEach((pages, key) => {
      if (pages)
        for (const [month, page] of pages)
          this.forEachDayOf(page, monthStartDay(month), (day, values, offset) =>
            visit(key, day, values, offset),
          );
    });
  }

  /** {@link forEachDay} over one page, whose month starts on `start`. */
  forEachDayOf(
    page: number,
    start: number,
    visit: (day: number, values: Measures, offset: number) => void,
  ): void {
    for (let at = 0; at < MONTH_TOTAL; at++) {
      const held = this.pool[page + at]!;
      if (held !== 0) visit(start + at, this.values, (held - 1) * this.width);
    }
  }

  /** Every non-empty (key, day) bucket with its measures, for tests and debugging. */
  dump(): Map<string, number[]> {
    const result = new Map<string, number[]>();
    this.forEachDay((key, day, values, offset) => {
      const row = Array.from(values.subarray(offset, offset + this.width));
      if (row.some((v) => v !== 0)) result.set(`${key}:${day}`, row);
    });
    return result;
  }
}
