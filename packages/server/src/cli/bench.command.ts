import path from 'node:path';
import type { Command } from 'commander';
import { z } from 'zod';
import { AppError } from '../errors.ts';

const genSchema = z.object({
  reps: z.coerce.number().int().min(1).max(1_000_000),
  orders: z.coerce.number().int().min(0).max(100_000_000),
  seed: z.coerce.number().int().min(0),
  out: z.string().min(1),
  from: z.iso.date(),
});

/** `attain bench gen`: benchmark data sets (the timing harness itself is `npm run bench`). */
export function registerBench(program: Command): void {
  const bench = program.command('bench').description('benchmark data sets');
  bench
    .command('gen')
    .description('write a deterministic, realistic set of contract CSV files')
    .requiredOption('--reps <n>', 'number of sales reps')
    .requiredOption('--orders <n>', 'number of orders')
    .option('--seed <n>', 'random seed', '1')
    .requiredOption('--out <dir>', 'folder to write the CSV files into')
    .option('--from <date>', 'first day of the generated year', '2025-01-01')
    .action(async (raw: Record<string, string>) => {
      const parsed = genSchema.safeParse(raw);
      if (!parsed.success) {
        const issue = parsed.error.issues[0];
        throw new AppError('validation_failed', `--${String(issue?.path[0])}: ${issue?.message}`, 'usage');
      }
      const options = parsed.data;
      const started = Date.now();
      // Loaded here, not at start: every other command (serve included) would pay for it.
      const { generateBenchData } = await import('../modules/bench/bench-generate.ts');
      const counts = await generateBenchData({
        ...options,
        out: path.resolve(options.out),
        onProgress: (entity, rows) => {
          if (process.stderr.isTTY) process.stderr.write(`\r${entity}: ${rows.toLocaleString('en')} rows   `);
        },
      });
      if (process.stderr.isTTY) process.stderr.write('\n');
      for (const [entity, rows] of Object.entries(counts)) {
        process.stdout.write(`${entity.padEnd(14)} ${rows.toLocaleString('en').padStart(12)} rows\n`);
      }
      process.stdout.write(
        `written to ${path.resolve(options.out)} in ${((Date.now() - started) / 1000).toFixed(1)} s\n`,
      );
    });
}
