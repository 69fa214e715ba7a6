/**
 * The bench's result, its targets (issue 5, item 3) and the printed table.
 */
import type { RowCounts } from './bench-data.ts';
import type { ClosePhase } from './close-phase.ts';
import type { ImportTiming } from './import-bench.ts';
import type { ServePhase } from './serve-phase.ts';

export interface BenchResult {
  options: { orders: number; reps: number; seed: number; quick: boolean };
  counts: RowCounts;
  imports: ImportTiming[];
  close: ClosePhase | null;
  serve: ServePhase | null;
  totalSeconds: number;
}

export interface Target {
  readonly name: string;
  readonly goal: string;
  readonly measured: string;
  /** null: not measured in this run. */
  readonly pass: boolean | null;
}

const fmt = (n: number, digits = 1) =>
  n.toLocaleString('en', { maximumFractionDigits: digits, minimumFractionDigits: digits });
const rate = (rows: number, ms: number) => (ms > 0 ? (rows * 1000) / ms : 0);

/** Import vs bulk rate per dialect over every entity of the sample, steady and first runs. */
export function importRatios(imports: readonly ImportTiming[]) {
  const byDialect = new Map<
    string,
    { rows: number; importMs: number; bulkMs: number; firstImportMs: number; firstBulkMs: number }
  >();
  for (const t of imports) {
    const sum = byDialect.get(t.dialect) ?? {
      rows: 0,
      importMs: 0,
      bulkMs: 0,
      firstImportMs: 0,
      firstBulkMs: 0,
    };
    sum.rows += t.rows;
    sum.importMs += t.importMs;
    sum.bulkMs += t.bulkMs;
    sum.firstImportMs += t.firstImportMs;
    sum.firstBulkMs += t.firstBulkMs;
    byDialect.set(t.dialect, sum);
  }
  return [...byDialect].map(([dialect, s]) => ({
    dialect,
    importRate: rate(s.rows, s.importMs),
    bulkRate: rate(s.rows, s.bulkMs),
    ratio: s.bulkMs / s.importMs,
    firstRatio: s.firstBulkMs / s.firstImportMs,
  }));
}

function closeMs(result: BenchResult, period: string, contender: string): number | null {
  return result.close?.timings.find((t) => t.period === period && t.contender === contender)?.ms ?? null;
}

export function judgeTargets(result: BenchResult): Target[] {
  const targets: Target[] = [];
  const engine = closeMs(result, '2025', 'engine');
  const duck = closeMs(result, '2025', 'duckdb');
  const pg = closeMs(result, '2025', 'postgres');
  const measured = (ok: boolean, text: string, pass: boolean) => ({
    measured: ok ? text : 'not measured',
    pass: ok ? pass : null,
  });
  targets.push({
    name: 'year close vs DuckDB',
    goal: '≤ 0.5 × DuckDB',
    ...measured(
      engine !== null && duck !== null,
      `${fmt((engine ?? 0) / (duck ?? 1), 2)} ×`,
      (engine ?? 0) <= 0.5 * (duck ?? 0),
    ),
  });
  targets.push({
    name: 'year close vs PostgreSQL',
    goal: '≥ 20 × faster',
    ...measured(
      engine !== null && pg !== null,
      `${fmt((pg ?? 0) / (engine ?? 1), 1)} × faster`,
      (pg ?? 0) >= 20 * (engine ?? 0),
    ),
  });
  const serve = result.serve;
  targets.push({
    name: 'dashboard p95 at 200 req/s',
    goal: '≤ 20 ms',
    ...measured(
      serve !== null,
      `${fmt(serve?.load.p95 ?? 0)} ms`,
      (serve?.load.p95 ?? 0) <= 20 && serve?.load.errors === 0 && serve?.load.dropped === 0,
    ),
  });
  for (const r of importRatios(result.imports)) {
    targets.push({
      name: `import vs bulk load (${r.dialect})`,
      goal: '≥ 80 %',
      measured: `${fmt(r.ratio * 100, 0)} % (first run ${fmt(r.firstRatio * 100, 0)} %)`,
      pass: r.ratio >= 0.8,
    });
  }
  if (result.imports.length === 0)
    targets.push({ name: 'import vs bulk load', goal: '≥ 80 %', measured: 'not measured', pass: null });
  targets.push({
    name: 'visibility after import',
    goal: '≤ 1 s',
    ...measured(serve !== null, `${fmt(serve?.visibilityMs ?? 0, 0)} ms`, (serve?.visibilityMs ?? 0) <= 1000),
  });
  targets.push({
    name: 'resident bytes per order',
    goal: '≤ 64',
    ...measured(serve !== null, `${fmt(serve?.bytesPerOrder ?? 0, 0)} B`, (serve?.bytesPerOrder ?? 0) <= 64),
  });
  targets.push({
    name: 'cold start',
    goal: '≤ 10 s',
    ...measured(
      serve !== null,
      `${fmt((serve?.coldStartMs ?? 0) / 1000)} s`,
      (serve?.coldStartMs ?? 0) <= 10_000,
    ),
  });
  return targets;
}

