import { describe, expect, it } from 'vitest';
import { computeMetrics } from './compute-metrics.ts';
import { forecastRunRate } from './forecast.ts';
import { buildMetricsReport } from './metrics-report.ts';
import { fen } from './money.ts';
import { parsePeriod } from './periods.ts';
import { formatMetricValue, isMoneyKey, reportHeader, toReportRow } from './report-format.ts';
import { goldenStore } from './testing/golden-company.ts';

describe('report rows (contract §7 report metrics --json)', () => {
  it('prints money metrics and their goals as money strings, the rest as numbers', () => {
    const result = computeMetrics(goldenStore(), {
      scope: { kind: 'person', id: 'r1' },
      period: '2026-Q3',
      asOf: '2026-08-15',
      metrics: ['revenue', 'revenue_growth', 'orders', 'csat', 'collected{product_line=A}'],
      goals: { revenue: 200000, orders: 4 },
    });
    expect(reportHeader(result)).toEqual({
      period: '2026-Q3',
      start: '2026-07-01',
      end: '2026-09-30',
      as_of: '2026-08-15',
    });
    expect(toReportRow(result)).toEqual({
      scope: 'r1',
      kind: 'person',
      metrics: {
        revenue: '1000.00',
        revenue_growth: (100000 - 30000) / 30000,
        orders: 1,
        csat: null,
        'collected{product_line=A}': '800.00',
      },
      goals: { revenue: '2000.00', orders: 4 },
      attainment: { revenue: 0.5, orders: 0.25 },
      pacing: { revenue: 1, orders: 0.5 },
    });
  });

  it.each([
    ['revenue', true],
    ['pipeline_value{region=north}', true],
    ['revenue_yoy', false],
    ['avg_order_value', false],
  ])('%s is money: %s', (key, money) => {
    expect(isMoneyKey(key)).toBe(money);
  });

  it('formats negative fen', () => {
    expect(formatMetricValue('revenue', fen(-5))).toBe('-0.05');
  });
});

describe('forecast (run rate)', () => {
  const june = parsePeriod('2026-06')!;
  it.each([
    ['money, to the fen', fen(300_01), '2026-06-10', true, true, 900_03],
    ['rounded half away from zero', fen(1), '2026-06-20', true, true, 2],
    ['a count', 4, '2026-06-10', true, false, 12],
    ['a ratio stays', 0.5, '2026-06-10', false, false, 0.5],
    ['nothing elapsed', fen(100), '2026-05-31', true, true, null],
    ['a null stays null', null, '2026-06-10', false, false, null],
    ['the period is over', fen(500), '2026-07-15', true, true, 500],
  ])('%s', (_, actual, asOf, additive, money, expected) => {
    expect(forecastRunRate(actual, june, asOf, additive, money)).toBe(expected);
  });
});

describe('buildMetricsReport', () => {
  it('gives the §7 document with one row per scope', () => {
    const report = buildMetricsReport(goldenStore(), {
      scopes: [
        { kind: 'person', id: 'r3' },
        { kind: 'unit', id: 'west' },
      ],
      period: '2026-Q3',
      asOf: '2026-09-30',
      metrics: ['revenue', 'orders'],
      goalsFor: (scope) => (scope.kind === 'unit' ? { revenue: 10000 } : undefined),
    });
    expect(report).toEqual({
      period: '2026-Q3',
      start: '2026-07-01',
      end: '2026-09-30',
      as_of: '2026-09-30',
      rows: [
        {
          scope: 'r3',
          kind: 'person',
          metrics: { revenue: '33.35', orders: 1 },
          goals: {},
          attainment: {},
          pacing: {},
        },
        {
          scope: 'west',
          kind: 'unit',
          metrics: { revenue: '66.68', orders: 1 },
          goals: { revenue: '100.00' },
          attainment: { revenue: 0.6668 },
          pacing: { revenue: 0.6668 },
        },
      ],
    });
  });
});
