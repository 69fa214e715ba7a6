import type { Command } from 'commander';
import { registerBench } from './bench.command.ts';
import { registerClose } from './close.command.ts';
import { registerDemo } from './demo.command.ts';
import { registerImport } from './import.command.ts';
import { registerPlan } from './plan.command.ts';
import { registerReport } from './report.command.ts';
import { registerServe } from './serve.command.ts';

/** Every subcommand of `attain`. Add a command's register function here. */
export const COMMANDS: readonly ((program: Command) => void)[] = [
  registerServe,
  registerImport,
  registerDemo,
  registerBench,
  registerReport,
  registerPlan,
  registerClose,
];
