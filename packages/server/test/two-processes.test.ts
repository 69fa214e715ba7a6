import { execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { openDatabase } from '../src/db/database.ts';
import { SYSTEM_ACTOR } from '../src/modules/auth/actor.ts';
import type { EntityName } from '../src/modules/entities/entities.ts';
import { importRecords } from '../src/modules/imports/import.service.ts';
import { createTestDatabaseArgs, describeDb } from './db.ts';
import { ATTAIN_BIN, type ServerProcess, startServer, waitFor } from './processes.ts';

const run = promisify(execFile);
const HEADERS = { 'content-type': 'application/json', 'x-attain-request': '1' };

// Tracking issue, item 2: two server processes on one database each stay current. An import
// made by a third process (the CLI) must show in both processes' reports without a restart.
describeDb('several server processes on one database', () => {
  let database: Awaited<ReturnType<typeof createTestDatabaseArgs>>;
  let servers: ServerProcess[] = [];
  const files = fs.mkdtempSync(path.join(os.tmpdir(), 'attain-two-'));
  const write = (name: string, text: string) => {
    const file = path.join(files, name);
    fs.writeFileSync(file, text);
    return file;
  };
  const attain = (...args: string[]) => run(process.execPath, [ATTAIN_BIN, ...database.args, ...args]);

  beforeAll(async () => {
    database = await createTestDatabaseArgs();
    const db = await openDatabase(database.config);
    const load = (entity: EntityName, rows: Record<string, unknown>[]) =>
      importRecords(db, () => rows, { entity, actor: SYSTEM_ACTOR, source: 'test' });
    await load('units', [{ id: 'HQ', name: '总部', kind: 'company' }]);
    await load('people', [{ id: 'p1', name: '张三', unit_id: 'HQ', role: 'rep', hire_date: '2024-01-01' }]);
    await load('products', [{ id: 'X', name: '产品', line: 'A' }]);
    await load('customers', [{ id: 'c1', name: '客户' }]);
    await db.close();
    servers = await Promise.all([startServer(database.args), startServer(database.args)]);
  }, 60_000);

  afterAll(async () => {
    await Promise.all(servers.map((s) => s.stop()));
    await database?.drop();
    fs.rmSync(files, { recursive: true, force: true });
  });

  it('shows an import in every process', async () => {
    const [a, b] = servers as [ServerProcess, ServerProcess];
    const setup = await fetch(`${a.url}/api/v1/setup`, {
      method: 'POST',
      headers: HEADERS,
      body: JSON.stringify({ login: 'admin', password: 'admin-pass-1', displayName: 'Admin' }),
    });
    expect(setup.status).toBe(200);
    const cookie = String(setup.headers.get('set-cookie')).split(';')[0] as string;
    const revenue = async (server: ServerProcess) => {
      const response = await fetch(
        `${server.url}/api/v1/reports/metrics?period=2026&metrics=revenue&by=unit&asOf=2026-12-31`,
        {
          headers: { cookie },
        },
      );
      const body = (await response.json()) as { rows: { metrics: { revenue: string } }[] };
      return body.rows[0]?.metrics.revenue;
    };
    expect(await revenue(a)).toBe('0.00');
    expect(await revenue(b)).toBe('0.00');

    const orders =
      'id,date,rep_id,customer_id,product_id,amount\no1,2026-03-01,p1,c1,X,1234.50\no2,2026-04-01,p1,c1,X,100\n';
    await attain('import', 'orders', write('orders.csv', orders));
    for (const server of [a, b]) {
      await waitFor(
        async () => ((await revenue(server)) === '1334.50' ? true : undefined),
        10_000,
        `revenue at ${server.url}`,
      );
    }
  }, 60_000);
});
