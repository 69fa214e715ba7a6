/**
 * The bytes of a snapshot (issue 5, cold start): a V8-serialised value whose typed arrays are
 * stored after it, out of line, so that a restore reads each one straight into an ArrayBuffer of
 * its own.
 *
 * Why: V8's serializer writes typed arrays inline, and reading them back either copies them
 * (Node copies every one that is not aligned for its element type) or leaves them as views into
 * the one buffer read, which every array then keeps alive. Copying 2.7 GB a second time was ~5 s of
 * a 10 s restart at 10M orders (docs/performance.md); views pin the whole buffer as soon as one
 * column grows into a new array. Read out of line, there is neither.
 *
 * Layout: [stream length: f64][array count: f64][stream][byte lengths: f64 × count][array 0]
 * [array 1]… Each array gets a buffer of its own on reading, so nothing needs aligning.
 */
import fs from 'node:fs';
import v8 from 'node:v8';

const PREAMBLE = 16;

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
  const tableAt = PREAMBLE + stream.length;
  let end = tableAt + 8 * arrays.length;
  for (const array of arrays) end += array.byteLength;
  const body = Buffer.allocUnsafeSlow(end);
  const numbers = new DataView(body.buffer, body.byteOffset, body.byteLength);
  numbers.setFloat64(0, stream.length, true);
  numbers.setFloat64(8, arrays.length, true);
  stream.copy(body, PREAMBLE);
  let at = tableAt + 8 * arrays.length;
  arrays.forEach((array, i) => {
    numbers.setFloat64(tableAt + 8 * i, array.byteLength, true);
    body.set(new Uint8Array(array.buffer, array.byteOffset, array.byteLength), at);
    at += array.byteLength;
  });
  return body;
}

class OutOfLineDeserializer extends v8.DefaultDeserializer {
  constructor(
    stream: Buffer,
    private readonly arrays: readonly ArrayBuffer[],
  ) {
    super(stream);
  }

  // Node's documented hook (v8.Deserializer#_readHostObject), missing from @types/node.
  _readHostObject(): ArrayBufferView {
    const type = VIEW_TYPES[this.readUint32()] as ViewType | undefined;
    const buffer = this.arrays[this.readUint32()];
    if (!type || !buffer) throw new Error('snapshot body: bad array reference');
    if (type === DataView) return new DataView(buffer);
    return new (type as Int8ArrayConstructor)(buffer);
  }
}

/** Where a body's bytes come from: a buffer in memory or a file, read at an offset. */
export interface BodySource {
  readonly length: number;
  /** Fills `into` with the bytes from `offset` on. */
  read(offset: number, into: Uint8Array): void;
}

/** A body in memory. */
export function bufferSource(buffer: Buffer): BodySource {
  return {
    length: buffer.length,
    read: (offset, into) => {
      into.set(buffer.subarray(offset, offset + into.length));
    },
  };
}

/** Reads and writes of at most 1 GiB each: one read(2) or write(2) cannot pass 2 GiB. */
export const IO_CHUNK = 1 << 30;

/** A body stored in an open file from `start` on, `length` bytes long. */
export function fileSource(fd: number, start: number, length: number): BodySource {
  return {
    length,
    read(offset, into) {
      let done = 0;
      while (done < into.length) {
        const n = fs.readSync(fd, into, done, Math.min(IO_CHUNK, into.length - done), start + offset + done);
        if (n === 0) throw new Error('snapshot body: truncated');
        done += n;
      }
    },
  };
}

/**
 * The value of a body. Each typed array is read straight into an ArrayBuffer of its own: nothing
 * is read twice or copied, and no array keeps another's memory alive when it is replaced later.
 */
export function decodeBody(source: BodySource): unknown {
  if (source.length < PREAMBLE) throw new Error('snapshot body: too short');
  const preamble = new Uint8Array(PREAMBLE);
  source.read(0, preamble);
  const numbers = new DataView(preamble.buffer);
  const streamLength = numbers.getFloat64(0, true);
  const count = numbers.getFloat64(8, true);
  const tableAt = PREAMBLE + streamLength;
  if (
    !Number.isSafeInteger(count) ||
    !Number.isSafeInteger(streamLength) ||
    tableAt + 8 * count > source.length
  )
    throw new Error('snapshot body: bad layout');
  const stream = Buffer.allocUnsafe(streamLength);
  source.read(PREAMBLE, stream);
  const table = new Uint8Array(8 * count);
  source.read(tableAt, table);
  const lengths = new DataView(table.buffer);
  const arrays: ArrayBuffer[] = [];
  let end = tableAt + 8 * count;
  for (let i = 0; i < count; i++) {
    const length = lengths.getFloat64(8 * i, true);
    if (!Number.isSafeInteger(length) || end + length > source.length)
      throw new Error('snapshot body: truncated');
    const buffer = new ArrayBuffer(length);
    source.read(end, new Uint8Array(buffer));
    arrays.push(buffer);
    end += length;
  }
  const deserializer = new OutOfLineDeserializer(stream, arrays);
  deserializer.readHeader();
  return deserializer.readValue();
}
