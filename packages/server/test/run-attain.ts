import { vi } from 'vitest';
import { main } from '../src/cli/main.ts';

export interface AttainRun {
  readonly code: number;
  readonly stdout: string;
  readonly stderr: string;
}

/** The `attain` command line in this process, its output captured (fast; no child process). */
export async function runAttain(args: readonly string[]): Promise<AttainRun> {
  let stdout = '';
  let stderr = '';
  const out = vi.spyOn(process.stdout, 'write').mockImplementation((chunk) => {
    stdout += String(chunk);
    return true;
  });
  const err = vi.spyOn(process.stderr, 'write').mockImplementation((chunk) => {
    stderr += String(chunk);
    return true;
  });
  try {
    const code = await main(['node', 'attain', ...args]);
    return { code, stdout, stderr };
  } finally {
    out.mockRestore();
    err.mockRestore();
  }
}
