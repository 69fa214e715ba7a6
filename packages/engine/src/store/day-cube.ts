/**
 * Incrementally maintained aggregates per key (a credited person, or a unit) × day and × month:
 * the "cube" that answers additive metrics for (scope, period) without scanning facts.
 * A range sum reads whole months from the month buckets and the ragged edges from the day
 * buckets, so a year costs about 12 + 60 lookups per key and range.
 *
 * Layout: per key, one page per month holding data — an Int32Array of 32 slot numbers (days
 * 1–31, then the month's total; 0 = no bucket yet, else slot + 1) — and the measures of every
 * bucket in one growable Float64 column. A write is one Map lookup (the month's page) and two
 * array reads, not one lookup per day and one per month; a person's three years are ~36 pages.
 *
 * Every write is a signed delta (apply = +1, retract = −1), so the cube after any sequence of
 * upserts and removals equals the cube built from the final facts: sums of integers below
 * 2^53 are exact, hence order-independent.
 */
import { monthOfDay, monthStartDay } from './calendar-math.ts';
import { float64Column } from './growable.ts';

const MONTH_TOTAL = 31;
const PAGE = 32;

/** 0 for the first of the month … 30. */
const dayOfMonth = (day: number) => day - monthStartDay(monthOfDay(day));

export class DayCube {
  private readonly pages: Map<number, Int32Array>[] = [];
  private readonly values = float64Column();
  private slots = 0;
  private readonly firstMonth: number[] = [];
  private readonly lastMonth: number[] = [];

  /** @param width number of measures held per bucket */
  constructor(readonly width: number) {}

  /** Adds `delta` to one measure of a key's day (and its month). */
  add(key: number, day: number, measure: number, delta: number): void {
    if (delta === 0) return;
    const page = this.page(key, day);
    this.values.add(this.slot(page, dayOfMonth(day)) * this.width + measure, delta);
    this.values.add(this.slot(page, MONTH_TOTAL) * this.width + measure, delta);
  }

  /** Adds `deltas[i]` to measure i of a key's day (one bucket lookup for several measures). */
  addRow(key: number, day: number, deltas: readonly number[]): void {
    if (deltas.every((delta) => delta === 0)) return;
    const page = this.page(key, day);
    const daySlot = this.slot(page, dayOfMonth(day));
    const monthSlot = this.slot(page, MONTH_TOTAL);
    for (let i = 0; i < deltas.length; i++) {
      const delta = deltas[i]!;
      if (delta === 0) continue;
      this.values.add(daySlot * this.width + i, delta);
      this.values.add(monthSlot * this.width + i, delta);
    }
  }

  /** Adds a whole bucket, `values[offset .. offset + width)`, to a key's day (rebuilding from another cube). */
  addBucket(key: number, day: number, values: Float64Array, offset: number): void {
    let empty = true;
    for (let i = 0; i < this.width && empty; i++) empty = values[offset + i] === 0;
    if (empty) return;
    const page = this.page(key, day);
    const daySlot = this.slot(page, dayOfMonth(day));
    const monthSlot = this.slot(page, MONTH_TOTAL);
    for (let i = 0; i < this.width; i++) {
      const delta = values[offset + i]!;
      if (delta === 0) continue;
      this.values.add(daySlot * this.width + i, delta);
      this.values.add(monthSlot * this.width + i, delta);
    }
  }

  /** The page of a key's month holding `day`, created when new. */
  private page(key: number, day: number): Int32Array {
    const month = monthOfDay(day);
    let pages = this.pages[key];
    if (!pages) {
      pages = new Map();
      this.pages[key] = pages;
      this.firstMonth[key] = month;
      this.lastMonth[key] = month;
    }
    let page = pages.get(month);
    if (!page) {
      page = new Int32Array(PAGE);
      pages.set(month, page);
      if (month < this.firstMonth[key]!) this.firstMonth[key] = month;
      if (month > this.lastMonth[key]!) this.lastMonth[key] = month;
    }
    return page;
  }

  /** The slot of a page's entry (a day of the month, or its total), allocated when new. */
  private slot(page: Int32Array, at: number): number {
    const held = page[at]!;
    if (held !== 0) return held - 1;
    const slot = this.slots++;
    page[at] = slot + 1;
    return slot;
  }

  /**
   * Adds the key's measures over days [from, to] (inclusive; ±Infinity allowed) into `out`.
   * @example cube.sumInto(person, 20454, 20819, out) // a year of one person
   */
  sumInto(key: number, from: number, to: number, out: Float64Array): void {
    const pages = this.pages[key];
    if (!pages || from > to) return;
    const raw = this.values.raw();
    const width = this.width;
    const add = (held: number) => {
      if (held === 0) return;
      const base = (held - 1) * width;
      for (let i = 0; i < width; i++) out[i]! += raw[base + i]!;
    };
    // Clamp to the months holding data, so that whole months stay whole.
    const first = Math.max(
      monthOfDay(Math.max(from, monthStartDay(this.firstMonth[key]!))),
      this.firstMonth[key]!,
    );
    const last = Math.min(
      monthOfDay(Math.min(to, monthStartDay(this.lastMonth[key]! + 1) - 1)),
      this.lastMonth[key]!,
    );
    for (let month = first; month <= last; month++) {
      const page = pages.get(month);
      if (!page) continue;
      const start = monthStartDay(month);
      const end = monthStartDay(month + 1) - 1;
      if (from <= start && end <= to) {
        add(page[MONTH_TOTAL]!);
        continue;
      }
      const stop = Math.min(to, end) - start;
      for (let at = Math.max(from, start) - start; at <= stop; at++) add(page[at]!);
    }
  }

  /**
   * Calls `visit(key, day, values, offset)` for every day bucket: its measures are
   * `values[offset .. offset + width)` (valid during the call only).
   */
  forEachDay(visit: (key: number, day: number, values: Float64Array, offset: number) => void): void {
    this.pages.forEach((pages, key) => {
      for (const [month, page] of pages) {
        const start = monthStartDay(month);
        for (let at = 0; at < MONTH_TOTAL; at++) {
          const held = page[at]!;
          if (held !== 0) visit(key, start + at, this.values.raw(), (held - 1) * this.width);
        }
      }
    });
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
