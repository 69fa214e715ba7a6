import { CommanderError } from 'commander';
import { AppError } from '../errors.ts';
import { COMMANDS } from './commands.ts';
import { createProgram, EXIT } from './program.ts';

/** Runs the command line and returns the exit code (contract §7: 0 ok, 1 invalid input, 2 usage). */
export async function main(argv: readonly string[]): Promise<number> {
  const program = createProgram();
  for (const register of COMMANDS) register(program);
  try {
    await program.parseAsync(argv as string[]);
    return typeof process.exitCode === 'number' ? process.exitCode : EXIT.ok;
  } catch (error) {
    if (error instanceof CommanderError) {
      if (error.code === 'commander.helpDisplayed' || error.code === 'commander.version') return EXIT.ok;
      return EXIT.usage;
    }
    if (error instanceof AppError) {
      process.stderr.write(`attain: ${error.message}\n`);
      return error.field === 'usage' ? EXIT.usage : EXIT.invalidInput;
    }
    process.stderr.write(
      `attain: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}\n`,
    );
    return EXIT.invalidInput;
  }
}
