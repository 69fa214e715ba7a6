/**
 * Multipart uploads of an import (HTTP): the `file` part is streamed to a temp file — never
 * buffered in memory, uploads may be large — and the text fields are collected whether they
 * come before or after the file.
 */
import fs from 'node:fs';
import fsp from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import type { FastifyRequest } from 'fastify';
import { AppError } from '../../errors.ts';

export interface Upload {
  readonly filePath: string;
  /** The file name the browser sent (for reports). */
  readonly fileName: string;
  readonly fields: Readonly<Record<string, string>>;
  /** Removes the temp folder. */
  remove(): Promise<void>;
}

/** Keeps only a safe extension of the client's name: format detection may use it. */
const safeExtension = (name: string) =>
  /^\.[a-z0-9]{1,5}$/i.test(path.extname(name)) ? path.extname(name).toLowerCase() : '';

export async function receiveUpload(request: FastifyRequest): Promise<Upload> {
  const dir = await fsp.mkdtemp(path.join(os.tmpdir(), 'attain-upload-'));
  const remove = () => fsp.rm(dir, { recursive: true, force: true });
  const fields: Record<string, string> = {};
  let file: { filePath: string; fileName: string } | null = null;
  try {
    for await (const part of request.parts()) {
      if (part.type === 'field') {
        fields[part.fieldname] = String(part.value);
        continue;
      }
      if (part.fieldname !== 'file' || file) {
        part.file.resume();
        continue;
      }
      const filePath = path.join(dir, `upload${safeExtension(part.filename)}`);
      await pipeline(part.file, fs.createWriteStream(filePath));
      if (part.file.truncated)
        throw new AppError('validation_failed', 'the file is larger than the upload limit', 'file');
      file = { filePath, fileName: part.filename || path.basename(filePath) };
    }
    if (!file)
      throw new AppError('validation_failed', 'send the table in a multipart field named "file"', 'file');
  } catch (error) {
    await remove();
    throw error;
  }
  return { ...file, fields, remove };
}
