import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { bufferSource, decodeBody, encodeBody, fileSource } from './snapshot-body.ts';

function sample() {
  const backing = new Float64Array([0.5, 1.5, 2.5, 3.5, 4.5]);
  const shared = new Int32Array([7, 8, 9]);
  return {
    ints: new Int32Array([1, -2, 3]),
    // Odd offsets and lengths in their source: each comes back in a buffer of its own.
    bytes: new Uint8Array([1, 2, 3, 4, 5, 6, 7]).subarray(1, 6),
    floats: backing.subarray(1, 4),
    big: new BigInt64Array([1n, -2n]),
    view: new DataView(new Uint8Array([9, 8, 7, 6]).buffer, 1, 2),
    buffer: Buffer.from('abc'),
    empty: new Float32Array(0),
    nested: { list: [new Uint16Array([65535]), 'text', 4], map: new Map([['k', new Int8Array([-1])]]) },
    shared,
    again: shared,
  };
}

function check(value: unknown) {
  const back = value as ReturnType<typeof sample>;
  expect([...back.ints]).toEqual([1, -2, 3]);
  expect([...back.bytes]).toEqual([2, 3, 4, 5, 6]);
  expect([...back.floats]).toEqual([1.5, 2.5, 3.5]);
  expect([...back.big]).toEqual([1n, -2n]);
  expect([back.view.getUint8(0), back.view.getUint8(1)]).toEqual([8, 7]);
  expect([...back.buffer]).toEqual([...Buffer.from('abc')]);
  expect(back.empty.length).toBe(0);
  expect([...(back.nested.list[0] as Uint16Array)]).toEqual([65535]);
  expect([...(back.nested.map.get('k') as Int8Array)]).toEqual([-1]);
  // Shared references stay shared; every array owns its whole buffer.
  expect(back.again).toBe(back.shared);
  const arrays = [back.ints, back.bytes, back.floats, back.big, back.view, back.buffer, back.shared];
  for (const array of arrays)
    expect(array.byteOffset === 0 && array.buffer.byteLength === array.byteLength).toBe(true);
  expect(new Set(arrays.map((a) => a.buffer)).size).toBe(arrays.length);
}

describe('snapshot body', () => {
  it('gives back every value, each typed array in a buffer of its own', () => {
    check(decodeBody(bufferSource(encodeBody(sample()))));
  });

  it('reads the same from a file, after a header, by offset', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'attain-body-'));
    const file = path.join(dir, 'body');
    const body = encodeBody(sample());
    fs.writeFileSync(file, Buffer.concat([Buffer.from('header\n'), body]));
    const fd = fs.openSync(file, 'r');
    try {
      check(decodeBody(fileSource(fd, 7, body.length)));
      expect(() => decodeBody(fileSource(fd, 7, body.length - 1))).toThrow(/truncated/);
    } finally {
      fs.closeSync(fd);
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });

  it('refuses a body whose layout does not add up', () => {
    const body = encodeBody(sample());
    expect(() => decodeBody(bufferSource(body.subarray(0, body.length - 1)))).toThrow(/truncated|layout/);
    expect(() => decodeBody(bufferSource(Buffer.alloc(8)))).toThrow(/too short/);
  });
});
