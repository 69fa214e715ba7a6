/**
 * Ids of one shape — a fixed prefix and a fixed number of digits, as ERP and CRM exports and the
 * bench's generator name orders, payments and activities (O000000001, DD20250101001) — held as
 * numbers: 4 bytes per id up to 9 digits, 8 up to 15, instead of the id's bytes and a hash tag
 * (~11 bytes for O000000001; issue 5, memory). An IdDictionary whose first id has such a shape
 * keeps the ids of that shape here; an id of another shape is marked here by a negative number,
 * −(its index in the dictionary's `odd` part + 1).
 */

const LOW_DIGITS = 9;
const MAX_DIGITS = 15;

export class NumberedIds {
  /** What every id starts with; `digits` = 0 when the dictionary holds bytes instead. */
  prefix = '';
  digits = 0;
  /** Per id: the value of its last nine digits (or the odd mark), and of the digits before them (beyond 9 only). */
  private low = new Int32Array(0);
  private high = new Int32Array(0);
  /** Per odd id, in the order they came: its index in the dictionary. */
  private oddIndex = new Int32Array(0);
  private odds = 0;
  /** The id parsed last. */
  private scratchLow = 0;
  private scratchHigh = 0;

  /** Takes the shape of a dictionary's first id; `digits` stays 0 when it has none. */
  adopt(name: string): void {
    let start = name.length;
    while (start > 0 && isDigit(name.charCodeAt(start - 1))) start--;
    const digits = name.length - start;
    this.prefix = digits >= 1 && digits <= MAX_DIGITS ? name.slice(0, start) : '';
    this.digits = digits >= 1 && digits <= MAX_DIGITS ? digits : 0;
  }

  /** Parses `name` as the id to look up; false when it does not have the shape. */
  parse(name: string): boolean {
    const prefix = this.prefix;
    if (name.length !== prefix.length + this.digits) return false;
    for (let i = 0; i < prefix.length; i++) if (name.charCodeAt(i) !== prefix.charCodeAt(i)) return false;
    const split = name.length - LOW_DIGITS;
    let high = 0;
    let low = 0;
    for (let i = prefix.length; i < name.length; i++) {
      const digit = name.charCodeAt(i) - 48;
      if (digit < 0 || digit > 9) return false;
      if (i < split) high = high * 10 + digit;
      else low = low * 10 + digit;
    }
    this.scratchLow = low;
    this.scratchHigh = high;
    return true;
  }

  /** The hash of the id parsed last. */
  scratchHash(): number {
    return hashOf(this.scratchLow, this.scratchHigh);
  }

  hashAt(index: number): number {
    return hashOf(this.low[index]!, this.digits > LOW_DIGITS ? this.high[index]! : 0);
  }

  /** True when id `index` is the one parsed last. */
  equals(index: number): boolean {
    return (
      this.low[index] === this.scratchLow &&
      (this.digits <= LOW_DIGITS || this.high[index] === this.scratchHigh)
    );
  }

  /** The id parsed last against id `index` (a numbered one): < 0 before it, 0 equal, > 0 after. */
  compare(index: number): number {
    if (this.digits > LOW_DIGITS) {
      const high = this.scratchHigh - this.high[index]!;
      if (high !== 0) return high;
    }
    return this.scratchLow - this.low[index]!;
  }

  /** Stores the id parsed last as id `index`. */
  append(index: number): void {
    this.reserve(index);
    this.low[index] = this.scratchLow;
    if (this.digits > LOW_DIGITS) this.high[index] = this.scratchHigh;
  }

  /** Marks id `index` as the dictionary's odd id number `odd` (the next one). */
  appendOdd(index: number, odd: number): void {
    this.reserve(index);
    this.low[index] = -(odd + 1);
    if (odd >= this.oddIndex.length) this.oddIndex = resized(this.oddIndex, Math.max(16, odd * 2));
    this.oddIndex[odd] = index;
    this.odds = odd + 1;
  }

  /** The odd id number of id `index`, or −1 when it is a numbered one. */
  oddOf(index: number): number {
    const low = this.low[index]!;
    return low < 0 ? -low - 1 : -1;
  }

  indexOfOdd(odd: number): number {
    return this.oddIndex[odd]!;
  }

  private reserve(index: number): void {
    if (index < this.low.length) return;
    this.low = resized(this.low, Math.max(1024, index * 2));
    if (this.digits > LOW_DIGITS) this.high = resized(this.high, this.low.length);
  }

  name(index: number): string {
    const low = String(this.low[index]!);
    if (this.digits <= LOW_DIGITS) return this.prefix + low.padStart(this.digits, '0');
    const high = String(this.high[index]!).padStart(this.digits - LOW_DIGITS, '0');
    return this.prefix + high + low.padStart(LOW_DIGITS, '0');
  }

  /** Keeps `length` entries (the dictionary's count plus its headroom). */
  compact(length: number): void {
    if (this.low.length > length) this.low = this.low.slice(0, length);
    if (this.high.length > length) this.high = this.high.slice(0, length);
    const odds = this.odds + (this.odds >> 3) + 16;
    if (this.oddIndex.length > odds) this.oddIndex = this.oddIndex.slice(0, odds);
  }

  get byteLength(): number {
    return this.low.byteLength + this.high.byteLength + this.oddIndex.byteLength;
  }
}

const isDigit = (code: number) => code >= 48 && code <= 57;

function hashOf(low: number, high: number): number {
  let h = low ^ Math.imul(high, 0x9e3779b1);
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  return h ^ (h >>> 16);
}

function resized(array: Int32Array<ArrayBuffer>, length: number): Int32Array<ArrayBuffer> {
  const next = new Int32Array(length);
  next.set(array.subarray(0, Math.min(array.length, length)));
  return next;
}
