/**
 * The bytes of a snapshot (issue 5, cold start): a V8-serialised value whose typed arrays are
 * stored after it, each at an offset aligned to 8 bytes, so that reading them back makes *views*
 * into the one buffer read from the file instead of copies.
 *
 * Why: V8's serializer writes typed arrays inline at whatever offset the stream has reached, and
 * Node copies every one that is not aligned for its element type; copying the rest out as well
 * (to free the read buffer) made a restart of 10M orders spend ~5 s of its ~10 s allocating and
 * filling 2.7 GB a second time (docs/performance.md). Views cost nothing at start; the copies are
 * made afterwards, a slice at a time, by {@link detachViews}, so the read buffer is let go and a
 * column that grows later does not keep it alive.
 *
 * Layout: [stream length: f64][array count: f64][stream][pad to 8][byte lengths: f64 × count]
 * [array 0][pad to 8][array 1]…
 */
import v8 from 'node:v8';

const PREAMBLE = 16;
const align8 = (n: number) => Math.ceil(n / 8) * 8;

/** The views a snapshot may hold, by a stable index (the stream stores the index). */
const VIEW_TYPES = [
  Int8Array,
  Uint8Array,
  Uint8ClampedArray,
  Int16Array,
  Uint16Array,
  Int32Array,
  Uint32Array,
  Float32Array,
  Float64Array,
  BigInt64Array,
  BigUint64Array,
  DataView,
] as const;

type ViewType = (typeof VIEW_TYPES)[number];

function typeIndexOf(view: ArrayBufferView): number {
  // A Buffer is a Uint8Array: it comes back as one.
  const index = VIEW_TYPES.findIndex((type) => view instanceof type && view.constructor !== Buffer);
  return index >= 0 ? index : VIEW_TYPES.indexOf(Uint8Array);
}

class OutOfLineSerializer extends v8.DefaultSerializer {
  readonly arrays: ArrayBufferView[] = [];

  // Node's documented hook (v8.Serializer#_writeHostObject), missing from @types/node.
  _writeHostObject(view: ArrayBufferView): void {
    this.writeUint32(typeIndexOf(view));
    this.writeUint32(this.arrays.length);
    this.arrays.push(view);
  }
}

/** `value` (anything V8 can serialise) in the layout above. */
export function encodeBody(value: unknown): Buffer {
  const serializer = new OutOfLineSerializer();
  serializer.writeHeader();
  serializer.writeValue(value);
  const stream = serializer.releaseBuffer();
  const { arrays } = serializer;
  const tableAt = align8(PREAMBLE + stream.length);
  const offsets: number[] = [];
  let end = tableAt + 8 * arrays.length;
  for (const array of arrays) {
    end = align8(end);
    offsets.push(end);
    end += array.byteLength;
  }
  const body = Buffer.allocUnsafeSlow(end);
  const numbers = new DataView(body.buffer, body.byteOffset, body.byteLength);
  numbers.setFloat64(0, stream.length, true);
  numbers.setFloat64(8, arrays.length, true);
  stream.copy(body, PREAMBLE);
  body.fill(0, PREAMBLE + stream.length, tableAt);
  arrays.forEach((array, i) => {
    numbers.setFloat64(tableAt + 8 * i, array.byteLength, true);
    const at = offsets[i] as number;
    const padFrom =
      i === 0
        ? tableAt + 8 * arrays.length
        : (offsets[i - 1] as number) + (arrays[i - 1] as ArrayBufferView).byteLength;
    body.fill(0, padFrom, at);
    body.set(new Uint8Array(array.buffer, array.byteOffset, array.byteLength), at);
  });
  return body;
}

class OutOfLineDeserializer extends v8.DefaultDeserializer {
  /** Every view made, to be detached later. */
  readonly views = new Set<ArrayBufferView>();

  constructor(
    stream: Buffer,
    private readonly body: Buffer,
    private readonly at: readonly number[],
    private readonly lengths: readonly number[],
  ) {
    super(stream);
  }

  // Node's documented hook (v8.Deserializer#_readHostObject), missing from @types/node.
  _readHostObject(): ArrayBufferView {
    const type = VIEW_TYPES[this.readUint32()] as ViewType | undefined;
    const index = this.readUint32();
    const at = this.at[index];
    const length = this.lengths[index];
    if (!type || at === undefined || length === undefined)
      throw new Error('snapshot body: bad array reference');
    const offset = this.body.byteOffset + at;
    const view =
      type === DataView
        ? new DataView(this.body.buffer, offset, length)
        : new (type as Int8ArrayConstructor)(
            this.body.buffer,
            offset,
            length / (type as Int8ArrayConstructor).BYTES_PER_ELEMENT,
          );
    this.views.add(view);
    return view;
  }
}

/**
 * The value of a body, its typed arrays views into `body` (which must start 8-byte aligned in
 * its ArrayBuffer: a buffer from `Buffer.allocUnsafeSlow`; another is copied once).
 */
