import { Card, Col, Progress, Row, Statistic, Tooltip, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { KpiResponse } from './dashboardApi.ts';
import { NAMESPACE } from './messages.ts';
import { formatMetric, formatPercent, paceColor } from './metricFormat.ts';

export function KpiCards({ data, language }: { data: KpiResponse; language: string }) {
  const { t } = useTranslation(NAMESPACE);
  return (
    <Row gutter={[16, 16]}>
      {data.cards.map((card) => (
        <Col key={card.key} xs={24} sm={12} xl={6}>
          <Card size="small" data-testid={`kpi-${card.metric}`}>
            <Statistic
              title={t(`metrics.${card.metric}`)}
              value={formatMetric(card.key, card.actual, language)}
            />
            {card.goal === null ? (
              <Typography.Text type="secondary">{t('card.noGoal')}</Typography.Text>
            ) : (
              <>
                <Tooltip title={`${t('card.pacing')} ${formatPercent(card.pacing)}`}>
                  <Progress
                    percent={Math.round((card.attainment ?? 0) * 1000) / 10}
                    strokeColor={paceColor(card.pacing)}
                    size="small"
                    format={() => formatPercent(card.attainment)}
                  />
                </Tooltip>
                <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                  {t('card.goal')} {formatMetric(card.key, card.goal, language)}
                  {card.gap !== null && ` · ${t('card.gap')} ${formatMetric(card.key, card.gap, language)}`}
                  {card.forecast !== null &&
                    ` · ${t('card.forecast')} ${formatMetric(card.key, card.forecast, language)}`}
                </Typography.Text>
              </>
            )}
          </Card>
        </Col>
      ))}
    </Row>
  );
}
