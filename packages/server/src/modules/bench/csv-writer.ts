import fs from 'node:fs';
import path from 'node:path';

/** Buffered CSV file writer: rows are joined into ~1 MB chunks and written with backpressure. */
export class CsvWriter {
  private readonly stream: fs.WriteStream;
  private buffer: string[] = [];
  private size = 0;
  rows = 0;

  constructor(dir: string, entity: string, header: readonly string[]) {
    this.stream = fs.createWriteStream(path.join(dir, `${entity}.csv`));
    this.buffer.push(`${header.join(',')}\n`);
  }

  /** Values must not contain commas, quotes or newlines (the generators never produce them). */
  async write(values: readonly (string | number)[]): Promise<void> {
    const line = `${values.join(',')}\n`;
    this.buffer.push(line);
    this.size += line.length;
    this.rows++;
    if (this.size >= 1 << 20) await this.flush();
  }

  private async flush(): Promise<void> {
    const chunk = this.buffer.join('');
    this.buffer = [];
    this.size = 0;
    if (!this.stream.write(chunk))
      await new Promise<void>((resolve) => this.stream.once('drain', () => resolve()));
  }

  async close(): Promise<void> {
    await this.flush();
    await new Promise<void>((resolve, reject) =>
      this.stream.end((error?: Error | null) => (error ? reject(error) : resolve())),
    );
  }
}
