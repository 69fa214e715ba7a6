import fs from 'node:fs';
import path from 'node:path';
import { expect, it } from 'vitest';
import { describeDb } from '../../../test/db.ts';
import { runAttain, useSmallCompanyCli } from '../../../test/run-attain.ts';
import { TEST_PLAN_YAML } from '../closes/closes.test-support.ts';

// `attain plan preview FILE`: the service behind POST /plans/preview, from the command line.
describeDb('attain plan preview', { timeout: 120_000 }, () => {
  const cli = useSmallCompanyCli('attain-preview-');
  const write = (name: string, text: string) => {
    const file = path.join(cli.dir, name);
    fs.writeFileSync(file, text);
    return file;
  };

  it('says what to do before any close, names every error path, and previews a draft against the run', async () => {
    const plan = write('plan.yaml', TEST_PLAN_YAML);
    const early = await runAttain([...cli.args, 'plan', 'preview', plan]);
    expect(early.code).toBe(1);
    expect(early.stderr).toMatch(/no close has been run yet/);

    expect((await runAttain([...cli.args, 'plan', 'apply', plan])).code).toBe(0);
    const closed = await runAttain([...cli.args, 'close', '--period', '2026', '--as-of', '2026-12-31']);
    expect(closed.code, closed.stderr).toBe(0);

    const bad = write('bad.yaml', TEST_PLAN_YAML.replace('weight: 1, scoring', 'weight: 0, scoring'));
    const refused = await runAttain([...cli.args, 'plan', 'preview', bad]);
    expect(refused.code).toBe(1);
    expect(refused.stderr).toContain(`${bad}: scorecards[0].groups[0].items[0].weight: `);
    expect(refused.stderr).toMatch(/; no preview\n$/);

    const same = await runAttain([...cli.args, 'plan', 'preview', plan, '--json']);
    expect(same.code, same.stderr).toBe(0);
    expect(JSON.parse(same.stdout)).toMatchObject({ period: '2026', asOf: '2026-12-31', diff: [] });
    expect(JSON.parse(same.stdout).totals.change).toBe('0.00');

    // Doubling the top tier's rate raises the pay of everyone above ¥4,000 of revenue.
    const richer = write('richer.yaml', TEST_PLAN_YAML.replace('{ rate: 0.02 }', '{ rate: 0.04 }'));
    const preview = await runAttain([...cli.args, 'plan', 'preview', richer]);
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
