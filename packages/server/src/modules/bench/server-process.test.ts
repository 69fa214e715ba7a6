import { expect, it } from 'vitest';
import { createTestDatabaseArgs, describeDb } from '../../../test/db.ts';
import { getJson, residentBytes, signIn, startBenchServer } from './server-process.ts';

// Issue 5, e: the bench reads each server's memory after a full collection, through the memory
// probe it preloads into `attain serve`; a probe that did not load or could not collect would
// make the memory target compare noise.
describeDb('bench server process', () => {
  it('starts attain serve with the memory probe, which answers after a full collection', async () => {
    const database = await createTestDatabaseArgs();
    const server = await startBenchServer(database.config, 60_000);
    try {
      await signIn(server);
      expect((await getJson(server, '/auth/me')).status).toBe(200);
      const memory = await server.collectedMemory();
      expect(memory.heapUsed).toBeGreaterThan(0);
      expect(memory.heapTotal).toBeGreaterThanOrEqual(memory.heapUsed);
      expect(memory.youngGeneration).toBeGreaterThan(0);
      expect(memory.youngGeneration).toBeLessThan(memory.heapTotal);
      expect(memory.residentBytes).toBeGreaterThan(memory.heapTotal);
      // The probe reads /proc after the collection has settled: not above what /proc shows now, give or take.
      expect(memory.residentBytes).toBeLessThanOrEqual(residentBytes(server.pid) + 8 * 2 ** 20);
    } finally {
      await server.stop();
      await database.drop();
    }
  }, 90_000);
});
