import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { testDialect } from '../../../test/db.ts';
import { main } from '../../cli/main.ts';
import { openDatabase } from '../../db/database.ts';

// The command is the same on both dialects (the database test of demo.service covers
// PostgreSQL); here it runs end to end on a SQLite file, once per suite run.
const describeCli = testDialect === 'sqlite' ? describe : describe.skip;

describeCli('attain demo --no-serve', () => {
  let dir = '';
  beforeAll(() => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'attain-demo-'));
  });
  afterAll(() => fs.rmSync(dir, { recursive: true, force: true }));

  const run = async (...args: string[]) => {
    const out: string[] = [];
    const stdout = vi
      .spyOn(process.stdout, 'write')
      .mockImplementation((chunk) => out.push(String(chunk)) > 0);
    const stderr = vi
      .spyOn(process.stderr, 'write')
      .mockImplementation((chunk) => out.push(String(chunk)) > 0);
    try {
      const code = await main([
        'node',
        'attain',
        '--db',
        path.join(dir, 'demo.db'),
        'demo',
        '--no-serve',
        ...args,
      ]);
      return { code, text: out.join('') };
    } finally {
      stdout.mockRestore();
      stderr.mockRestore();
    }
  };
  const count = async (table: 'units' | 'orders' | 'users') => {
    const db = await openDatabase({ dialect: 'sqlite', path: path.join(dir, 'demo.db') });
    try {
      const row = await db.kysely
        .selectFrom(table)
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow();
      return Number(row.n);
    } finally {
      await db.close();
    }
  };

  it('loads a demo, creates the logins and lists them', async () => {
    const { code, text } = await run('--seed', '4', '--today', '2026-11-23', '--reps', '6', '--months', '2');
    expect(code).toBe(0);
    expect(text).toContain('orders');
    expect(text).toMatch(/admin\s+admin\s+HQ/);
    expect(text).toMatch(/S0001\s+rep\s+T-EAST-1/);
    expect(text).toContain('attain-demo');
    expect(await count('units')).toBe(19);
    expect(await count('users')).toBe(4 + 4 + 12 + 6);
  });

  it('keeps the data of a database that already holds a company', async () => {
    const orders = await count('orders');
    const { code, text } = await run('--seed', '9', '--today', '2026-11-23', '--reps', '6', '--months', '2');
    expect(code).toBe(0);
    expect(text).toContain('already holds a company');
    expect(await count('orders')).toBe(orders);
  });

  it('rejects a seed that is not a number, or a day that does not exist, as usage errors', async () => {
    expect((await run('--seed', 'abc')).code).toBe(2);
    expect((await run('--today', '2026-02-30')).code).toBe(2);
  });
});
