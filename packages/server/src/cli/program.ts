import { Command } from 'commander';
import { type DatabaseConfig, resolveDatabaseConfig } from '../config.ts';

export interface GlobalOptions {
  db?: string;
  databaseUrl?: string;
}

/** Database of the command: `--database-url` / DATABASE_URL, else the SQLite file of `--db`. */
export function databaseOf(command: Command): DatabaseConfig {
  return resolveDatabaseConfig(command.optsWithGlobals<GlobalOptions>());
}

/** Exit codes of contract §7. */
export const EXIT = { ok: 0, invalidInput: 1, usage: 2 } as const;

export function createProgram(): Command {
  return new Command('attain')
    .description('Attain (达成): sales performance management — goals, tracking, appraisal and pay')
    .option('--db <path>', 'SQLite database file', './data/attain.db')
    .option('--database-url <url>', 'PostgreSQL URL (also from DATABASE_URL)')
    .showHelpAfterError()
    .exitOverride();
}
