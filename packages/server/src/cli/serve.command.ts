import type { Command } from 'commander';
import { z } from 'zod';
import { type Db, openDatabase } from '../db/database.ts';
import { AppError } from '../errors.ts';
import { buildApp } from '../http/app.ts';
import { needsSetup } from '../modules/auth/auth.service.ts';
import { DEFAULT_POLL_MS } from '../modules/tracking/live-facts.ts';
import { defaultSnapshotPath } from '../modules/tracking/snapshot-file.ts';
import { databaseOf } from './program.ts';

const listenSchema = z.object({
  port: z.coerce.number().int().min(0).max(65535),
  host: z.string().min(1),
});

export interface Listening {
  readonly url: string;
  close(): Promise<void>;
}

/** A stop that does not finish in this time exits anyway (requests stuck behind an overload). */
const SHUTDOWN_GRACE_MS = 10_000;

/**
 * Serves the web app and API on an open database until the process is stopped. A failure while
 * starting (the store's load, the port taken) closes what was opened and rethrows, so the command
 * exits non-zero instead of lingering with open handles.
 */
export async function serveDatabase(
  db: Db,
  listen: { port: number; host: string },
  snapshotFile: string | null = null,
): Promise<Listening> {
  const factSnapshot = snapshotFile
    ? { file: snapshotFile, log: (line: string) => process.stderr.write(`attain: ${line}\n`) }
    : null;
  const app = await buildApp({ db, logger: false, pollFactsMs: DEFAULT_POLL_MS, factSnapshot });
  let address: string;
  try {
    await app.ready();
    // Load the store before accepting requests, so the first dashboard does not wait for it.
    await app.facts.current();
    address = await app.listen({ port: listen.port, host: listen.host });
  } catch (error) {
    await app.close().catch(() => undefined);
    throw error;
  }
  const shutdown = async () => {
    await app.close();
    await db.close();
  };
  let stopping = false;
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.on(signal, () => {
      // A second signal, or a stop that hangs, ends the process at once.
      if (stopping) process.exit(1);
      stopping = true;
      setTimeout(() => process.exit(1), SHUTDOWN_GRACE_MS).unref();
      void shutdown().finally(() => process.exit(0));
    });
  }
  return { url: address.replace('[::1]', 'localhost'), close: shutdown };
}

export function parseListen(options: { port: string; host: string }) {
  const parsed = listenSchema.safeParse(options);
  if (!parsed.success)
    throw new AppError(
      'validation_failed',
      `invalid --port or --host: ${parsed.error.issues[0]?.message}`,
      'usage',
    );
  return parsed.data;
}

export function registerServe(program: Command): void {
  program
    .command('serve')
    .description('serve the web application and its HTTP API')
    .option('--port <port>', 'port to listen on', '3000')
    .option('--host <host>', 'address to listen on', '127.0.0.1')
    .option('--snapshot <file>', 'fact store snapshot for fast restarts (default: beside the database)')
    .option('--no-snapshot', 'build the fact store from the database at every start')
    .action(async (options: { port: string; host: string; snapshot: string | boolean }, command: Command) => {
      const listen = parseListen(options);
      const config = databaseOf(command);
      const snapshotFile =
        options.snapshot === false
          ? null
          : typeof options.snapshot === 'string'
            ? options.snapshot
            : defaultSnapshotPath(config);
      const db = await openDatabase(config);
      const server = await serveDatabase(db, listen, snapshotFile).catch(async (error: unknown) => {
        await db.close().catch(() => undefined);
        if (error instanceof Error && 'code' in error && error.code === 'EADDRINUSE')
          throw new AppError('conflict', `port ${listen.port} on ${listen.host} is already in use`);
        throw error;
      });
      const setup = (await needsSetup(db.kysely)) ? ' — open it in a browser to create the admin' : '';
      process.stdout.write(`Attain is serving at ${server.url}${setup}\n`);
      await new Promise(() => {});
    });
}