function table(header: string[], rows: string[][]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]) => `| ${cells.map((c, i) => c.padEnd(widths[i] as number)).join(' | ')} |`;
  return [line(header), `|${widths.map((w) => '-'.repeat(w + 2)).join('|')}|`, ...rows.map(line)].join('\n');
}

/** The printed report: markdown tables, ready to paste into docs/performance.md. */
export function formatBenchTable(result: BenchResult, targets: readonly Target[]): string {
  const out: string[] = [];
  const o = result.options;
  out.push(
    `## ${o.orders.toLocaleString('en')} orders, ${o.reps.toLocaleString('en')} reps, seed ${o.seed}${o.quick ? ' (quick)' : ''}\n`,
  );
  if (result.imports.length) {
    out.push(
      '### a. Import through `attain import` vs bulk load (rows/s, best of the runs after the first; first run of the process beside)\n',
    );
    out.push(
      table(
        ['database', 'entity', 'rows', 'import rows/s', 'bulk rows/s', 'import / bulk', 'first run'],
        result.imports.map((t) => [
          t.dialect,
          t.entity,
          t.rows.toLocaleString('en'),
          fmt(rate(t.rows, t.importMs), 0),
          fmt(rate(t.rows, t.bulkMs), 0),
          `${fmt((100 * t.bulkMs) / t.importMs, 0)} %`,
          `${fmt((100 * t.firstBulkMs) / t.firstImportMs, 0)} %`,
        ]),
      ),
    );
    out.push('');
  }
  if (result.close) {
    out.push('### b. Close: KPIs of every person and unit (ms, best warm run)\n');
    const periods = [...new Set(result.close.timings.map((t) => t.period))];
    const contenders = ['engine', 'duckdb', 'postgres', 'sqlite'];
    out.push(
      table(
        ['period', ...contenders, 'engine / duckdb', 'postgres / engine'],
        periods.map((p) => {
          const ms = (c: string) => result.close?.timings.find((t) => t.period === p && t.contender === c);
          const cell = (c: string) => {
            const t = ms(c);
            if (!t) return '—';
            return t.ms === null ? `differs (${t.mismatches})` : fmt(t.ms);
          };
          const e = ms('engine')?.ms ?? null;
          const d = ms('duckdb')?.ms ?? null;
          const g = ms('postgres')?.ms ?? null;
          return [
            p,
            ...contenders.map(cell),
            e !== null && d !== null ? fmt(e / d, 2) : '—',
            e !== null && g !== null ? fmt(g / e, 1) : '—',
          ];
        }),
      ),
    );
    const scopes = result.close.timings[0]?.scopes ?? 0;
    out.push(
      `\n${scopes.toLocaleString('en')} scopes; engine = the warm \`attain serve\` over HTTP (GET /api/v1/reports/metrics by person and by unit); every SQL result equal to the engine's before timing. DuckDB load from CSV ${fmt(result.close.duckdbLoadMs / 1000)} s.\n`,
    );
  }
  if (result.serve) {
    const s = result.serve;
    out.push('### c–f. Serving process\n');
    out.push(
      table(
        ['measure', 'value'],
        [
          [
            `dashboard latency, ${s.load.rate} req/s × ${s.load.plannedSeconds} s (${s.load.requests} requests)`,
            `p50 ${fmt(s.load.p50)} ms, p95 ${fmt(s.load.p95)} ms, p99 ${fmt(s.load.p99)} ms, max ${fmt(s.load.max)} ms, ${s.load.errors} errors, ${s.load.dropped} dropped`,
          ],
          ['visibility of a 1,000-order import', `${fmt(s.visibilityMs, 0)} ms`],
          [
            'resident memory after a full collection, without the young generation',
            `${fmt(s.rssLoaded / 2 ** 20, 0)} MiB loaded, ${fmt(s.rssEmpty / 2 ** 20, 0)} MiB empty: ${fmt(s.bytesPerOrder, 1)} B per order, of which typed arrays ${fmt(s.arrayBytesPerOrder, 1)} B`,
          ],
          [
            'resident memory right after the load',
            `${fmt(s.rssUnderLoad / 2 ** 20, 0)} MiB (before collecting the requests' garbage)`,
          ],
          [
            'cold start',
            `${fmt(s.coldStartMs / 1000)} s to the first dashboard answer, restarting from the store's snapshot (listening after ${fmt(s.listenMs / 1000)} s)`,
          ],
          [
            'first start',
            `${fmt(s.firstStartMs / 1000)} s to the first dashboard answer, building the store from the database (no snapshot yet)`,
          ],
        ],
      ),
    );
    out.push('');
  }
  out.push('### Targets\n');
  out.push(
    table(
      ['target', 'goal', 'measured', 'result'],
      targets.map((t) => [t.name, t.goal, t.measured, t.pass === null ? 'n/a' : t.pass ? 'PASS' : 'FAIL']),
    ),
  );
  out.push(`\nTotal ${fmt(result.totalSeconds, 0)} s.\n`);
  return `${out.join('\n')}\n`;
}
