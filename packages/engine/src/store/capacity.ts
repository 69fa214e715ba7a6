/**
 * How the store's typed arrays grow and shrink — one rule for every column, dictionary and cube
 * (issue 5, memory): they double as they grow while small and grow by a quarter once past a
 * million cells, so that appending stays amortised O(1) and a big column's next growth adds a
 * quarter of it, not all of it, to what is resident; before a snapshot they give back their spare
 * capacity but keep a thirty-second as headroom (312,500 orders at 10M: an import of some
 * thousands of rows does not copy every array at once). An eighth was kept before stop 12: ~6 B
 * of the 60 B per order at 10M, for imports that rarely come near it.
 */
/** The typed arrays the store holds (on plain, not shared, buffers). */
export type TypedArray =
  | Int8Array<ArrayBuffer>
  | Uint8Array<ArrayBuffer>
  | Int16Array<ArrayBuffer>
  | Uint16Array<ArrayBuffer>
  | Int32Array<ArrayBuffer>
  | Float64Array<ArrayBuffer>;

/** The length to keep for `used` cells when compacting: a thirty-second more, and at least `minimum` more. */
export function withHeadroom(used: number, minimum: number): number {
  return used + (used >> 5) + minimum;
}

/** Past this many cells an array grows by a quarter, not double. */
const LARGE = 1 << 20;

/** `length` grown (doubled while small, by a quarter once large) until it reaches `minLength`, at least once. */
export function grown(length: number, minLength: number): number {
  let next = Math.max(1, length);
  do next = next < LARGE ? next * 2 : next + (next >> 2);
  while (next < minLength);
  return next;
}

/**
 * A new array of the same class, of `length`, holding the first cells of `array` (as many as
 * fit) and `fill` in the cells after them.
 */
export function resized<T extends TypedArray>(array: T, length: number, fill = 0): T {
  const next = new (array.constructor as new (length: number) => T)(length);
  const kept = Math.min(array.length, length);
  next.set(array.subarray(0, kept) as never);
  if (fill !== 0) next.fill(fill, kept);
  return next;
}

/** Bit `index` of an array of 32-bit words (a BitColumn's, for the scans): 1 or 0. */
export function bitOf(words: Int32Array, index: number): number {
  return (words[index >>> 5]! >>> (index & 31)) & 1;
}
