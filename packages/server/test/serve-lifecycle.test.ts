import { spawn } from 'node:child_process';
import net from 'node:net';
import { afterAll, beforeAll, expect, it } from 'vitest';
import { createTestDatabaseArgs, describeDb } from './db.ts';
import { ATTAIN_BIN, startServer } from './processes.ts';

/** Runs `attain …` to its end and returns its exit code and stderr. */
function runAttain(args: readonly string[]): Promise<{ code: number | null; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [ATTAIN_BIN, ...args], { stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (chunk) => {
      stderr += String(chunk);
    });
    child.on('exit', (code) => resolve({ code, stderr }));
  });
}

// `attain serve` ends cleanly: a failed start exits 1 with a message, a stop exits 0.
describeDb('attain serve lifecycle', () => {
  let database: Awaited<ReturnType<typeof createTestDatabaseArgs>>;
  const blocker = net.createServer();
  let port = 0;

  beforeAll(async () => {
    database = await createTestDatabaseArgs();
    await new Promise<void>((resolve) => blocker.listen(0, '127.0.0.1', resolve));
    port = (blocker.address() as net.AddressInfo).port;
  }, 60_000);

  afterAll(async () => {
    blocker.close();
    await database?.drop();
  });

  it('exits 1 naming the port when the port is taken', async () => {
    const { code, stderr } = await runAttain([...database.args, 'serve', '--port', String(port)]);
    expect(code).toBe(1);
    expect(stderr).toContain(`port ${port} on 127.0.0.1 is already in use`);
  });

  it('exits 0 on SIGTERM', async () => {
    const server = await startServer(database.args);
    expect((await fetch(`${server.url}/api/v1/setup`)).status).toBe(200);
    const code = await server.stop();
    expect(code).toBe(0);
  });
});
