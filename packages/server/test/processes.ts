import { type ChildProcess, spawn } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ATTAIN_BIN = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../bin/attain.js');

export interface ServerProcess {
  readonly url: string;
  /** Sends SIGTERM and resolves with the exit code. */
  stop(): Promise<number | null>;
}

/** Starts `attain serve` on a free port and resolves once it prints its address. */
export function startServer(databaseArgs: readonly string[]): Promise<ServerProcess> {
  const child: ChildProcess = spawn(process.execPath, [ATTAIN_BIN, ...databaseArgs, 'serve', '--port', '0'], {
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  return new Promise((resolve, reject) => {
    const fail = (why: string) => reject(new Error(`attain serve ${why}: ${output}`));
    child.stderr?.on('data', (chunk) => {
      output += String(chunk);
    });
    child.on('exit', (code) => fail(`exited with ${code}`));
    child.stdout?.on('data', (chunk) => {
      output += String(chunk);
      const match = /serving at (http:\/\/\S+)/.exec(output);
      if (!match) return;
      resolve({
        url: match[1] as string,
        stop: () =>
          new Promise<number | null>((done) => {
            child.removeAllListeners('exit');
            child.once('exit', (code) => done(code));
            child.kill('SIGTERM');
          }),
      });
    });
  });
}

/** Polls `check` until it returns a value (not undefined) or the deadline passes. */
export async function waitFor<T>(
  check: () => Promise<T | undefined>,
  timeoutMs: number,
  what: string,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await check();
    if (value !== undefined) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}
