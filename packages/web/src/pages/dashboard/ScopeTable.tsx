import { DownloadOutlined } from '@ant-design/icons';
import { Button, Card, Progress, Table, type TableColumnsType } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { ScopeRow } from './dashboardApi.ts';
import { exportXlsx } from './exportXlsx.ts';
import { NAMESPACE } from './messages.ts';
import { formatMetric, formatPercent, isMoneyMetric, isRateMetric } from './metricFormat.ts';

interface Props<R extends ScopeRow> {
  readonly title: ReactNode;
  readonly metric: string;
  readonly rows: readonly R[];
  readonly language: string;
  readonly loading: boolean;
  readonly leading?: TableColumnsType<R>;
  readonly onOpen?: (row: R) => void;
  readonly extra?: ReactNode;
  readonly testId: string;
  readonly exportName: string;
}

const nowrap = (text: string) => <span style={{ whiteSpace: 'nowrap' }}>{text}</span>;

/** Units or people with a metric against their goal — used by drill-down and leaderboard. */
export function ScopeTable<R extends ScopeRow>(props: Props<R>) {
  const { t } = useTranslation(NAMESPACE);
  const { metric, language } = props;
  const columns: TableColumnsType<R> = [
    ...(props.leading ?? []),
    {
      title: t('drill.name'),
      dataIndex: 'name',
      render: (name: string, row) =>
        props.onOpen ? (
          <Button type="link" size="small" style={{ padding: 0 }} onClick={() => props.onOpen?.(row)}>
            {name}
          </Button>
        ) : (
          name
        ),
    },
    {
      title: t(`metrics.${metric}`),
      dataIndex: 'actual',
      align: 'right',
      render: (v) => nowrap(formatMetric(metric, v, language)),
    },
    {
      title: t('card.goal'),
      dataIndex: 'goal',
      align: 'right',
      render: (v) => nowrap(formatMetric(metric, v, language)),
    },
    {
      title: t('card.attainment'),
      dataIndex: 'attainment',
      width: 160,
      render: (v: number | null) =>
        v === null ? (
          '—'
        ) : (
          <Progress percent={Math.round(v * 1000) / 10} size="small" format={() => formatPercent(v)} />
        ),
    },
  ];
  const download = () =>
    exportXlsx(
      props.exportName,
      [
        { key: 'id', title: 'ID' },
        { key: 'name', title: t('drill.name') },
        {
          key: 'actual',
          title: t(`metrics.${metric}`),
          type: isMoneyMetric(metric) ? 'money' : isRateMetric(metric) ? 'percent' : 'number',
        },
        { key: 'goal', title: t('card.goal'), type: isMoneyMetric(metric) ? 'money' : 'number' },
        { key: 'attainment', title: t('card.attainment'), type: 'percent' },
      ],
      props.rows as unknown as Record<string, unknown>[],
    );
  return (
    <Card
      size="small"
      title={props.title}
      data-testid={props.testId}
      extra={
        <>
          {props.extra}
          <Button size="small" icon={<DownloadOutlined />} onClick={() => void download()}>
            {t('export')}
          </Button>
        </>
      }
    >
      <Table<R>
        rowKey={(row) => `${row.kind}:${row.id}`}
        size="small"
        columns={columns}
        dataSource={props.rows as R[]}
        loading={props.loading}
        pagination={props.rows.length > 10 ? { pageSize: 10, showSizeChanger: false } : false}
      />
    </Card>
  );
}
