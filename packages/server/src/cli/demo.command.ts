import { CONTRACT_EXAMPLE_PLAN, isIsoDate } from '@attain/engine';
import { type Command, Option } from 'commander';
import { z } from 'zod';
import { type Db, openDatabase } from '../db/database.ts';
import { AppError } from '../errors.ts';
import { SYSTEM_ACTOR } from '../modules/auth/actor.ts';
import {
  createDemoLogins,
  DEMO_PASSWORD,
  holdsCompanyData,
  loadDemoCompany,
} from '../modules/demo/demo.service.ts';
import { formatSeconds, loadedLine, progressBar } from '../modules/demo/progress.ts';
import { type DemoSize, FULL_SIZE } from '../modules/demo/types.ts';
import { applyPlan } from '../modules/plans/plans.service.ts';
import { databaseOf } from './program.ts';
import { parseListen, serveDatabase } from './serve.command.ts';

interface DemoCommandOptions {
  seed: string;
  port: string;
  host: string;
  serve: boolean;
  today?: string;
  reps?: string;
  months?: string;
}

/** The logins the command lists after start-up (docs/demo.md has the rest). */
const SHOWN_LOGINS = ['admin', 'M100', 'M101', 'M111', 'S0001', 'H001', 'F001'];

const seedSchema = z.coerce
  .number()
  .int()
  .min(0)
  .max(2 ** 31 - 1);
const sizeSchema = z.coerce.number().int().min(1).max(1000);

/** Today's calendar date where the server runs (the generator itself never reads the clock). */
function localToday(now: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())}`;
}

function parseDemoOptions(options: DemoCommandOptions) {
  const seed = seedSchema.safeParse(options.seed);
  if (!seed.success)
    throw new AppError('validation_failed', `invalid --seed: ${options.seed} (a whole number)`, 'usage');
  const today = options.today ?? localToday(new Date());
  if (!isIsoDate(today)) {
    throw new AppError('validation_failed', `invalid --today: ${today} (YYYY-MM-DD)`, 'usage');
  }
  const reps = sizeSchema.safeParse(options.reps ?? FULL_SIZE.reps);
  const months = sizeSchema.safeParse(options.months ?? FULL_SIZE.months);
  if (!reps.success || !months.success) {
    throw new AppError(
      'validation_failed',
      'invalid --reps or --months (a whole number from 1 to 1000)',
      'usage',
    );
  }
  const size = { reps: reps.data, months: months.data };
  return { seed: seed.data, today, size, listen: options.serve ? parseListen(options) : null };
}

/** Generates and loads the demo, reporting on stderr: one line per entity, a bar on a terminal. */
async function loadDemo(db: Db, seed: number, today: string, size: DemoSize): Promise<void> {
  const err = process.stderr;
  const started = performance.now();
  err.write(`Generating the demo company 达成科技 (seed ${seed}, today ${today})…\n`);
  // The generator is loaded here, not at start: every other command (serve included) would pay for it.
  const { generateDemoCompany } = await import('../modules/demo/generate.ts');
  const company = generateDemoCompany({ seed, today, size });
  err.write(`  generated in ${formatSeconds(performance.now() - started)}; loading it through the import:\n`);
  await loadDemoCompany(db, company, {
    onProgress: (entity, progress, total) => {
      if (err.isTTY) err.write(`\r${progressBar(entity, progress, total)}`);
    },
    onLoaded: (loaded) => err.write(`${err.isTTY ? '\r\x1b[K' : ''}${loadedLine(loaded)}\n`),
  });
  const logins = await createDemoLogins(db, company.people, new Date());
  // The contract's example plan (§6), so `attain close` and the statements work on the demo.
  const plan = await applyPlan(
    db.kysely,
    SYSTEM_ACTOR,
    CONTRACT_EXAMPLE_PLAN,
    'demo: the example plan of the contract',
  );
  err.write(`  pay plan applied as version ${plan.version}\n`);
  err.write(
    `  ${logins.length} logins created; demo ready in ${formatSeconds(performance.now() - started)}\n`,
  );
}

/** The table of demo logins that exist in this database, for the people of SHOWN_LOGINS. */
async function loginTable(db: Db): Promise<string> {
  const rows = await db.kysely
    .selectFrom('users')
    .leftJoin('people', 'people.id', 'users.person_id')
    .select(['users.login', 'users.role', 'users.display_name', 'people.title', 'people.unit_id'])
    .where('users.login', 'in', SHOWN_LOGINS)
    .execute();
  if (rows.length === 0) return '';
  rows.sort((a, b) => SHOWN_LOGINS.indexOf(a.login) - SHOWN_LOGINS.indexOf(b.login));
  const lines = rows.map(
    (r) =>
      `  ${r.login.padEnd(8)}${r.role.padEnd(9)}${(r.unit_id ?? '').padEnd(10)}${r.display_name} ${r.title ?? ''}`,
  );
  return [
    `Sign in with password ${DEMO_PASSWORD} as:`,
    `  ${'login'.padEnd(8)}${'role'.padEnd(9)}${'unit'.padEnd(10)}name`,
    ...lines,
    '  (every person id is a login: S0002, M112, …)',
    '',
  ].join('\n');
}

export function registerDemo(program: Command): void {
  program
    .command('demo')
    .description('create a realistic demo company (达成科技) in the database and serve it')
    .option('--seed <n>', 'seed of the generated company (the same seed and day give the same data)', '1')
    .option('--port <port>', 'port to listen on', '3000')
    .option('--host <host>', 'address to listen on', '127.0.0.1')
    .option('--today <date>', 'generate as if today were this date (YYYY-MM-DD); default: the current date')
    .option('--no-serve', 'load the demo, then exit (for scripts)')
    // A smaller company for tests and quick looks; the documented demo is the full one.
    .addOption(new Option('--reps <n>', 'number of sales reps').hideHelp())
    .addOption(new Option('--months <n>', 'months of history').hideHelp())
    .action(async (options: DemoCommandOptions, command: Command) => {
      const { seed, today, size, listen } = parseDemoOptions(options);
      const db = await openDatabase(databaseOf(command));
      if (await holdsCompanyData(db)) {
        process.stderr.write('The database already holds a company; keeping it (no demo data loaded).\n');
      } else {
        await loadDemo(db, seed, today, size);
      }
      if (!listen) {
        process.stdout.write(await loginTable(db));
        await db.close();
        return;
      }
      const server = await serveDatabase(db, listen);
      process.stdout.write(`Attain demo is serving at ${server.url}\n${await loginTable(db)}`);
      await new Promise(() => {});
    });
}
