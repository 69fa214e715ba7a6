/** The live preview: the draft's close on the last closed period, beside the stored run. */
import { Alert, Card, Col, Collapse, Row, Space, Spin, Statistic, Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import ReactEChartsCore from 'echarts-for-react/esm/core';
import { useTranslation } from 'react-i18next';
import { formatMoney } from '../../format.ts';
import { echarts } from '../dashboard/echarts.ts';
import { NAMESPACE } from './messages.ts';
import type { PlanPreview, PreviewPerson } from './plansApi.ts';

const isNegative = (money: string) => money.startsWith('-');
const isZero = (money: string) => /^-?0+(\.0+)?$/.test(money);

/** A money change with its sign: "+¥10.00", "-¥5.00", "¥0.00". */
export function signedMoney(change: string): string {
  return isZero(change) || isNegative(change) ? formatMoney(change) : `+${formatMoney(change)}`;
}

const changeColor = (change: string) =>
  isZero(change) ? undefined : isNegative(change) ? '#cf1322' : '#389e0d';

function ChangeChart({ people }: { people: readonly PreviewPerson[] }) {
  const { t } = useTranslation(NAMESPACE);
  const changed = people.filter((p) => !isZero(p.change));
  if (changed.length === 0) return null;
  const option = {
    grid: { left: 8, right: 16, top: 8, bottom: 8, containLabel: true },
    tooltip: {
      trigger: 'axis',
      formatter: (items: { name: string; dataIndex: number }[]) => {
        const person = changed[items[0]?.dataIndex ?? 0];
        return person ? `${person.name ?? person.id}: ${signedMoney(person.change)}` : '';
      },
    },
    xAxis: {
      type: 'category',
      data: changed.map((p) => p.name ?? p.id),
      axisLabel: { show: changed.length <= 12 },
    },
    yAxis: { type: 'value' },
    series: [
      {
        type: 'bar',
        // Chart heights only: the exact amounts are in the table and the tooltip.
        data: changed.map((p) => ({
          value: Number(p.change),
          itemStyle: { color: isNegative(p.change) ? '#cf1322' : '#52c41a' },
        })),
      },
    ],
  };
  return (
    <Card size="small" title={t('changeChart')}>
      <ReactEChartsCore echarts={echarts} option={option} notMerge style={{ height: 180 }} />
    </Card>
  );
}

export function PreviewPanel({
  preview,
  loading,
  noRun,
  stale,
}: {
  preview: PlanPreview | undefined;
  loading: boolean;
  noRun: boolean;
  /** The draft has errors: this is the last valid draft's preview. */
  stale: boolean;
}) {
  const { t } = useTranslation(NAMESPACE);
  const columns: ColumnsType<PreviewPerson> = [
    {
      title: t('person'),
      key: 'person',
      render: (_, p) => (
        <Space direction="vertical" size={0}>
          <Typography.Text>{p.name ?? p.id}</Typography.Text>
          <Typography.Text type="secondary" style={{ fontSize: 12 }}>
            {p.id}
          </Typography.Text>
        </Space>
      ),
    },
    {
      title: t('score'),
      dataIndex: 'score',
      align: 'right',
      render: (score: number | null) => (score === null ? '—' : score.toFixed(1)),
    },
    { title: t('grade'), dataIndex: 'grade', align: 'center', render: (g: string | null) => g ?? '—' },
    {
      title: t('pay'),
      dataIndex: 'totalPay',
      align: 'right',
      render: (pay: string | null) =>
        pay === null ? (
          <Typography.Text type="secondary">{t('notInClose')}</Typography.Text>
        ) : (
          formatMoney(pay)
        ),
    },
    {
      title: t('change'),
      dataIndex: 'change',
      align: 'right',
      sorter: (a, b) => Number(a.change) - Number(b.change),
      render: (change: string) => <span style={{ color: changeColor(change) }}>{signedMoney(change)}</span>,
    },
  ];
  const changedCount = preview?.people.filter((p) => !isZero(p.change)).length ?? 0;
  return (
    <Card
      title={
        <Space>
          {t('preview')}
          {loading && <Spin size="small" />}
          {loading && (
            <Typography.Text type="secondary" style={{ fontWeight: 'normal' }}>
              {t('previewing')}
            </Typography.Text>
          )}
        </Space>
      }
      data-testid="plan-preview"
      size="small"
    >
      {noRun && <Alert type="info" showIcon title={t('noRun')} />}
      {stale && preview && (
        <Alert type="warning" showIcon title={t('stalePreview')} style={{ marginBottom: 12 }} />
      )}
      {preview && (
        <Space direction="vertical" size={12} style={{ width: '100%', opacity: stale ? 0.55 : 1 }}>
          <Typography.Text type="secondary">
            {t('previewBasis', {
              id: preview.basedOnRun.id,
              period: preview.period,
              asOf: preview.asOf,
              plan: preview.basedOnRun.planVersion,
            })}
          </Typography.Text>
          <Row gutter={16}>
            <Col span={12}>
              <Statistic
                title={t('totalPay')}
                value={formatMoney(preview.totals.totalPay)}
                styles={{ content: { fontSize: 20, whiteSpace: 'nowrap' } }}
                valueRender={() => (
                  <span data-testid="preview-total">{formatMoney(preview.totals.totalPay)}</span>
                )}
              />
            </Col>
            <Col span={12}>
              <Statistic
                title={t('totalChange')}
                value={signedMoney(preview.totals.change)}
                styles={{
                  content: { fontSize: 20, whiteSpace: 'nowrap', color: changeColor(preview.totals.change) },
                }}
                valueRender={() => (
                  <span data-testid="preview-change">{signedMoney(preview.totals.change)}</span>
                )}
              />
            </Col>
          </Row>
          {preview.changes.length > 0 && (
            <Collapse
              size="small"
              items={[
                {
                  key: 'changes',
                  label: t('draftChanges', { count: preview.changes.length }),
                  children: (
                    <ul style={{ margin: 0, paddingLeft: 18 }}>
                      {preview.changes.map((c) => (
                        <li key={c.path}>
                          <Typography.Text code style={{ fontSize: 12 }}>
                            {c.line}
                          </Typography.Text>
                        </li>
                      ))}
                    </ul>
                  ),
                },
              ]}
            />
          )}
          <ChangeChart people={preview.people} />
          <Typography.Text type="secondary">{t('changedPeople', { count: changedCount })}</Typography.Text>
          <Table
            data-testid="preview-people"
            size="small"
            rowKey="id"
            columns={columns}
            dataSource={[...preview.people]}
            pagination={{ pageSize: 10, size: 'small', showSizeChanger: false }}
          />
        </Space>
      )}
    </Card>
  );
}
