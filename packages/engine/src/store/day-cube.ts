/**
 * Incrementally maintained aggregates per key (a credited person, or a unit) × day and × month:
 * the "cube" that answers additive metrics for (scope, period) without scanning facts.
 * A range sum reads whole months from the month buckets and the ragged edges from the day
 * buckets, so a year costs about 12 + 60 lookups per key and range.
 *
 * Layout: per key, one page per month holding data. The page numbers of a key's months, from its
 * first month with data to its last, lie side by side in one Int32Array shared by all keys (−1 for
 * a month without a page): month m's page is in cell origin[key] + m, two array reads and no
 * allocation. 4 bytes a page, where a Map month → page per key cost ~50 in Node (~2.6 per order
 * across the cubes at 1M orders: issue 5, memory). A month before the key's first or after its
 * last, beyond its run of cells, moves the run to the end with room to spare on that side (half
 * its span, at least a year), as a rep's next month comes after the last. A page's
 * day buckets (its days 1–31 that have one) lie side by side, from the page's `base` slot; a
 * 32-bit `mask` says which days have a bucket, so day e's slot is base + the number of bits set
 * below e (a popcount), and a range of days is a range of slots. 9 bytes per page — base, mask and
 * the run's room — instead of 32 slot numbers (128 bytes, ~9 per order across the cubes). A new
 * entry is put in place when the page's run has room (the entries above it move up one slot), or
 * the run moves to the end with twice the room. The runs left behind, of slots and of month
 * cells, are reclaimed by {@link DayCube.compact}, which lays everything out again with no gaps
 * (before a snapshot is written). A write is a few array reads; a person's three years are ~36
 * pages. (One small typed array per page would cost an off-heap allocation each: several times
 * slower to build.)
 *
 * The month's totals are kept per page apart from its days: a month sums ~30 days, and one busy
 * person's month passes Int32 fen long before any day does (the 10M bench's busiest rep sold 53.6M
 * yuan in a month, 3.1M at most in a day), so totals among the days would widen every day to eight
 * bytes.
 *
 * Every write is a signed delta (apply = +1, retract = −1), so the cube after any sequence of
 * upserts and removals equals the cube built from the final facts: sums of integers below
 * 2^53 are exact, hence order-independent.
 *
 * Storage (issue 5, memory): each measure has a typed array of its own for the days, one cell per
 * slot (`values[measure][slot]`), and one for the month totals, one cell per page
 * (`totals[measure][page]`). Each starts as an Int16Array, whatever it holds — counts, fen,
 * scores — and widens on its own as its values need: to an Int32Array at the first whole number
 * beyond ±32,767, to a Float64Array at the first one beyond Int32 or not whole. Per measure,
 * because the measures of a cube differ: in the sales cube revenue, cost and collected are fen per
 * person-day (four bytes) while orders and new customers are counts (two bytes, and two a month
 * too), and in the surveys cube one fractional csat sum needs eight bytes while the four counts
 * beside it need two — with one array for the whole bucket, the widest measure set the width of
 * all of them. Days and totals apart, because a month's fen pass Int32 long before a day's do (see
 * above): then only that measure's totals go to eight bytes. Each write computes the new value in
 * doubles from the old one and the delta and widens that array, one way, before storing it (a
 * person-day of more than 21,474,836.47 yuan turns that measure's days Float64). So a value is
 * never rounded and never wraps: the cube answers exactly what a Float64 cube would, and only the
 * measures that need width pay for it.
 */
import { monthOfDay, monthStartDay } from './calendar-math.ts';
import { grown, resized, withHeadroom } from './capacity.ts';
import { MonthPages, NO_PAGE } from './month-pages.ts';

/** Days a month page has room for: bits 0–30 of its mask. */
const DAYS = 31;

/** What one measure's days or totals are held in: Int16 until a value needs Int32, then Float64 (see above). */
export type MeasureColumn = Float64Array<ArrayBuffer> | Int32Array<ArrayBuffer> | Int16Array<ArrayBuffer>;
export type MeasureStorage = 'int16' | 'int32' | 'float64';
/** The least room a page's run is given. */
const FIRST_ROOM = 2;
/** Slots a new cube has room for, per measure. */
const FIRST_SLOTS = 256;
/** Pages a new cube has room for. */
const FIRST_PAGES = 256;
/** Bits set in a 32-bit integer. */
function popcount(bits: number): number {
  let x = bits - ((bits >>> 1) & 0x55555555);
  x = (x & 0x33333333) + ((x >>> 2) & 0x33333333);
  x = (x + (x >>> 4)) & 0x0f0f0f0f;
  return Math.imul(x, 0x01010101) >>> 24;
}

