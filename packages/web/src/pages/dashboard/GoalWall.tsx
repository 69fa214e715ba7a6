import { Card, Col, Empty, Progress, Row, Tooltip, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { GoalWallResponse } from './dashboardApi.ts';
import { NAMESPACE } from './messages.ts';
import { formatMetric, formatPercent, paceColor } from './metricFormat.ts';

/** 目标墙: every person's progress bar for the period, against the time elapsed. */
export function GoalWall({
  data,
  metric,
  language,
}: {
  data: GoalWallResponse | undefined;
  metric: string;
  language: string;
}) {
  const { t } = useTranslation(NAMESPACE);
  // People with neither a goal nor any result (hr, finance, most managers) would only add noise.
  const rows = (data?.rows ?? [])
    .filter((row) => row.goal !== null || (row.actual !== null && Number(row.actual) !== 0))
    .sort((a, b) => Number(b.goal !== null) - Number(a.goal !== null));
  const elapsed = Math.round((data?.elapsed ?? 0) * 1000) / 10;
  return (
    <Card
      size="small"
      title={t('wall.title')}
      data-testid="goal-wall"
      extra={t('elapsed', { value: `${elapsed}%` })}
    >
      {rows.length === 0 ? (
        <Empty description={t('noData')} />
      ) : (
        <Row gutter={[16, 8]}>
          {rows.map((row) => (
            <Col key={row.id} xs={24} sm={12} lg={8} xxl={6}>
              <Tooltip
                title={`${row.unitName ?? ''} · ${formatMetric(metric, row.actual, language, true)} / ${formatMetric(metric, row.goal, language, true)}`}
              >
                <Typography.Text ellipsis style={{ width: '100%' }}>
                  {row.name}
                </Typography.Text>
                {row.goal === null ? (
                  <Typography.Text type="secondary" style={{ display: 'block', fontSize: 12 }}>
                    {t('wall.noGoal')} · {formatMetric(metric, row.actual, language)}
                  </Typography.Text>
                ) : (
                  <Progress
                    percent={Math.round((row.attainment ?? 0) * 1000) / 10}
                    strokeColor={paceColor(row.pacing)}
                    size="small"
                    format={() => formatPercent(row.attainment, 0)}
                  />
                )}
              </Tooltip>
            </Col>
          ))}
        </Row>
      )}
    </Card>
  );
}
