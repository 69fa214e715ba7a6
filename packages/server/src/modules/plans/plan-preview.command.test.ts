import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestDatabaseArgs, describeDb } from '../../../test/db.ts';
import { insertSmallCompany } from '../../../test/fixtures/small-company.ts';
import { runAttain } from '../../../test/run-attain.ts';
import { openDatabase } from '../../db/database.ts';
import { TEST_PLAN_YAML } from '../closes/closes.test-support.ts';

// `attain plan preview FILE`: the service behind POST /plans/preview, from the command line.
describeDb('attain plan preview', { timeout: 120_000 }, () => {
  let dir: string;
  let database: Awaited<ReturnType<typeof createTestDatabaseArgs>>;
  const write = (name: string, text: string) => {
    const file = path.join(dir, name);
    fs.writeFileSync(file, text);
    return file;
  };

  beforeAll(async () => {
    dir = fs.mkdtempSync(path.join(os.tmpdir(), 'attain-preview-'));
    database = await createTestDatabaseArgs();
    const opened = await openDatabase(database.config);
    await insertSmallCompany(opened.kysely);
    await opened.close();
  });
  afterAll(async () => {
    fs.rmSync(dir, { recursive: true, force: true });
    await new Promise((resolve) => setTimeout(resolve, 500));
    await database.drop();
  });

  it('says what to do before any close, names every error path, and previews a draft against the run', async () => {
    const plan = write('plan.yaml', TEST_PLAN_YAML);
    const early = await runAttain([...database.args, 'plan', 'preview', plan]);
    expect(early.code).toBe(1);
    expect(early.stderr).toMatch(/no close has been run yet/);

    expect((await runAttain([...database.args, 'plan', 'apply', plan])).code).toBe(0);
    const closed = await runAttain([...database.args, 'close', '--period', '2026', '--as-of', '2026-12-31']);
    expect(closed.code, closed.stderr).toBe(0);

    const bad = write('bad.yaml', TEST_PLAN_YAML.replace('weight: 1, scoring', 'weight: 0, scoring'));
    const refused = await runAttain([...database.args, 'plan', 'preview', bad]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain(`${bad}: scorecards[0].groups[0].items[0].weight: `);
    expect(refused.stderr).toMatch(/; no preview\n$/);

    const same = await runAttain([...database.args, 'plan', 'preview', plan, '--json']);
    expect(same.code, same.stderr).toBe(0);
    expect(JSON.parse(same.stdout)).toMatchObject({ period: '2026', asOf: '2026-12-31', diff: [] });
    expect(JSON.parse(same.stdout).totals.change).toBe('0.00');

    // Doubling the top tier's rate raises the pay of everyone above ¥4,000 of revenue.
    const richer = write('richer.yaml', TEST_PLAN_YAML.replace('{ rate: 0.02 }', '{ rate: 0.04 }'));
    const preview = await runAttain([...database.args, 'plan', 'preview', richer]);
    expect(preview.code, preview.stderr).toBe(0);
    const lines = preview.stdout.trim().split('\n');
    expect(lines[0]).toMatch(
      new RegExp(`^${richer}: the close of 2026 as of 2026-12-31 under this plan, against close run \\d+`),
    );
    expect(lines[1]).toMatch(/^total pay [\d.]+ \(was [\d.]+, change [1-9][\d.]*\)$/);
    expect(lines.slice(2).some((line) => /→/.test(line))).toBe(true);
    expect(preview.stdout).toMatch(/plan: .*rate/);
  });
});
