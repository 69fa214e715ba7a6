/**
 * Incrementally maintained aggregates per credited person × day and person × month: the
 * "cube" that answers additive metrics for (scope, period) without scanning facts.
 * A range sum reads whole months from the month buckets and the ragged edges from the day
 * buckets, so a year costs about 12 + 60 lookups per person and range.
 *
 * Every write is a signed delta (apply = +1, retract = −1), so the cube after any sequence of
 * upserts and removals equals the cube built from the final facts: sums of integers below
 * 2^53 are exact, hence order-independent.
 */
import { monthOfDay, monthStartDay } from './calendar-math.ts';
import { float64Column } from './growable.ts';

export class DayCube {
  private readonly days: Map<number, number>[] = [];
  private readonly months: Map<number, number>[] = [];
  private readonly values = float64Column();
  private slots = 0;
  private readonly firstDay: number[] = [];
  private readonly lastDay: number[] = [];

  /** @param width number of measures held per bucket */
  constructor(readonly width: number) {}

  /** Adds `delta` to one measure of a person's day (and its month). */
  add(person: number, day: number, measure: number, delta: number): void {
    if (delta === 0) return;
    const [daySlot, monthSlot] = this.locate(person, day);
    this.values.add(daySlot * this.width + measure, delta);
    this.values.add(monthSlot * this.width + measure, delta);
  }

  /** Adds `deltas[i]` to measure i of a person's day (one bucket lookup for several measures). */
  addRow(person: number, day: number, deltas: readonly number[]): void {
    if (deltas.every((delta) => delta === 0)) return;
    const [daySlot, monthSlot] = this.locate(person, day);
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
    const [daySlot, monthSlot] = this.locate(key, day);
    for (let i = 0; i < this.width; i++) {
      const delta = values[offset + i]!;
      if (delta === 0) continue;
      this.values.add(daySlot * this.width + i, delta);
      this.values.add(monthSlot * this.width + i, delta);
    }
  }

  /** The day and month buckets of a person's day, created when new. */
  private locate(person: number, day: number): [number, number] {
    let days = this.days[person];
    let months = this.months[person];
    if (!days || !months) {
      days = new Map();
      months = new Map();
      this.days[person] = days;
      this.months[person] = months;
      this.firstDay[person] = day;
      this.lastDay[person] = day;
    }
    if (day < this.firstDay[person]!) this.firstDay[person] = day;
    if (day > this.lastDay[person]!) this.lastDay[person] = day;
    return [this.slot(days, day), this.slot(months, monthOfDay(day))];
  }

  /**
   * Adds the person's measures over days [from, to] (inclusive; ±Infinity allowed) into `out`.
   * @example cube.sumInto(person, 20454, 20819, out) // a year of one person
   */
  sumInto(person: number, from: number, to: number, out: Float64Array): void {
    const days = this.days[person];
    const months = this.months[person];
    if (!days || !months) return;
    // Clamp to the months holding data, not to the days, so that whole months stay whole.
    let day = Math.max(from, monthStartDay(monthOfDay(this.firstDay[person]!)));
    const last = Math.min(to, monthStartDay(monthOfDay(this.lastDay[person]!) + 1) - 1);
    while (day <= last) {
      const month = monthOfDay(day);
      const monthStart = monthStartDay(month);
      const monthEnd = monthStartDay(month + 1) - 1;
      if (day === monthStart && monthEnd <= last) {
        this.addSlot(months.get(month), out);
        day = monthEnd + 1;
        continue;
      }
      const stop = Math.min(last, monthEnd);
      for (; day <= stop; day++) this.addSlot(days.get(day), out);
    }
  }

  /**
   * Calls `visit(key, day, values, offset)` for every day bucket: its measures are
   * `values[offset .. offset + width)` (valid during the call only).
   */
  forEachDay(visit: (key: number, day: number, values: Float64Array, offset: number) => void): void {
    this.days.forEach((days, key) => {
      for (const [day, slot] of days) visit(key, day, this.values.raw(), slot * this.width);
    });
  }

  /** Every non-empty (person, day) bucket with its measures, for tests and debugging. */
  dump(): Map<string, number[]> {
    const result = new Map<string, number[]>();
    const raw = this.values.raw();
    this.days.forEach((days, person) => {
      for (const [day, slot] of days) {
        const row = Array.from(raw.subarray(slot * this.width, (slot + 1) * this.width));
        if (row.some((v) => v !== 0)) result.set(`${person}:${day}`, row);
      }
    });
    return result;
  }

  private slot(map: Map<number, number>, key: number): number {
    let slot = map.get(key);
    if (slot === undefined) {
      slot = this.slots++;
      map.set(key, slot);
    }
    return slot;
  }

  private addSlot(slot: number | undefined, out: Float64Array): void {
    if (slot === undefined) return;
    const raw = this.values.raw();
    const base = slot * this.width;
    for (let i = 0; i < this.width; i++) out[i]! += raw[base + i]!;
  }
}
