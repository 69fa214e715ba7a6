import SqliteDatabase from 'better-sqlite3';
import { CompiledQuery, Kysely, SqliteDialect } from 'kysely';
import { afterEach, describe, expect, it } from 'vitest';
import { eachRowOf, KEPT_STATEMENTS, keepingWriteStatements } from './sqlite-statements.ts';

describe('keepingWriteStatements', () => {
  let kysely: Kysely<unknown> | null = null;
  afterEach(async () => {
    await kysely?.destroy();
  });

  /** A Kysely over an in-memory database that counts how often each SQL text is compiled. */
  function open() {
    const sqlite = new SqliteDatabase(':memory:');
    const compiled = new Map<string, number>();
    const prepare = sqlite.prepare.bind(sqlite);
    sqlite.prepare = ((sql: string) => {
      compiled.set(sql, (compiled.get(sql) ?? 0) + 1);
      return prepare(sql);
    }) as typeof sqlite.prepare;
    kysely = new Kysely({ dialect: new SqliteDialect({ database: keepingWriteStatements(sqlite) }) });
    const run = (sql: string, parameters: unknown[] = []) =>
      (kysely as Kysely<unknown>).executeQuery(CompiledQuery.raw(sql, parameters));
    return { compiled, run };
  }

  it('compiles a writing statement once and a reading one every time', async () => {
    const { compiled, run } = open();
    await run('create table t (id integer primary key, v text)');
    const insert = 'insert into t (id, v) values (?, ?), (?, ?)';
    for (let i = 0; i < 3; i++) await run(insert, [2 * i, 'a', 2 * i + 1, 'b']);
    const select = 'select count(*) as n from t';
    for (let i = 0; i < 2; i++) expect((await run(select)).rows).toEqual([{ n: 6 }]);
    expect(compiled.get(insert)).toBe(1);
    expect(compiled.get(select)).toBe(2);
  });

  it('keeps the most recently used statements and compiles an evicted one again', async () => {
    const { compiled, run } = open();
    await run('create table t (id integer primary key)');
    const insert = (n: number) => `insert into t (id) values (${n})`;
    await run(insert(0));
    for (let n = 1; n <= KEPT_STATEMENTS; n++) await run(insert(n));
    await run('delete from t');
    // insert(0) was the least recently used when the 33rd arrived: it was dropped.
    await run(insert(0));
    await run(insert(KEPT_STATEMENTS));
    expect(compiled.get(insert(0))).toBe(2);
    expect(compiled.get(insert(KEPT_STATEMENTS))).toBe(1);
  });

  it('runs a marked statement once per row of its parameters, its changes summed', async () => {
    const { compiled, run } = open();
    await run('create table t (id integer primary key, v text)');
    const insert = `${eachRowOf(2)}insert into t (id, v) values (?, ?) on conflict (id) do nothing`;
    expect(Number((await run(insert, [1, 'a', 2, 'b', 3, 'c'])).numAffectedRows)).toBe(3);
    // Row 2 is stored already: only rows 4 and 5 change anything.
    expect(Number((await run(insert, [2, 'x', 4, 'd', 5, 'e'])).numAffectedRows)).toBe(2);
    const rows = (await run('select id, v from t order by id')).rows;
    expect(rows).toEqual([
      { id: 1, v: 'a' },
      { id: 2, v: 'b' },
      { id: 3, v: 'c' },
      { id: 4, v: 'd' },
      { id: 5, v: 'e' },
    ]);
    expect(compiled.get(insert)).toBe(1);
    await expect(run(insert, [6, 'f', 7])).rejects.toThrow('3 parameters are not rows of 2');
    expect((await run('select count(*) as n from t')).rows).toEqual([{ n: 5 }]);
  });
});
