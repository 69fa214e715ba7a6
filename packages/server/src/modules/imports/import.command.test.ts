import { execFile } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { testDialect } from '../../../test/db.ts';
import { useTempDir, writeCsv } from './fixtures/files.ts';

const BIN = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../bin/attain.js');

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

function attain(args: string[]): Promise<Run> {
  return new Promise((resolve) => {
    execFile(
      process.execPath,
      [BIN, ...args],
      { env: { ...process.env, DATABASE_URL: '' } },
      (error, stdout, stderr) => {
        resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr });
      },
    );
  });
}

// The command line is the same on both databases; it runs once, on a temp SQLite file (contract §7).
describe.runIf(testDialect === 'sqlite')('attain import (command line)', { timeout: 180_000 }, () => {
  // Each run starts node + tsx (seconds on a busy machine), hence the long timeout.
  const tmp = useTempDir();
  const db = () => path.join(tmp.dir, 'attain.db');

  it('imports a file (exit 0), then refuses a bad one naming file, row and column (exit 1), writing nothing', async () => {
    const units = writeCsv(
      tmp.dir,
      [
        ['单元编号', '名称', '上级编号'],
        ['HQ', '总部', ''],
        ['T1', '一组', 'HQ'],
      ],
      { name: 'units.csv' },
    );
    const ok = await attain(['--db', db(), 'import', 'units', units]);
    expect(ok).toMatchObject({ code: 0, stderr: '' });
    expect(ok.stdout).toBe(`${units}: 2 units rows — 2 inserted, 0 updated, 0 unchanged\n`);

    const people = writeCsv(
      tmp.dir,
      [
        ['id', 'name', 'unit_id', 'role', 'hire_date', 'nickname'],
        ['E1', '王芳', 'T1', 'manager', '2021-03-01', 'x'],
        ['E2', '李强', 'T9', 'rep', '2021-02-30', ''],
      ],
      { name: 'people.csv' },
    );
    const bad = await attain(['--db', db(), 'import', 'people', people]);
    expect(bad.code, bad.stderr).toBe(1);
    expect(bad.stderr.split('\n')).toEqual([
      'warning: column "nickname" is not a column of people: ignored',
      `${people}:row 3, column hire_date: is not a real calendar date (value "2021-02-30")`,
      `${people}:row 3, column unit_id: no unit has this id (value "T9")`,
      `${people}: 1 invalid row; nothing was written`,
      '',
    ]);
    const dry = await attain(['--db', db(), 'import', 'units', units, '--dry-run', '--json']);
    expect(dry.code, dry.stderr).toBe(0);
    expect(JSON.parse(dry.stdout)).toMatchObject({
      entity: 'units',
      dryRun: true,
      ok: true,
      unchanged: 2,
      errors: [],
    });
  });

  it('prints the failed report as JSON with --json and still exits 1', async () => {
    const file = writeCsv(
      tmp.dir,
      [
        ['id', 'name'],
        ['P1', 'x'],
      ],
      { name: 'products.csv' },
    );
    const run = await attain(['--db', db(), 'import', 'products', file, '--json']);
    expect(run.code, run.stderr).toBe(1);
    expect(JSON.parse(run.stdout).errors).toEqual([
      { row: 1, column: 'line', value: '', reason: 'the required column line (产品线) is missing' },
    ]);
    expect(run.stderr).toContain(`${file}:row 1, column line: the required column line (产品线) is missing`);
  });

  it('reads GB18030 with --encoding and exits 2 on usage errors', async () => {
    const file = writeCsv(
      tmp.dir,
      [
        ['产品编号', '产品名称', '产品线'],
        ['P1', '标准版', '软件'],
      ],
      { encoding: 'gbk', name: 'gbk.csv' },
    );
    const gbk = await attain(['--db', db(), 'import', 'products', file, '--encoding', 'gbk']);
    expect(gbk.code, gbk.stderr).toBe(0);
    const unknownEntity = await attain(['--db', db(), 'import', 'unicorns', file]);
    expect(unknownEntity.code, unknownEntity.stderr).toBe(2);
    expect(unknownEntity.stderr).toContain('unknown entity "unicorns"');
    const noFile = await attain(['--db', db(), 'import', 'products']);
    expect(noFile.code, noFile.stderr).toBe(2);
    const badEncoding = await attain(['--db', db(), 'import', 'products', file, '--encoding', 'klingon']);
    expect(badEncoding.code, badEncoding.stderr).toBe(2);
    const missing = await attain(['--db', db(), 'import', 'products', path.join(tmp.dir, 'nope.csv')]);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toContain('nope.csv');
  });
});
