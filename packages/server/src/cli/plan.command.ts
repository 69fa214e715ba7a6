import fs from 'node:fs';
import type { Command } from 'commander';
import { openDatabase } from '../db/database.ts';
import { AppError } from '../errors.ts';
import { loadOrgDirectory } from '../modules/access/org-directory.repository.ts';
import { SYSTEM_ACTOR } from '../modules/auth/actor.ts';
import { type PlanPreview, previewPlan } from '../modules/plans/plans.preview.service.ts';
import { applyPlan } from '../modules/plans/plans.service.ts';
import { loadFactStore } from '../modules/tracking/fact-store.loader.ts';
import { latestRevision } from '../modules/tracking/revisions.repository.ts';
import { databaseOf } from './program.ts';

function readPlanFile(file: string): string {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch {
    throw new AppError('validation_failed', `${file}: cannot read the file`);
  }
}

/** Contract §7: exit 1 with a message naming the file; every error of the plan, one per line. */
function reportPlanErrors(file: string, error: unknown, outcome: string): never {
  if (error instanceof AppError && Array.isArray(error.details)) {
    for (const e of error.details as { path: string; message: string }[])
      process.stderr.write(`${file}: ${e.path ? `${e.path}: ` : ''}${e.message}\n`);
    throw new AppError('validation_failed', `${file}: ${error.message}; ${outcome}`);
  }
  throw error;
}

/** The preview as a person reads it: the totals, then everyone whose pay changes. */
function previewText(file: string, preview: PlanPreview): string {
  const out = [
    `${file}: the close of ${preview.period} as of ${preview.asOf} under this plan, against close run ${preview.basedOnRun.id} (plan version ${preview.basedOnRun.planVersion})`,
    `total pay ${preview.totals.totalPay} (was ${preview.totals.before}, change ${preview.totals.change})`,
  ];
  const changed = preview.people.filter((p) => p.change !== '0.00');
  if (changed.length === 0) out.push("nobody's pay changes");
  for (const p of changed)
    out.push(
      `  ${p.id}${p.name ? ` ${p.name}` : ''}: ${p.before?.totalPay ?? '—'} → ${p.totalPay ?? '—'} (${p.change})`,
    );
  for (const change of preview.changes) out.push(`  plan: ${change.line}`);
  return `${out.join('\n')}\n`;
}

/** `attain plan apply FILE` (contract §7): validate, store a new version, show the diff. */
export function registerPlan(program: Command): void {
  const plan = program.command('plan').description('plan files (contract §6)');
  plan
    .command('apply')
    .description('validates and stores a plan as a new version; prints the diff against the previous one')
    .argument('<file>', 'plan file (YAML)')
    .option('--note <text>', 'a note stored with the version')
    .action(async (file: string, options: { note?: string }, command: Command) => {
      const yaml = readPlanFile(file);
      const db = await openDatabase(databaseOf(command));
      try {
        const applied = await applyPlan(db.kysely, SYSTEM_ACTOR, yaml, options.note ?? null).catch(
          (error: unknown) => reportPlanErrors(file, error, 'nothing was stored'),
        );
        const out = [`${file}: stored as plan version ${applied.version}`];
        if (applied.previousVersion === null) out.push('(first version)');
        else if (applied.changes.length === 0)
          out.push(`no changes against version ${applied.previousVersion}`);
        else {
          out.push(`changes against version ${applied.previousVersion}:`);
          for (const change of applied.changes) out.push(`  ${change.line}`);
        }
        process.stdout.write(`${out.join('\n')}\n`);
      } finally {
        await db.close();
      }
    });

  plan
    .command('preview')
    .description(
      'the close a draft plan would give on the last closed period, against that close run (nothing is stored)',
    )
    .argument('<file>', 'plan file (YAML)')
    .option('--json', 'print the preview as JSON (the same as POST /api/v1/plans/preview)')
    .action(async (file: string, options: { json?: boolean }, command: Command) => {
      const yaml = readPlanFile(file);
      const db = await openDatabase(databaseOf(command));
      try {
        const dataRevision = await latestRevision(db.kysely);
        const dir = await loadOrgDirectory(db.kysely);
        const store = await loadFactStore(db.kysely, dir.chart);
        const preview = await previewPlan({ db: db.kysely, store, dir, dataRevision }, yaml).catch(
          (error: unknown) => reportPlanErrors(file, error, 'no preview'),
        );
        process.stdout.write(options.json ? `${JSON.stringify(preview)}\n` : previewText(file, preview));
      } finally {
        await db.close();
      }
    });
}
