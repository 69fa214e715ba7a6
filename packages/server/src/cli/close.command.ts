import type { CloseJson, CloseProgress, PersonChange } from '@attain/engine';
import type { Command } from 'commander';
import { z } from 'zod';
import { openDatabase } from '../db/database.ts';
import { AppError } from '../errors.ts';
import { loadOrgDirectory } from '../modules/access/org-directory.repository.ts';
import { todayOf } from '../modules/access/request-scope.ts';
import { SYSTEM_ACTOR } from '../modules/auth/actor.ts';
import {
  computeStoredPlanClose,
  type StoredCloseRun,
  storeCloseRun,
} from '../modules/closes/close-run.service.ts';
import { loadFactStore } from '../modules/tracking/fact-store.loader.ts';
import { latestRevision } from '../modules/tracking/revisions.repository.ts';
import { databaseOf } from './program.ts';
import { terminalProgressBar } from './progress-bar.ts';

const optionsSchema = z.object({
  period: z.string().min(1),
  asOf: z.iso.date().optional(),
  json: z.boolean().optional(),
  reason: z.string().trim().min(1).optional(),
});

/** A readable table of the close: one line per person. */
function closeTable(json: CloseJson): string {
  const header = ['id', 'unit', 'score', 'grade', 'rank', 'total_pay', 'pay', 'awards', 'promotion'];
  const rows = json.people.map((p) => [
    p.id,
    p.unit_id ?? '—',
    p.score === null ? '—' : p.score.toFixed(2),
    p.grade ?? '—',
    p.rank_in_unit === null ? '—' : String(p.rank_in_unit),
    p.total_pay,
    p.pay.map((x) => `${x.component} ${x.amount}`).join(', '),
    p.awards.join(', '),
    p.promotion_eligible ? 'yes' : '',
  ]);
  const all = [header, ...rows];
  const widths = header.map((_, i) => Math.max(...all.map((r) => (r[i] ?? '').length)));
  return `${all
    .map((r) =>
      r
        .map((c, i) => c.padEnd(widths[i] ?? 0))
        .join('  ')
        .trimEnd(),
    )
    .join('\n')}\n`;
}

/** The close's progress: people done of the steps' total, per phase. */
function progressBar(): { update(p: CloseProgress): void; stop(): void } {
  const bar = terminalProgressBar('{phase} |{bar}| {percentage}% | {value}/{total}');
  return {
    update: (p) => bar.update(p.done, p.total, { phase: p.phase.padEnd(8) }),
    stop: () => bar.stop(),
  };
}

function runSummary(stored: StoredCloseRun, diff: readonly PersonChange[]): string {
  const lines = [`stored as close run ${stored.run.id} (plan version ${stored.run.planVersion})`];
  if (stored.previousId === null) lines.push('first run of this period');
  else if (diff.length === 0) lines.push(`no changes against run ${stored.previousId}`);
  else {
    lines.push(`changes against run ${stored.previousId}:`);
    for (const change of diff) for (const line of change.lines) lines.push(`  ${line}`);
  }
  return `${lines.join('\n')}\n`;
}

/**
 * `attain close --period P [--as-of D] [--json] [--reason R]` (contract §7). The run is stored
 * (shared history with the API); a period frozen by an approved run is still computed and
 * printed, but stored only with --reason (a warning on stderr says so).
 */
export function registerClose(program: Command): void {
  program
    .command('close')
    .description(
      'scores, grades, ranks, commissions, pools, awards and promotion flags for a period (contract §6)',
    )
    .requiredOption(
      '--period <P>',
      'period: 2026, 2026-H1, 2026-Q3, 2026-07, 2026-W27, 2026-07-01..2026-08-15',
    )
    .option('--as-of <date>', 'as-of date A (default: today)')
    .option('--json', 'print the contract JSON')
    .option('--reason <text>', 'why a period with an approved run is closed again')
    .action(async (raw: Record<string, unknown>, command: Command) => {
      const parsed = optionsSchema.safeParse(raw);
      if (!parsed.success) {
        const issue = parsed.error.issues[0];
        throw new AppError(
          'validation_failed',
          `--${String(issue?.path[0] ?? '')}: ${issue?.message}`,
          'usage',
        );
      }
      const options = parsed.data;
      const db = await openDatabase(databaseOf(command));
      try {
        const dataRevision = await latestRevision(db.kysely);
        const dir = await loadOrgDirectory(db.kysely);
        const store = await loadFactStore(db.kysely, dir.chart);
        const bar = progressBar();
        const computed = await computeStoredPlanClose(
          { db: db.kysely, store, dir, dataRevision },
          { period: options.period, asOf: options.asOf ?? todayOf(new Date()) },
          { onProgress: (progress) => bar.update(progress) },
        )
          .catch((error: unknown) => {
            if (error instanceof AppError && error.field === 'period')
              throw new AppError('validation_failed', error.message, 'usage');
            throw error;
          })
          .finally(() => bar.stop());
        const { json } = computed.result;
        // Print first: the contract's output must not depend on storing the run succeeding.
        if (options.json) process.stdout.write(`${JSON.stringify(json)}\n`);
        else {
          process.stdout.write(`${json.period} (${json.start} – ${json.end}), as of ${json.as_of}\n`);
          process.stdout.write(closeTable(json));
        }
        try {
          const stored = await storeCloseRun(db.kysely, SYSTEM_ACTOR, computed, options.reason ?? null);
          if (!options.json) process.stdout.write(runSummary(stored, stored.diff));
        } catch (error) {
          if (error instanceof AppError && error.code === 'conflict')
            process.stderr.write(`warning: ${error.message}; this run was not stored (pass --reason)\n`);
          else {
            const why = error instanceof Error ? error.message : String(error);
            process.stderr.write(`warning: the run could not be stored: ${why}\n`);
          }
        }
      } finally {
        await db.close();
      }
    });
}