/** Bits of `mask` below entry e (0–31). */
const below = (mask: number, entry: number) => popcount(mask & ((1 << entry) - 1));

/** 0 for the first of the month … 30. */
const dayOfMonth = (day: number) => day - monthStartDay(monthOfDay(day));

export class DayCube {
  /** Per key and month, its page number. */
  private readonly months = new MonthPages();
  /** Per page: the first slot of its run, which entries hold a bucket, how many slots the run has. */
  private pageBase = new Int32Array(FIRST_PAGES);
  private pageMask = new Int32Array(FIRST_PAGES);
  private pageRoom = new Uint8Array(FIRST_PAGES);
  private pagesUsed = 0;
  /** Per measure, the month's total in every page: Int16 until {@link put} widens that measure. */
  private readonly totals: MeasureColumn[] = [];
  /** Per measure, its value in every slot: Int16 until {@link put} widens that measure. */
  private readonly values: MeasureColumn[] = [];
  /** Slots handed out to runs (those a moved run left behind included, until {@link compact}). */
  private slots = 0;
  /** Slots the measures' arrays have room for. */
  private capacity = FIRST_SLOTS;

  /** @param width number of measures held per bucket */
  constructor(readonly width: number) {
    for (let i = 0; i < width; i++) {
      this.values.push(new Int16Array(FIRST_SLOTS));
      this.totals.push(new Int16Array(FIRST_PAGES));
    }
  }

  /** What a measure's days are held in now (for tests and the bench). */
  storageOf(measure: number): MeasureStorage {
    const column = this.values[measure];
    if (!column) throw new RangeError(`storageOf: no measure ${measure}`);
    return storageOfColumn(column);
  }

  /** What a measure's month totals are held in now (for tests and the bench). */
  totalStorageOf(measure: number): MeasureStorage {
    const column = this.totals[measure];
    if (!column) throw new RangeError(`totalStorageOf: no measure ${measure}`);
    return storageOfColumn(column);
  }

  /** Adds `delta` to one measure of a key's day (and its month). */
  add(key: number, day: number, measure: number, delta: number): void {
    if (delta === 0) return;
    const page = this.page(key, day);
    put(this.values, measure, this.daySlot(page, dayOfMonth(day)), delta);
    put(this.totals, measure, page, delta);
  }

  /** Adds `deltas[i]` to measure i of a key's day (one bucket lookup for several measures). */
  addRow(key: number, day: number, deltas: readonly number[]): void {
    if (deltas.every((delta) => delta === 0)) return;
    const page = this.page(key, day);
    const daySlot = this.daySlot(page, dayOfMonth(day));
    for (let i = 0; i < deltas.length; i++) {
      const delta = deltas[i]!;
      if (delta === 0) continue;
      put(this.values, i, daySlot, delta);
      put(this.totals, i, page, delta);
    }
  }

  /**
   * Adds the bucket in `slot` of another cube of the same width to a key's day (rebuilding from
   * another cube): `slot` as {@link forEachDay} or {@link forEachDayOf} of `from` gave it.
   */
  addBucket(key: number, day: number, from: DayCube, slot: number): void {
    if (from === this) throw new RangeError('addBucket: from another cube only');
    if (from.width !== this.width) throw new RangeError('addBucket: cubes differ');
    const source = from.values;
    const width = this.width;
    let empty = true;
    for (let i = 0; i < width && empty; i++) empty = source[i]![slot] === 0;
    if (empty) return;
    const page = this.page(key, day);
    const daySlot = this.daySlot(page, dayOfMonth(day));
    for (let i = 0; i < width; i++) {
      const delta = source[i]![slot]!;
      if (delta === 0) continue;
      put(this.values, i, daySlot, delta);
      put(this.totals, i, page, delta);
    }
  }

  /** The slot of a day's bucket (day of month 0–30), made when new. */
  private daySlot(page: number, entry: number): number {
    this.ensure(page, entry);
    return this.pageBase[page]! + below(this.pageMask[page]!, entry);
  }

  /** The slot of a page's entry, or −1 when it has no bucket. */
  private slotOf(page: number, entry: number): number {
    const mask = this.pageMask[page]!;
    return (mask >>> entry) & 1 ? this.pageBase[page]! + below(mask, entry) : -1;
  }

