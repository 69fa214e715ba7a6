import { describe, expect, it } from 'vitest';
import { loadedLine, progressBar } from './progress.ts';

describe('demo progress lines', () => {
  it('prints one line per loaded entity with rows and time', () => {
    expect(loadedLine({ entity: 'orders', rows: 49125, inserted: 49125, milliseconds: 1226 })).toBe(
      '  orders          49,125 rows   1.2 s',
    );
  });

  it('fills the bar over validation then writing', () => {
    expect(progressBar('orders', { phase: 'validating', rows: 0 }, 1000)).toContain(
      `[${'·'.repeat(24)}]   0%`,
    );
    expect(progressBar('orders', { phase: 'writing', rows: 500 }, 1000)).toContain(
      `[${'█'.repeat(18)}${'·'.repeat(6)}]  75%`,
    );
    expect(progressBar('goals', { phase: 'done', rows: 10 }, 10)).toContain('100%');
    expect(progressBar('goals', { phase: 'reading', rows: 0 }, 0)).toContain('100%');
  });
});
