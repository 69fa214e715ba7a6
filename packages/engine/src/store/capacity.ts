/**
 * How the store's typed arrays grow and shrink — one rule for every column, dictionary and cube
 * (issue 5, memory): they double as they grow, so that appending stays amortised O(1); before a
 * snapshot they give back most of the spare capacity but keep an eighth as headroom, so that the
 * next import does not copy every array into a doubled one at once (a second's pause at 10M orders).
 */

/** The typed arrays the store holds (on plain, not shared, buffers). */
export type TypedArray =
  | Int8Array<ArrayBuffer>
  | Uint8Array<ArrayBuffer>
  | Int16Array<ArrayBuffer>
  | Uint16Array<ArrayBuffer>
  | Int32Array<ArrayBuffer>
  | Float64Array<ArrayBuffer>;

/** The length to keep for `used` cells when compacting: an eighth more, and at least `minimum` more. */
export function withHeadroom(used: number, minimum: number): number {
  return used + (used >> 3) + minimum;
}

/** `length` doubled until it reaches `minLength` (at least once). */
export function doubled(length: number, minLength: number): number {
  let next = Math.max(1, length) * 2;
  while (next < minLength) next *= 2;
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
