import { execFile } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { expect, it } from 'vitest';
import { describeDb, testDialect } from '../../../test/db.ts';
import { ATTAIN_BIN } from '../../../test/processes.ts';
import { runAttain, useSmallCompanyCli } from '../../../test/run-attain.ts';
import { openDatabase } from '../../db/database.ts';
import { loadOrgDirectory } from '../access/org-directory.repository.ts';
import { SYSTEM_ACTOR } from '../auth/actor.ts';
import { approveClose } from './approvals.service.ts';
import { listCloseRuns } from './closes.repository.ts';
import { BAD_PLAN_YAML, EXPECTED_2026, TEST_PLAN_YAML } from './closes.test-support.ts';

interface Run {
  code: number;
  stdout: string;
  stderr: string;
}

/** The real `attain` binary in a child process (slow on a busy machine: used once). */
function spawnAttain(args: string[]): Promise<Run> {
  return new Promise((resolve) => {
    const env = { ...process.env, DATABASE_URL: '' };
    execFile(process.execPath, [ATTAIN_BIN, ...args], { env }, (error, stdout, stderr) =>
      resolve({ code: error ? Number(error.code ?? 1) : 0, stdout, stderr }),
    );
  });
}

describeDb('attain plan apply / attain close (command line)', { timeout: 120_000 }, () => {
  const cli = useSmallCompanyCli('attain-close-');
  const close2026 = ['close', '--period', '2026', '--as-of', '2026-12-31'];

  it('refuses to close before a plan (exit 1) and lists every plan error as FILE: path: message', async () => {
    const noPlan = await runAttain([...cli.args, ...close2026, '--json']);
    expect(noPlan).toMatchObject({ code: 1, stdout: '' });
    expect(noPlan.stderr).toMatch(/no plan has been applied yet/);

    const bad = path.join(cli.dir, 'bad.yaml');
    fs.writeFileSync(bad, BAD_PLAN_YAML);
    const refused = await runAttain([...cli.args, 'plan', 'apply', bad]);
    expect(refused.code).toBe(1);
    const lines = refused.stderr.trim().split('\n');
    const at = (p: string) => expect.stringMatching(new RegExp(`^${bad}: ${p.replace(/[[\].]/g, '\\$&')}: `));
    expect(lines).toEqual(
      expect.arrayContaining([
        at('scorecards[0].groups[0].weight'),
        at('scorecards[0].groups[0].items[0].weight'),
      ]),
    );
    expect(lines.at(-1)).toBe(`attain: ${bad}: the plan has ${lines.length - 1} errors; nothing was stored`);
  });

  it('applies a plan (a new version with its diff) and closes the period to the contract', async () => {
    const file = path.join(cli.dir, 'plan.yaml');
    fs.writeFileSync(file, TEST_PLAN_YAML);
    const applied = await runAttain([...cli.args, 'plan', 'apply', file]);
    expect(applied).toEqual({
      code: 0,
      stdout: `${file}: stored as plan version 1\n(first version)\n`,
      stderr: '',
    });
    fs.writeFileSync(file, TEST_PLAN_YAML.replace('rate: 0.1,', 'rate: 0.1, min_score: 80,'));
    const second = await runAttain([...cli.args, 'plan', 'apply', file]);
    expect(second.stdout).toMatch(
      new RegExp(`^${file}: stored as plan version 2\nchanges against version 1:\n  .*min_score`),
    );

    const closed = await runAttain([...cli.args, ...close2026, '--json']);
    expect(closed.code, closed.stderr).toBe(0);
    // min_score 80 leaves r1 (70) out of the EAST pool: the remainder stays unallocated.
    const r1 = {
      ...EXPECTED_2026.people[0],
      pay: [EXPECTED_2026.people[0]?.pay[0], { component: 'pool', amount: '0.00' }],
      total_pay: '35.00',
    };
    expect(JSON.parse(closed.stdout)).toEqual({
      ...EXPECTED_2026,
      people: [r1, ...EXPECTED_2026.people.slice(1)],
    });

    const table = await runAttain([...cli.args, ...close2026]);
    expect(table.code, table.stderr).toBe(0);
    expect(table.stdout).toMatch(
      /^r3 +T3 +130\.00 +A +1 +415\.00 +commission 90\.00, pool 325\.00 +champion$/m,
    );
    expect(table.stdout).toMatch(/stored as close run 2 \(plan version 2\)\nno changes against run 1\n$/);
    expect((await runAttain([...cli.args, 'close', '--period', '2026-13'])).code).toBe(2);
  });

  it('a period frozen by an approved run is still printed, but stored only with --reason', async () => {
    const db = await openDatabase(cli.config);
    try {
      const [latest] = await listCloseRuns(db.kysely, '2026');
      const dir = await loadOrgDirectory(db.kysely);
      await approveClose(db.kysely, dir, SYSTEM_ACTOR, latest?.id ?? 0, '2027-01-05', null);
      expect(
        (await approveClose(db.kysely, dir, SYSTEM_ACTOR, latest?.id ?? 0, '2027-01-05', null)).state,
      ).toBe('finance_approved');
      const frozen = await runAttain([...cli.args, ...close2026, '--json']);
      expect(frozen.code).toBe(0);
      expect(JSON.parse(frozen.stdout).period).toBe('2026');
      expect(frozen.stderr).toMatch(
        /^warning: period 2026 is frozen by approved run \d+ .*not stored \(pass --reason\)\n$/,
      );
      expect((await listCloseRuns(db.kysely, '2026'))[0]?.id).toBe(latest?.id);
      const again = await runAttain([...cli.args, ...close2026, '--reason', 'late return']);
      expect(again.stdout).toMatch(/stored as close run \d+/);
      expect((await listCloseRuns(db.kysely, '2026'))[0]).toMatchObject({
        reason: 'late return',
        state: 'draft',
      });
    } finally {
      await db.close();
    }
  });

  it('on a terminal, shows its progress on stderr; stdout stays exactly the JSON', async () => {
    const args = [...cli.args, 'close', '--period', '2026-Q3', '--as-of', '2026-12-31', '--json'];
    const piped = await runAttain(args);
    expect(piped.stderr).toBe('');
    const tty = Object.getOwnPropertyDescriptor(process.stderr, 'isTTY');
    Object.defineProperty(process.stderr, 'isTTY', { value: true, configurable: true });
    try {
      const shown = await runAttain(args);
      expect(shown.code, shown.stderr).toBe(0);
      expect(JSON.parse(shown.stdout)).toEqual(JSON.parse(piped.stdout));
      // cli-progress draws the bar; its last frame is the finished close
      expect(shown.stderr).toMatch(/pay +\|[█░]+\| 100% \| (\d+)\/\1/);
    } finally {
      if (tty) Object.defineProperty(process.stderr, 'isTTY', tty);
      else delete (process.stderr as { isTTY?: boolean }).isTTY;
    }
  });

  it.runIf(testDialect === 'sqlite')('the installed binary prints `close --json` exactly', async () => {
    fs.writeFileSync(path.join(cli.dir, 'plan.yaml'), TEST_PLAN_YAML);
    expect((await runAttain([...cli.args, 'plan', 'apply', path.join(cli.dir, 'plan.yaml')])).code).toBe(0);
    const closed = await spawnAttain([...cli.args, ...close2026, '--json']);
    expect(closed.code, closed.stderr).toBe(0);
    expect(JSON.parse(closed.stdout)).toEqual(EXPECTED_2026);
    expect(closed.stdout.endsWith('}\n')).toBe(true);
  });
});
