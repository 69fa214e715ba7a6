import fs from 'node:fs';
import type { Command } from 'commander';
import { openDatabase } from '../db/database.ts';
import { AppError } from '../errors.ts';
import { SYSTEM_ACTOR } from '../modules/auth/actor.ts';
import { applyPlan } from '../modules/plans/plans.service.ts';
import { databaseOf } from './program.ts';

/** `attain plan apply FILE` (contract §7): validate, store a new version, show the diff. */
export function registerPlan(program: Command): void {
  const plan = program.command('plan').description('plan files (contract §6)');
  plan
    .command('apply')
    .description('validates and stores a plan as a new version; prints the diff against the previous one')
    .argument('<file>', 'plan file (YAML)')
    .option('--note <text>', 'a note stored with the version')
    .action(async (file: string, options: { note?: string }, command: Command) => {
      let yaml: string;
      try {
        yaml = fs.readFileSync(file, 'utf8');
      } catch {
        throw new AppError('validation_failed', `${file}: cannot read the file`);
      }
      const db = await openDatabase(databaseOf(command));
      try {
        const applied = await applyPlan(db.kysely, SYSTEM_ACTOR, yaml, options.note ?? null).catch(
          (error: unknown) => {
            // Contract §7: exit 1 with a message naming the file; every error, one per line.
            if (error instanceof AppError && Array.isArray(error.details)) {
              for (const e of error.details as { path: string; message: string }[])
                process.stderr.write(`${file}: ${e.path ? `${e.path}: ` : ''}${e.message}\n`);
              throw new AppError('validation_failed', `${file}: ${error.message}; nothing was stored`);
            }
            throw error;
          },
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
}