export function decodeBody(input: Buffer): { value: unknown; views: Set<ArrayBufferView> } {
  let body = input;
  if (body.byteOffset % 8 !== 0) {
    body = Buffer.allocUnsafeSlow(input.length);
    input.copy(body);
  }
  if (body.length < PREAMBLE) throw new Error('snapshot body: too short');
  const numbers = new DataView(body.buffer, body.byteOffset, body.byteLength);
  const streamLength = numbers.getFloat64(0, true);
  const count = numbers.getFloat64(8, true);
  const tableAt = align8(PREAMBLE + streamLength);
  if (!Number.isSafeInteger(count) || tableAt + 8 * count > body.length)
    throw new Error('snapshot body: bad layout');
  const lengths: number[] = [];
  const at: number[] = [];
  let end = tableAt + 8 * count;
  for (let i = 0; i < count; i++) {
    const length = numbers.getFloat64(tableAt + 8 * i, true);
    end = align8(end);
    at.push(end);
    lengths.push(length);
    end += length;
  }
  if (end > body.length) throw new Error('snapshot body: truncated');
  const deserializer = new OutOfLineDeserializer(
    body.subarray(PREAMBLE, PREAMBLE + streamLength),
    body,
    at,
    lengths,
  );
  deserializer.readHeader();
  return { value: deserializer.readValue(), views: deserializer.views };
}

/** Values looked at between two yields of {@link detachViews}, besides the bytes copied. */
const VALUES_PER_SLICE = 20_000;

/**
 * Whether a container holds primitives, judged by its first value that is not null: then there is
 * nothing to walk in it (the store's containers hold one kind of value each).
 */
function holdsPrimitives(values: Iterator<unknown>): boolean {
  for (let next = values.next(); !next.done; next = values.next()) {
    if (next.value === null || next.value === undefined) continue;
    return typeof next.value !== 'object';
  }
  return true;
}

/**
 * Replaces every view of `views` reachable from `root` (through fields, arrays, Maps and plain
 * objects) by a copy of its own, a little at a time: the generator yields after about
 * `sliceBytes` copied or {@link VALUES_PER_SLICE} values looked at — inside a large Map or array
 * too — so a caller can spread the work over event-loop turns and keep serving. Returns how many
 * arrays it copied. ({@link countSharing} tells what still lives in the body: nothing, unless a
 * view is held where the walk cannot swap it, such as in a Set.)
 */
export function* detachViews(
  root: object,
  views: Set<ArrayBufferView>,
  sliceBytes = 8 * 1024 * 1024,
): Generator<void, number> {
  if (views.size === 0) return 0;
  const body = (views.values().next().value as ArrayBufferView).buffer;
  const seen = new Set<object>();
  const stack: object[] = [root];
  // A view held in two places gets one copy, held in both: sharing survives.
  const copies = new Map<ArrayBufferView, ArrayBufferView>();
  let copied = 0;
  let looked = 0;
  const own = (view: ArrayBufferView): ArrayBufferView => {
    const known = copies.get(view);
    if (known) return known;
    copied += view.byteLength;
    const copy =
      view instanceof DataView
        ? new DataView(view.buffer.slice(view.byteOffset, view.byteOffset + view.byteLength))
        : (view as Uint8Array).slice();
    copies.set(view, copy);
    return copy;
  };
  /** Looks at one value; returns its copy when it is a view to replace. */
  const visit = (value: unknown): ArrayBufferView | null => {
    looked += 1;
    if (value === null || typeof value !== 'object') return null;
    if (ArrayBuffer.isView(value)) return value.buffer === body ? own(value) : null;
    if (!seen.has(value)) stack.push(value);
    return null;
  };
  const due = () => copied >= sliceBytes || looked >= VALUES_PER_SLICE;
  while (stack.length > 0) {
    const container = stack.pop() as object;
    if (seen.has(container)) continue;
    seen.add(container);
    if (container instanceof Map) {
      if (holdsPrimitives(container.values())) continue;
      for (const [key, value] of container) {
        const copy = visit(value);
        if (copy) container.set(key, copy);
        if (due()) {
          copied = 0;
          looked = 0;
          yield;
        }
      }
    } else if (container instanceof Set) {
      // A Set's element cannot be swapped in place: only what its elements contain is walked.
      if (holdsPrimitives(container.values())) continue;
      for (const value of container) if (!ArrayBuffer.isView(value)) visit(value);
    } else if (Array.isArray(container)) {
      if (holdsPrimitives(container.values())) continue;
      for (let i = 0; i < container.length; i++) {
        const copy = visit(container[i]);
        if (copy) container[i] = copy;
        if (due()) {
          copied = 0;
          looked = 0;
          yield;
        }
      }
    } else {
      const fields = container as Record<string, unknown>;
      for (const key of Object.keys(fields)) {
        const copy = visit(fields[key]);
        if (copy) fields[key] = copy;
      }
    }
    if (due()) {
      copied = 0;
      looked = 0;
      yield;
    }
  }
  views.clear();
  return copies.size;
}

/** How many typed arrays reachable from `root` still live in `buffer` (a full walk: for tests). */
export function countSharing(root: object, buffer: ArrayBufferLike): number {
  const seen = new Set<object>();
  const stack: object[] = [root];
  let sharing = 0;
  while (stack.length > 0) {
    const container = stack.pop() as object;
    if (seen.has(container)) continue;
    seen.add(container);
    const values =
      container instanceof Map || container instanceof Set
        ? [...container.values()]
        : Object.values(container as Record<string, unknown>);
    for (const value of values) {
      if (value === null || typeof value !== 'object') continue;
      if (ArrayBuffer.isView(value)) {
        if (value.buffer === buffer) sharing += 1;
      } else stack.push(value);
    }
  }
  return sharing;
}
