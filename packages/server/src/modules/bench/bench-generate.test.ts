import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { ENTITIES, type EntityName } from '../entities/entities.ts';
import { generateBenchData } from './bench-generate.ts';

const dirs: string[] = [];
const tempDir = () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'attain-bench-'));
  dirs.push(dir);
  return dir;
};
afterAll(() => {
  for (const dir of dirs) fs.rmSync(dir, { recursive: true, force: true });
});

const read = (dir: string, entity: EntityName) =>
  fs
    .readFileSync(path.join(dir, `${entity}.csv`), 'utf8')
    .trimEnd()
    .split('\n')
    .map((line) => line.split(','));
const digest = (dir: string) =>
  fs
    .readdirSync(dir)
    .sort()
    .map(
      (f) =>
        `${f}:${createHash('sha256')
          .update(fs.readFileSync(path.join(dir, f)))
          .digest('hex')}`,
    )
    .join('\n');

describe('attain bench gen', () => {
  const options = { reps: 45, orders: 3000, seed: 7, from: '2025-01-01' };

  it('is deterministic for a seed and differs across seeds', async () => {
    const a = tempDir();
    const b = tempDir();
    const c = tempDir();
    await generateBenchData({ ...options, out: a });
    await generateBenchData({ ...options, out: b });
    await generateBenchData({ ...options, seed: 8, out: c });
    expect(digest(a)).toBe(digest(b));
    expect(digest(a)).not.toBe(digest(c));
  });

  it('writes contract headers, the asked sizes and consistent references', async () => {
    const dir = tempDir();
    const counts = await generateBenchData({ ...options, out: dir });
    expect(counts.orders).toBe(3000);
    for (const entity of Object.keys(counts) as EntityName[]) {
      expect(read(dir, entity)[0]).toEqual(ENTITIES[entity].columns.map((c) => c.name));
    }
    const people = read(dir, 'people').slice(1);
    const reps = new Set(people.filter((p) => p[4] === 'rep').map((p) => p[0]));
    expect(reps.size).toBe(45);
    const units = new Set(
      read(dir, 'units')
        .slice(1)
        .map((u) => u[0]),
    );
    expect(people.every((p) => units.has(p[3] as string))).toBe(true);
    const orders = read(dir, 'orders').slice(1);
    const orderIds = new Set(orders.map((o) => o[0]));
    const customers = new Set(
      read(dir, 'customers')
        .slice(1)
        .map((c) => c[0]),
    );
    expect(orders.every((o) => reps.has(o[2] as string) && customers.has(o[3] as string))).toBe(true);
    expect(orders.every((o) => (o[1] as string) >= '2025-01-01' && (o[1] as string) <= '2025-12-31')).toBe(
      true,
    );
    const returns = orders.filter((o) => (o[5] as string).startsWith('-')).length;
    expect(returns).toBeGreaterThan(20);
    expect(returns).toBeLessThan(150);
    const payments = read(dir, 'payments').slice(1);
    expect(payments.every((p) => orderIds.has(p[2] as string))).toBe(true);
    const credits = read(dir, 'order_credits').slice(1);
    const shareSums = new Map<string, number>();
    for (const [order, , share] of credits)
      shareSums.set(order as string, (shareSums.get(order as string) ?? 0) + Number(share));
    expect([...shareSums.values()].every((s) => Math.abs(s - 1) < 1e-9)).toBe(true);
  });

  it('shows seasonality: December outsells February', async () => {
    const dir = tempDir();
    await generateBenchData({ ...options, orders: 20_000, out: dir });
    const byMonth = new Map<string, number>();
    for (const o of read(dir, 'orders').slice(1))
      byMonth.set((o[1] as string).slice(5, 7), (byMonth.get((o[1] as string).slice(5, 7)) ?? 0) + 1);
    expect(byMonth.get('12') as number).toBeGreaterThan(2 * (byMonth.get('02') as number));
  });
});
