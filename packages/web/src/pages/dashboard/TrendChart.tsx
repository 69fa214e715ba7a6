import { Card, Segmented } from 'antd';
import ReactEChartsCore from 'echarts-for-react/esm/core';
import { useTranslation } from 'react-i18next';
import type { TrendResponse } from './dashboardApi.ts';
import { echarts } from './echarts.ts';
import { NAMESPACE } from './messages.ts';
import { chartNumber, formatMetric, formatPercent } from './metricFormat.ts';

interface Props {
  readonly data: TrendResponse | undefined;
  readonly grain: 'month' | 'week';
  readonly onGrain: (grain: 'month' | 'week') => void;
  readonly language: string;
}

/** Actual as bars and the goal as a line, with MoM and YoY in the tooltip. */
export function TrendChart({ data, grain, onGrain, language }: Props) {
  const { t } = useTranslation(NAMESPACE);
  const points = data?.points ?? [];
  const key = data?.metric ?? 'revenue';
  const option = {
    grid: { left: 64, right: 16, top: 32, bottom: 28 },
    legend: { data: [t('trend.actual'), t('trend.goal')], top: 0 },
    tooltip: {
      trigger: 'axis',
      formatter: (items: { dataIndex: number }[]) => {
        const point = points[items[0]?.dataIndex ?? 0];
        if (!point) return '';
        return [
          `<b>${point.period}</b>`,
          `${t('trend.actual')}: ${formatMetric(key, point.actual, language, true)}`,
          point.goal === null ? '' : `${t('trend.goal')}: ${formatMetric(key, point.goal, language, true)}`,
          `${t('trend.mom')}: ${formatPercent(point.growth)}`,
          `${t('trend.yoy')}: ${formatPercent(point.yoy)}`,
        ]
          .filter(Boolean)
          .join('<br/>');
      },
    },
    xAxis: { type: 'category', data: points.map((p) => p.period) },
    yAxis: { type: 'value', axisLabel: { formatter: (v: number) => formatMetric(key, v, language) } },
    series: [
      {
        name: t('trend.actual'),
        type: 'bar',
        data: points.map((p) => chartNumber(p.actual)),
        itemStyle: { color: '#1677ff' },
      },
      {
        name: t('trend.goal'),
        type: 'line',
        data: points.map((p) => chartNumber(p.goal)),
        itemStyle: { color: '#fa8c16' },
      },
    ],
  };
  return (
    <Card
      size="small"
      title={t('trend.title')}
      extra={
        <Segmented
          size="small"
          value={grain}
          onChange={(value) => onGrain(value as 'month' | 'week')}
          options={[
            { label: t('trend.month'), value: 'month' },
            { label: t('trend.week'), value: 'week' },
          ]}
        />
      }
    >
      <ReactEChartsCore echarts={echarts} option={option} notMerge style={{ height: 280 }} />
    </Card>
  );
}
