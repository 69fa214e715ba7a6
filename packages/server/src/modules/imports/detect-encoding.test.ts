import fs from 'node:fs';
import path from 'node:path';
import iconv from 'iconv-lite';
import { describe, expect, it } from 'vitest';
import { checkEncodingName, detectFileEncoding, encodingOfSample } from './detect-encoding.ts';
import { useTempDir } from './fixtures/files.ts';

describe('CSV encoding detection (contract §1)', () => {
  const tmp = useTempDir();
  const text = '订单编号,日期,销售员,金额\r\nO1,2026-01-05,张三,1234.50\r\n';

  it('tells UTF-8 (with or without BOM) from GB18030', () => {
    expect(encodingOfSample(Buffer.from(text, 'utf8'), true)).toBe('utf-8');
    expect(encodingOfSample(Buffer.concat([Buffer.from([0xef, 0xbb, 0xbf]), Buffer.from(text)]), true)).toBe(
      'utf-8',
    );
    expect(encodingOfSample(iconv.encode(text, 'gb18030'), true)).toBe('gb18030');
    expect(encodingOfSample(iconv.encode(text, 'gbk'), true)).toBe('gb18030');
    expect(encodingOfSample(Buffer.from('id,name\n'), true)).toBe('utf-8');
    expect(encodingOfSample(Buffer.from([0xff, 0xfe, 0x41, 0x00]), true)).toBe('utf-16le');
  });

  it('does not mistake a UTF-8 character cut at the end of the sample for GB18030', () => {
    const bytes = Buffer.from('金额', 'utf8');
    expect(encodingOfSample(bytes.subarray(0, 4), false)).toBe('utf-8');
    expect(encodingOfSample(bytes.subarray(0, 4), true)).toBe('gb18030');
  });

  it('detects the encoding of a file', async () => {
    const file = path.join(tmp.dir, 'gb.csv');
    fs.writeFileSync(file, iconv.encode(text, 'gb18030'));
    expect(await detectFileEncoding(file)).toBe('gb18030');
  });

  it('finds GB18030 text that starts far into the file', async () => {
    const file = path.join(tmp.dir, 'late.csv');
    const ascii = 'id,name,line\r\n'.concat('P1,abc,A\r\n'.repeat(300_000));
    fs.writeFileSync(
      file,
      Buffer.concat([Buffer.from(ascii), iconv.encode('P2,标准版,软件\r\n', 'gb18030')]),
    );
    expect(await detectFileEncoding(file)).toBe('gb18030');
    fs.writeFileSync(file, ascii);
    expect(await detectFileEncoding(file)).toBe('utf-8');
  });

  it('accepts known encoding names and refuses others as a usage error', () => {
    expect(checkEncodingName(' GBK ')).toBe('gbk');
    expect(() => checkEncodingName('klingon')).toThrow(/unknown encoding "klingon"/);
  });
});
