import { Card, Segmented } from 'antd';
import ReactEChartsCore from 'echarts-for-react/esm/core';
import { useTranslation } from 'react-i18next';
import type { BreakdownResponse } from './dashboardApi.ts';
import { echarts } from './echarts.ts';
import { NAMESPACE } from './messages.ts';
import { chartNumber, formatMetric } from './metricFormat.ts';

export type Dimension = 'product_line' | 'customer_type' | 'region';

interface Props {
  readonly data: BreakdownResponse | undefined;
  readonly metric: string;
  readonly dimension: Dimension;
  readonly onDimension: (dimension: Dimension) => void;
  readonly language: string;
}

/** The metric by product line, customer type or region, as a doughnut. */
export function BreakdownChart({ data, metric, dimension, onDimension, language }: Props) {
  const { t } = useTranslation(NAMESPACE);
  const option = {
    tooltip: {
      trigger: 'item',
      formatter: (p: { name: string; value: number; percent: number }) =>
        `${p.name}: ${formatMetric(metric, p.value, language, true)} (${p.percent}%)`,
    },
    legend: { bottom: 0, type: 'scroll' },
    series: [
      {
        type: 'pie',
        radius: ['40%', '68%'],
        top: -10,
        data: (data?.rows ?? []).map((row) => ({ name: row.value, value: chartNumber(row.actual) })),
        label: { formatter: '{b}\n{d}%' },
      },
    ],
  };
  return (
    <Card size="small" title={t('breakdown.title')}>
      <Segmented
        size="small"
        block
        value={dimension}
        onChange={(value) => onDimension(value as Dimension)}
        options={(['product_line', 'customer_type', 'region'] as const).map((d) => ({
          label: t(`filters.${d}`),
          value: d,
        }))}
      />
      <ReactEChartsCore echarts={echarts} option={option} notMerge style={{ height: 252, marginTop: 4 }} />
    </Card>
  );
}
