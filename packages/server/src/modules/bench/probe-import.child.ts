/**
 * Child process of the visibility probe (issue 5, 2d): imports one orders file through the
 * import service, as `attain import` does from another process, and prints the wall-clock time
 * at which the import's transaction had committed (importFile resolves after the commit).
 * Usage: node --import tsx probe-import.child.ts '<DatabaseConfig JSON>' <file>
 */
import { openDatabase } from '../../db/database.ts';
import { SYSTEM_ACTOR } from '../auth/actor.ts';
import { importFile } from '../imports/import.service.ts';

const [configJson, file] = process.argv.slice(2) as [string, string];
const db = await openDatabase(JSON.parse(configJson));
const started = performance.timeOrigin + performance.now();
const report = await importFile(db, file, {
  entity: 'orders',
  actor: SYSTEM_ACTOR,
  source: 'visibility-probe',
});
const committed = performance.timeOrigin + performance.now();
process.stdout.write(`${JSON.stringify({ ok: report.ok, inserted: report.inserted, started, committed })}\n`);
await db.close();
