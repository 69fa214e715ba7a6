import { useQuery } from '@tanstack/react-query';
import { Breadcrumb, Button, Col, Row, Select, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { useLanguage } from '../../i18n/useLanguage.ts';
import { BreakdownChart } from './BreakdownChart.tsx';
import {
  fetchBreakdown,
  fetchDrill,
  fetchGoalWall,
  fetchKpis,
  fetchLeaderboard,
  fetchTrend,
  type ScopeRow,
} from './dashboardApi.ts';
import { GoalWall } from './GoalWall.tsx';
import { KpiCards } from './KpiCards.tsx';
import { NAMESPACE } from './messages.ts';
import { PeriodPicker } from './PeriodPicker.tsx';
import { ScopeTable } from './ScopeTable.tsx';
import { TrendChart } from './TrendChart.tsx';
import { useDashboardParams } from './useDashboardParams.ts';

const METRIC = 'revenue';
const FILTERS = ['product_line', 'customer_type', 'region'] as const;

/** 业绩看板: KPI cards, trend, drill-down, breakdown, leaderboard and goal wall for one scope and period. */
export default function DashboardPage() {
  const { t } = useTranslation(NAMESPACE);
  const { language } = useLanguage();
  const thisYear = new Date().getFullYear();
  const { query, grain, dimension, update, openScope } = useDashboardParams(String(thisYear));
  const key = JSON.stringify(query);

  const kpis = useQuery({
    queryKey: ['dashboard', 'kpis', key],
    queryFn: () => fetchKpis(query),
    refetchInterval: 5000,
  });
  const target = kpis.data?.scope;
  const unitId = target?.kind === 'unit' ? target.id : undefined;
  const trend = useQuery({
    queryKey: ['dashboard', 'trend', key, grain],
    queryFn: () => fetchTrend(query, METRIC, grain),
    enabled: !!target,
  });
  const breakdown = useQuery({
    queryKey: ['dashboard', 'breakdown', key, dimension],
    queryFn: () => fetchBreakdown(query, dimension, METRIC),
    enabled: !!target,
  });
  const drill = useQuery({
    queryKey: ['dashboard', 'drill', key],
    queryFn: () => fetchDrill(query, unitId as string, METRIC),
    enabled: !!unitId,
  });
  const board = useQuery({
    queryKey: ['dashboard', 'board', key],
    queryFn: () => fetchLeaderboard(query, unitId as string, METRIC),
    enabled: !!unitId,
  });
  const wall = useQuery({
    queryKey: ['dashboard', 'wall', key],
    queryFn: () => fetchGoalWall(query, unitId as string, METRIC),
    enabled: !!unitId,
  });

  const open = (row: ScopeRow) => openScope(row.kind, row.id);
  const dimensions = kpis.data?.dimensions;

  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }}>
      <Row justify="space-between" align="middle" gutter={[8, 8]}>
        <Col>
          <Typography.Title level={3} style={{ margin: 0 }} data-testid="dashboard-title">
            {t('title')} · {kpis.data?.name ?? ''}
          </Typography.Title>
          <Breadcrumb
            items={[
              {
                title: (
                  <Button
                    type="link"
                    size="small"
                    style={{ padding: 0 }}
                    onClick={() => update({ scope: null })}
                  >
                    {t('home')}
                  </Button>
                ),
              },
              ...(drill.data?.parentId
                ? [
                    {
                      title: (
                        <Button
                          type="link"
                          size="small"
                          style={{ padding: 0 }}
                          onClick={() => openScope('unit', drill.data?.parentId as string)}
                        >
                          {t('drill.up')}
                        </Button>
                      ),
                    },
                  ]
                : []),
            ]}
          />
        </Col>
        <Col>
          <Space wrap>
            <PeriodPicker
              value={query.period}
              onChange={(period) => update({ period })}
              thisYear={thisYear}
            />
            {FILTERS.map((filter) => (
              <Select
                key={filter}
                allowClear
                aria-label={t(`filters.${filter}`)}
                placeholder={t(`filters.${filter}`)}
                value={query[filter]}
                onChange={(value?: string) => update({ [filter]: value ?? null })}
                options={(dimensions?.[filter] ?? []).map((v) => ({ label: v, value: v }))}
                style={{ width: 130 }}
              />
            ))}
            {kpis.data && (
              <Typography.Text type="secondary">
                {t('asOf', { date: kpis.data.asOf })} ·{' '}
                {t('elapsed', { value: `${Math.round(kpis.data.elapsed * 1000) / 10}%` })}
              </Typography.Text>
            )}
          </Space>
        </Col>
      </Row>
      {kpis.error && <ErrorAlert error={kpis.error} />}
      {kpis.data && <KpiCards data={kpis.data} language={language} />}
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={16}>
          <TrendChart
            data={trend.data}
            grain={grain}
            onGrain={(g) => update({ grain: g })}
            language={language}
          />
        </Col>
        <Col xs={24} xl={8}>
          <BreakdownChart
            data={breakdown.data}
            metric={METRIC}
            dimension={dimension}
            onDimension={(d) => update({ dimension: d })}
            language={language}
          />
        </Col>
      </Row>
      {unitId && (
        <Row gutter={[16, 16]}>
          <Col xs={24} xl={14}>
            <ScopeTable
              testId="drill-table"
              title={t('drill.title')}
              metric={METRIC}
              rows={drill.data?.rows ?? []}
              loading={drill.isLoading}
              language={language}
              onOpen={open}
              exportName={`${t('drill.title')} ${query.period}`}
            />
          </Col>
          <Col xs={24} xl={10}>
            <ScopeTable
              testId="leaderboard"
              title={t('leaderboard.title')}
              metric={METRIC}
              rows={board.data?.rows ?? []}
              loading={board.isLoading}
              language={language}
              onOpen={open}
              leading={[{ title: t('leaderboard.rank'), dataIndex: 'rank', width: 56 }]}
              exportName={`${t('leaderboard.title')} ${query.period}`}
            />
          </Col>
        </Row>
      )}
      {unitId && <GoalWall data={wall.data} metric={METRIC} language={language} />}
      {target?.kind === 'person' && target.id && (
        <Button onClick={() => update({ scope: null })}>{t('home')}</Button>
      )}
    </Space>
  );
}