  /** Gives a page's entry a bucket (of zeros) when it has none. */
  private ensure(page: number, entry: number): void {
    const mask = this.pageMask[page]!;
    if ((mask >>> entry) & 1) return;
    const count = popcount(mask);
    const rank = below(mask, entry);
    const room = this.pageRoom[page]!;
    const base = this.pageBase[page]!;
    // Runs are short (31 slots at most): plain loops beat a copyWithin call per measure.
    const values = this.values;
    if (count < room) {
      // In place: the buckets above the new one move up a slot.
      const at = base + rank;
      for (let i = 0; i < values.length; i++) {
        const column = values[i]!;
        for (let slot = base + count; slot > at; slot--) column[slot] = column[slot - 1]!;
        column[at] = 0;
      }
    } else {
      // To the end, with twice the room (slots past `slots` are zeros: they were never handed out).
      const newRoom = Math.min(DAYS, Math.max(FIRST_ROOM, room * 2));
      const moved = this.allocate(newRoom);
      for (let i = 0; i < values.length; i++) {
        const column = values[i]!;
        for (let k = 0; k < rank; k++) column[moved + k] = column[base + k]!;
        for (let k = rank; k < count; k++) column[moved + k + 1] = column[base + k]!;
      }
      this.pageBase[page] = moved;
      this.pageRoom[page] = newRoom;
    }
    this.pageMask[page] = mask | (1 << entry);
  }

  /** Hands out `n` fresh slots at the end, growing every measure's array when needed. */
  private allocate(n: number): number {
    const first = this.slots;
    this.slots += n;
    if (this.slots > this.capacity) {
      this.capacity = grown(this.capacity, this.slots);
      const values = this.values;
      for (let i = 0; i < values.length; i++) values[i] = resized(values[i]!, this.capacity);
    }
    return first;
  }

  /** The page of a key's month holding `day`, created when new. */
  private page(key: number, day: number): number {
    const month = monthOfDay(day);
    const found = this.months.find(key, month);
    if (found !== NO_PAGE) return found;
    const page = this.pagesUsed++;
    if (page === this.pageBase.length) this.resizePages(page * 2);
    this.months.set(key, month, page);
    return page;
  }

  /** Gives every per-page array room for `length` pages. */
  private resizePages(length: number): void {
    this.pageBase = resized(this.pageBase, length);
    this.pageMask = resized(this.pageMask, length);
    this.pageRoom = resized(this.pageRoom, length);
    const totals = this.totals;
    for (let i = 0; i < totals.length; i++) totals[i] = resized(totals[i]!, length);
  }

  /**
   * Lays every page's run out again with no gaps and no room to spare (the runs that moved left
   * slots behind, and runs double their room as they fill), likewise every key's run of month
   * cells, and gives back most of the spare capacity of the arrays, keeping a thirty-second as headroom
   * — before a snapshot is written, as the columns do. Each measure keeps its array classes. A
   * page that gets a new day after this moves its run to the end once, and so does a key's run of
   * month cells on a new month before its first or after its last.
   */
  compact(): void {
    let live = 0;
    for (let page = 0; page < this.pagesUsed; page++) live += popcount(this.pageMask[page]!);
    const capacity = withHeadroom(live, 1);
    const values = this.values;
    for (let i = 0; i < values.length; i++) {
      const column = values[i]!;
      const next = blank(column, capacity);
      let at = 0;
      for (let page = 0; page < this.pagesUsed; page++) {
        const base = this.pageBase[page]!;
        const end = base + popcount(this.pageMask[page]!);
        for (let slot = base; slot < end; slot++) next[at++] = column[slot]!;
      }
      values[i] = next;
    }
    let at = 0;
    for (let page = 0; page < this.pagesUsed; page++) {
      const count = popcount(this.pageMask[page]!);
      this.pageBase[page] = at;
      this.pageRoom[page] = count;
      at += count;
    }
    this.slots = live;
    this.capacity = capacity;
    const pages = withHeadroom(this.pagesUsed, 16);
    if (this.pageBase.length > pages) this.resizePages(pages);
    this.months.compact();
  }

  /**
   * Adds the key's measures over days [from, to] (inclusive; ±Infinity allowed) into `out`.
   * @example cube.sumInto(person, 20454, 20819, out) // a year of one person
   */
  sumInto(key: number, from: number, to: number, out: Float64Array): void {
    const months = this.months;
    if (!months.has(key) || from > to) return;
    const values = this.values;
    const totals = this.totals;
    const width = this.width;
    // Clamp to the months holding data, so that whole months stay whole.
    const firstMonth = months.first(key);
    const lastMonth = months.last(key);
    const first = Math.max(monthOfDay(Math.max(from, monthStartDay(firstMonth))), firstMonth);
    const last = Math.min(monthOfDay(Math.min(to, monthStartDay(lastMonth + 1) - 1)), lastMonth);
    for (let month = first; month <= last; month++) {
      const page = months.find(key, month);
      if (page === NO_PAGE) continue;
      const start = monthStartDay(month);
      const end = monthStartDay(month + 1) - 1;
      if (from <= start && end <= to) {
        for (let i = 0; i < width; i++) out[i]! += totals[i]![page]!;
        continue;
      }
      // The ragged edge: its days' buckets are one run of slots, added day by day per measure.
      const mask = this.pageMask[page]!;
      const base = this.pageBase[page]!;
      const lo = base + below(mask, Math.max(from, start) - start);
      const hi = base + below(mask, Math.min(to, end) - start + 1);
      for (let i = 0; i < width; i++) {
        const column = values[i]!;
        let sum = out[i]!;
        for (let slot = lo; slot < hi; slot++) sum += column[slot]!;
        out[i] = sum;
      }
    }
  }

