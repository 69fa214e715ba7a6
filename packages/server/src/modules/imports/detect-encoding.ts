/**
 * CSV encoding (contract §1): UTF-8 with or without BOM, else GB18030/GBK — what Excel on
 * Chinese Windows writes. A strict UTF-8 decode of the file's start decides: GB18030 text is
 * almost never valid UTF-8, while UTF-8 always is.
 */
import fs from 'node:fs/promises';
import iconv from 'iconv-lite';
import { AppError } from '../../errors.ts';

export type DetectedEncoding = 'utf-8' | 'gb18030' | 'utf-16le' | 'utf-16be';

/** Bytes of the file's start that the detection reads; a longer pure-ASCII start reads as UTF-8. */
export const DETECTION_SAMPLE_BYTES = 4 * 1024 * 1024;

const startsWith = (sample: Uint8Array, bytes: number[]) => bytes.every((b, i) => sample[i] === b);

/**
 * Encoding of a sample of the file's start. `complete` says the sample is the whole file, so
 * a multi-byte character cut at its end is an error rather than the sample's edge.
 * @example encodingOfSample(Buffer.from('日期', 'utf8'), true) // 'utf-8'
 */
export function encodingOfSample(sample: Uint8Array, complete: boolean): DetectedEncoding {
  if (startsWith(sample, [0xef, 0xbb, 0xbf])) return 'utf-8';
  if (startsWith(sample, [0xff, 0xfe])) return 'utf-16le';
  if (startsWith(sample, [0xfe, 0xff])) return 'utf-16be';
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(sample, { stream: !complete });
    return 'utf-8';
  } catch {
    return 'gb18030';
  }
}

/** Detects the encoding of a CSV file from its first {@link DETECTION_SAMPLE_BYTES} bytes. */
export async function detectFileEncoding(filePath: string): Promise<DetectedEncoding> {
  const handle = await fs.open(filePath, 'r');
  try {
    const buffer = Buffer.alloc(DETECTION_SAMPLE_BYTES);
    const { bytesRead } = await handle.read(buffer, 0, buffer.length, 0);
    return encodingOfSample(buffer.subarray(0, bytesRead), bytesRead < buffer.length);
  } finally {
    await handle.close();
  }
}

/** Checks a user-given encoding name (`--encoding`), e.g. `gbk`, `utf8`, `gb18030`. */
export function checkEncodingName(name: string): string {
  const trimmed = name.trim();
  if (!iconv.encodingExists(trimmed)) {
    throw new AppError('validation_failed', `unknown encoding "${name}" (try utf-8 or gb18030)`, 'usage');
  }
  return trimmed.toLowerCase();
}
