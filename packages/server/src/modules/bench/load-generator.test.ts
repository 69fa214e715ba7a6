import { spawnSync } from 'node:child_process';
import { expect, it } from 'vitest';

/**
 * Runs `runFixedRate` in a process of its own against a local server (/ok answers at once, /hang
 * never does, /teapot answers 418) and returns what it printed: Node's warnings reach stderr there
 * as they do in `npm run bench`, while the test runner keeps them from this process.
 */
function runInProcess(options: string): { status: number | null; stdout: string; stderr: string } {
  const generator = new URL('./load-generator.ts', import.meta.url).href;
  const script = `
    import { createServer } from 'node:http';
    const { runFixedRate } = await import(${JSON.stringify(generator)});
    const server = createServer((request, response) => {
      if (request.url === '/hang') return;
      response.statusCode = request.url === '/teapot' ? 418 : 200;
      response.end('{}');
    });
    await new Promise((resolve) => server.listen(0, '127.0.0.1', resolve));
    const base = 'http://127.0.0.1:' + server.address().port;
    const result = await runFixedRate({ headers: {}, ...(${options}) });
    server.closeAllConnections();
    server.close();
    console.log(JSON.stringify(result));`;
  const result = spawnSync(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
    encoding: 'utf8',
    timeout: 50_000,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

it('sends every planned request, counts errors by status, and leaves no listeners behind', {
  timeout: 60_000,
}, () => {
  // 2,000 requests: past the 1,500 abort listeners at which Node warns of a leak, as it did when
  // every request shared one signal.
  const run = runInProcess(
    "{ urls: [base + '/ok', base + '/ok', base + '/ok', base + '/teapot'], rate: 1000, seconds: 2 }",
  );
  expect({ status: run.status, stderr: run.stderr }).toEqual({ status: 0, stderr: '' });
  const result = JSON.parse(run.stdout);
  expect(result).toMatchObject({ requests: 2000, errors: 500, dropped: 0 });
  expect(result.byPath['/ok'].count).toBe(1500);
  expect(result.p50).toBeLessThanOrEqual(result.p95);
});

it('aborts what is still open at the deadline and counts it as dropped, not as errors', {
  timeout: 60_000,
}, () => {
  const run = runInProcess("{ urls: [base + '/hang'], rate: 50, seconds: 0.2, graceSeconds: 0.3 }");
  expect({ status: run.status, stderr: run.stderr }).toEqual({ status: 0, stderr: '' });
  const result = JSON.parse(run.stdout);
  expect(result).toMatchObject({ requests: 10, errors: 0, dropped: 10 });
  expect(result.max).toBeGreaterThanOrEqual(300); // each waited at least until the deadline
});
