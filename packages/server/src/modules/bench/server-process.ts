/**
 * A real `attain serve` child process for the bench: started on a database, signed in as the
 * admin (POST /api/v1/setup on a fresh database, else /auth/login), with its resident memory
 * read from /proc, or measured after a full garbage collection by the preloaded memory probe
 * (memory-probe.js, over the child's IPC channel).
 */
import { type ChildProcess, spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { DatabaseConfig } from '../../config.ts';
import { databaseArgs } from './bench-databases.ts';

export const ATTAIN_BIN = path.resolve(
  path.dirname(fileURLToPath(import.meta.url)),
  '../../../bin/attain.js',
);
const MEMORY_PROBE = path.resolve(path.dirname(fileURLToPath(import.meta.url)), 'memory-probe.js');
const WRITE_HEADERS = { 'content-type': 'application/json', 'x-attain-request': '1' };
const ADMIN = { login: 'bench', password: 'bench-password-1', displayName: 'Bench' };

export interface BenchServer {
  readonly url: string;
  readonly pid: number;
  /** Milliseconds from spawn to the "serving at" line (the store is loaded before listening). */
  readonly listenMs: number;
  readonly spawnedAt: number;
  cookie: string;
  /** The server's memory after a full garbage collection, once its resident set has settled. */
  collectedMemory(): Promise<CollectedMemory>;
  stop(): Promise<void>;
}

/** What the memory probe answers (bytes). */
export interface CollectedMemory {
  readonly residentBytes: number;
  /** V8's young generation (committed): empty after the collection, sized by the allocation rate. */
  readonly youngGeneration: number;
  readonly heapTotal: number;
  readonly heapUsed: number;
  readonly arrayBuffers: number;
}

export function startBenchServer(config: DatabaseConfig, timeoutMs: number): Promise<BenchServer> {
  const spawnedAt = performance.now();
  const child: ChildProcess = spawn(
    process.execPath,
    [
      '--max-old-space-size=16384',
      '--expose-gc',
      '--import',
      MEMORY_PROBE,
      ATTAIN_BIN,
      ...databaseArgs(config),
      'serve',
      '--port',
      '0',
    ],
    { stdio: ['ignore', 'pipe', 'pipe', 'ipc'] },
  );
  let output = '';
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.kill('SIGTERM');
      reject(new Error(`attain serve did not listen within ${timeoutMs} ms: ${output}`));
    }, timeoutMs);
    child.stderr?.on('data', (chunk) => {
      output += String(chunk);
    });
    child.on('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`attain serve exited with ${code}: ${output}`));
    });
    child.stdout?.on('data', (chunk) => {
      output += String(chunk);
      const match = /serving at (http:\/\/\S+)/.exec(output);
      if (!match) return;
      clearTimeout(timer);
      resolve({
        url: match[1] as string,
        pid: child.pid as number,
        listenMs: performance.now() - spawnedAt,
        spawnedAt,
        cookie: '',
        collectedMemory: () => collectedMemory(child),
        stop: () =>
          new Promise<void>((done) => {
            child.removeAllListeners('exit');
            if (child.exitCode !== null) return done();
            // attain serve has been seen to linger after SIGTERM following an overload; the
            // bench must not hang on it, so it is killed after 10 s.
            const force = setTimeout(() => child.kill('SIGKILL'), 10_000);
            child.once('exit', () => {
              clearTimeout(force);
              done();
            });
            child.kill('SIGTERM');
          }),
      });
    });
  });
}

function collectedMemory(child: ChildProcess): Promise<CollectedMemory> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => {
      child.off('message', onMessage);
      reject(new Error('the memory probe did not answer within 60 s'));
    }, 60_000);
    const onMessage = (message: unknown) => {
      const answer = message as { type?: string; collected?: boolean } & CollectedMemory;
      if (answer?.type !== 'attain-bench-memory') return;
      clearTimeout(timer);
      child.off('message', onMessage);
      if (!answer.collected) reject(new Error('the memory probe could not collect garbage (no --expose-gc)'));
      else resolve(answer);
    };
    child.on('message', onMessage);
    child.send({ type: 'attain-bench-memory' });
  });
}

/** Signs in as the bench admin (creating it on a fresh database) and keeps the session cookie. */
export async function signIn(server: BenchServer): Promise<void> {
  let response = await fetch(`${server.url}/api/v1/setup`, {
    method: 'POST',
    headers: WRITE_HEADERS,
    body: JSON.stringify(ADMIN),
  });
  if (response.status !== 200) {
    await response.arrayBuffer();
    response = await fetch(`${server.url}/api/v1/auth/login`, {
      method: 'POST',
      headers: WRITE_HEADERS,
      body: JSON.stringify({ login: ADMIN.login, password: ADMIN.password }),
    });
  }
  if (response.status !== 200) throw new Error(`cannot sign in: ${response.status} ${await response.text()}`);
  await response.arrayBuffer();
  server.cookie = String(response.headers.get('set-cookie')).split(';')[0] as string;
}

/** GET an API path as the signed-in admin; returns the status and parsed body. */
export async function getJson(
  server: BenchServer,
  apiPath: string,
): Promise<{ status: number; body: unknown }> {
  const response = await fetch(`${server.url}/api/v1${apiPath}`, { headers: { cookie: server.cookie } });
  const text = await response.text();
  return { status: response.status, body: text ? JSON.parse(text) : null };
}

/** Resident set size of a process, in bytes (Linux). */
export function residentBytes(pid: number): number {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  const kb = /VmRSS:\s+(\d+)\s+kB/.exec(status)?.[1];
  return Number(kb ?? 0) * 1024;
}
