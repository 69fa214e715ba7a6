/**
 * What `attain demo` prints while it loads: one line per entity (rows, time) and, on a
 * terminal, a bar that redraws in place. Pure text functions; the command writes them.
 */
import type { EntityName } from '../entities/entities.ts';
import type { ImportProgress } from '../imports/import.service.ts';
import type { EntityLoaded } from './demo.service.ts';

const BAR_WIDTH = 24;

const seconds = (milliseconds: number) => `${(milliseconds / 1000).toFixed(1)} s`;

/** @example loadedLine({ entity: 'orders', rows: 49125, inserted: 49125, milliseconds: 1226 }) // '  orders          49,125 rows   1.2 s' */
export function loadedLine(loaded: EntityLoaded): string {
  return `  ${loaded.entity.padEnd(14)}${loaded.rows.toLocaleString('en-US').padStart(8)} rows ${seconds(loaded.milliseconds).padStart(7)}`;
}

/**
 * The in-place bar of an entity being imported: validation is the first half of the work,
 * writing the second (the import service reads the records twice).
 * @example progressBar('orders', { phase: 'writing', rows: 500 }, 1000) // '  orders         [██████████████████······]  75%'
 */
export function progressBar(entity: EntityName, progress: ImportProgress, total: number): string {
  const done =
    progress.phase === 'writing'
      ? total + progress.rows
      : progress.phase === 'done'
        ? 2 * total
        : progress.rows;
  const fraction = total === 0 ? 1 : Math.min(1, done / (2 * total));
  const filled = Math.round(fraction * BAR_WIDTH);
  const percent = `${Math.round(fraction * 100)}%`.padStart(4);
  return `  ${entity.padEnd(14)} [${'█'.repeat(filled)}${'·'.repeat(BAR_WIDTH - filled)}] ${percent}`;
}

export { seconds as formatSeconds };
