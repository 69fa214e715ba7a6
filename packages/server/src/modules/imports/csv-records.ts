/**
 * An RFC 4180 record splitter over decoded text that arrives in chunks: comma separated, cells
 * in double quotes may hold commas, line breaks and doubled quotes (`"a, ""b"""`). A record
 * ends at CRLF, LF or CR outside quotes; a blank line is a record of one empty cell; records
 * may have any number of cells. A quote inside an unquoted cell, text after a closing quote and
 * a quote still open at the end are errors, as in csv-parse (which this replaces on the import
 * path: it was a quarter of the import's time; see csv-records.test.ts for the comparison).
 */

const COMMA = 44;
const QUOTE = 34;
const LF = 10;
const CR = 13;

/** Where the splitter is: at the start of a cell, in an unquoted or a quoted cell, or just after
 * a quote inside a quoted cell (a doubled quote or the closing one). */
const CELL_START = 0;
const UNQUOTED = 1;
const QUOTED = 2;
const QUOTE_IN_QUOTED = 3;

export class CsvSyntaxError extends Error {}

export class CsvRecordSplitter {
  private state = CELL_START;
  /** The current cell's text from earlier chunks (and a quoted cell's text before each quote). */
  private carry = '';
  private cells: string[] = [];
  /** A CR ended the last record: an LF right after it belongs to the same line end. */
  private afterCr = false;
  private started = false;
  /** Records completed so far, for error messages (the header is record 1). */
  private records = 0;

  /** Splits a chunk, appending the records it completes to `out`. */
  push(chunk: string, out: string[][]): void {
    let text = chunk;
    if (!this.started && text.length > 0) {
      this.started = true;
      if (text.charCodeAt(0) === 0xfeff) text = text.slice(1);
    }
    const n = text.length;
    let start = 0;
    let state = this.state;
    let i = 0;
    if (this.afterCr && n > 0) {
      this.afterCr = false;
      if (text.charCodeAt(0) === LF) i = start = 1;
    }
    for (; i < n; i++) {
      const c = text.charCodeAt(i);
      if (state === CELL_START) {
        if (c === QUOTE) {
          state = QUOTED;
          start = i + 1;
          continue;
        }
        // Any other character is the first of an unquoted cell (a comma or line end: an empty one).
        start = i;
        state = UNQUOTED;
      }
      switch (state) {
        case UNQUOTED:
          if (c === COMMA) {
            this.cells.push(this.take(text, start, i));
            state = CELL_START;
          } else if (c === LF || c === CR) {
            this.cells.push(this.take(text, start, i));
            this.endRecord(out);
            i = this.lineEnd(text, i, c);
            start = i + 1;
            state = CELL_START;
          } else if (c === QUOTE) {
            throw new CsvSyntaxError(
              `Invalid Opening Quote: a quote inside an unquoted cell, in record ${this.records + 1}`,
            );
          }
          break;
        case QUOTED:
          if (c === QUOTE) {
            this.carry += text.slice(start, i);
            state = QUOTE_IN_QUOTED;
          }
          break;
        case QUOTE_IN_QUOTED:
          if (c === QUOTE) {
            this.carry += '"';
            start = i + 1;
            state = QUOTED;
          } else if (c === COMMA) {
            this.cells.push(this.takeCarry());
            state = CELL_START;
          } else if (c === LF || c === CR) {
            this.cells.push(this.takeCarry());
            this.endRecord(out);
            i = this.lineEnd(text, i, c);
            start = i + 1;
            state = CELL_START;
          } else {
            throw new CsvSyntaxError(
              `Invalid Closing Quote: text after a closing quote, in record ${this.records + 1}`,
            );
          }
          break;
      }
    }
    if (state === UNQUOTED || state === QUOTED) this.carry += text.slice(start);
    this.state = state;
  }

  /** The end of the text: completes the last record (a final line end is optional). */
  end(out: string[][]): void {
    switch (this.state) {
      case QUOTED:
        throw new CsvSyntaxError(
          `Quote Not Closed: the text ends inside a quoted cell, in record ${this.records + 1}`,
        );
      case UNQUOTED:
      case QUOTE_IN_QUOTED:
        this.cells.push(this.takeCarry());
        this.endRecord(out);
        break;
      case CELL_START:
        // After a comma the last cell is empty; right after a line end there is no record.
        if (this.cells.length > 0) {
          this.cells.push('');
          this.endRecord(out);
        }
        break;
    }
    this.state = CELL_START;
  }

  /** The index of the last character of the line end at `i`: CRLF is one line end, even
   * split across chunks. */
  private lineEnd(text: string, i: number, c: number): number {
    if (c !== CR) return i;
    if (i + 1 < text.length) return text.charCodeAt(i + 1) === LF ? i + 1 : i;
    this.afterCr = true;
    return i;
  }

  private take(text: string, start: number, end: number): string {
    if (this.carry === '') return text.slice(start, end);
    const cell = this.carry + text.slice(start, end);
    this.carry = '';
    return cell;
  }

  private takeCarry(): string {
    const cell = this.carry;
    this.carry = '';
    return cell;
  }

  private endRecord(out: string[][]): void {
    out.push(this.cells);
    this.cells = [];
    this.records += 1;
  }
}

/**
 * Every record of a whole text.
 * @example splitCsv('id,name\r\nP1,"a, b"\r\n') // [['id', 'name'], ['P1', 'a, b']]
 */
export function splitCsv(text: string): string[][] {
  const splitter = new CsvRecordSplitter();
  const out: string[][] = [];
  splitter.push(text, out);
  splitter.end(out);
  return out;
}