  /** Calls `visit(key, month, page)` for every month page, by key, then month (see {@link addPage}). */
  forEachPage(visit: (key: number, month: number, page: number) => void): void {
    this.months.forEach(visit);
  }

  /**
   * Adds a whole month page of another cube of the same width (its days and total) to a key's
   * month. Either cube may hold any measure in any width: the sums go through {@link put}.
   */
  addPage(key: number, month: number, from: DayCube, page: number): void {
    if (from === this) throw new RangeError('addPage: from another cube only');
    if (from.width !== this.width) throw new RangeError('addPage: cubes differ');
    const target = this.page(key, monthStartDay(month));
    const width = this.width;
    const source = from.values;
    for (let at = 0; at < DAYS; at++) {
      const held = from.slotOf(page, at);
      if (held < 0) continue;
      let empty = true;
      for (let i = 0; i < width && empty; i++) empty = source[i]![held] === 0;
      if (empty) continue;
      const slot = this.daySlot(target, at);
      for (let i = 0; i < width; i++) {
        const delta = source[i]![held]!;
        if (delta !== 0) put(this.values, i, slot, delta);
      }
    }
    for (let i = 0; i < width; i++) {
      const delta = from.totals[i]![page]!;
      if (delta !== 0) put(this.totals, i, target, delta);
    }
  }

  /**
   * Calls `visit(key, day, slot)` for every day bucket: `slot` names it for {@link addBucket}
   * (valid during the call only).
   */
  forEachDay(visit: (key: number, day: number, slot: number) => void): void {
    this.months.forEach((key, month, page) => {
      this.forEachDayOf(page, monthStartDay(month), (day, slot) => visit(key, day, slot));
    });
  }

  /** {@link forEachDay} over one page, whose month starts on `start`. */
  forEachDayOf(page: number, start: number, visit: (day: number, slot: number) => void): void {
    const mask = this.pageMask[page]!;
    let slot = this.pageBase[page]!;
    for (let at = 0; at < DAYS; at++) {
      if (((mask >>> at) & 1) === 0) continue;
      visit(start + at, slot);
      slot++;
    }
  }

  /** Every non-empty (key, day) bucket with its measures, for tests and debugging. */
  dump(): Map<string, number[]> {
    const result = new Map<string, number[]>();
    this.forEachDay((key, day, slot) => {
      const row = this.values.map((column) => column[slot]!);
      if (row.some((v) => v !== 0)) result.set(`${key}:${day}`, row);
    });
    return result;
  }
}

/**
 * Adds `delta` to a measure's value in cell `at` of `columns` (the days' or the totals'): the sum
 * is taken in doubles, and that measure's array is widened first if the sum does not fit it —
 * Int16 → Int32 for a whole number in Int32 range, else → Float64 (it would be truncated or
 * wrap). The measure's array may be replaced: callers read `columns[measure]` again after.
 */
function put(columns: MeasureColumn[], measure: number, at: number, delta: number): void {
  let column = columns[measure]!;
  const next = column[at]! + delta;
  if (column instanceof Int16Array ? (next << 16) >> 16 !== next : (next | 0) !== next) {
    if (column instanceof Int16Array && (next | 0) === next) column = new Int32Array(column);
    else if (!(column instanceof Float64Array)) column = new Float64Array(column);
    columns[measure] = column;
  }
  column[at] = next;
}

function storageOfColumn(column: MeasureColumn): MeasureStorage {
  return column instanceof Int16Array ? 'int16' : column instanceof Int32Array ? 'int32' : 'float64';
}

/** Zeros in an array of the same class as `column`. */
function blank(column: MeasureColumn, length: number): MeasureColumn {
  if (column instanceof Int16Array) return new Int16Array(length);
  return column instanceof Int32Array ? new Int32Array(length) : new Float64Array(length);
}
