import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Card, Descriptions, List, Space, Table, Tag, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { fetchOrgTree, fetchPeople } from '../../api/data.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { formatMoney, formatTimestamp } from '../../format.ts';
import { useExplainTexts } from './ExplainLines.tsx';
import { type ExplainNames, signedMoney } from './explainFormat.ts';
import { NAMESPACE } from './messages.ts';
import { approveRun, type CloseLine, fetchRun, fetchRunDiff, payrollUrl } from './payApi.ts';
import { STATE_COLORS } from './stateColors.ts';

const APPROVERS = ['manager', 'finance', 'hr', 'admin'];

/** Names of units and people for the table; the close result carries only ids. */
function useNames() {
  return useQuery({
    queryKey: ['pay', 'names'],
    staleTime: 300_000,
    queryFn: async () => {
      const units = new Map<string, string>();
      const people = new Map<string, string>();
      try {
        const tree = await fetchOrgTree();
        for (const unit of tree.units) units.set(unit.id, unit.name);
        const root = tree.units.find((unit) => unit.parentId === null);
        if (root) {
          const page = await fetchPeople({ unitId: root.id, page: 1, pageSize: 500 });
          for (const person of page.rows) people.set(person.id, person.name);
        }
      } catch {
        // Names are a convenience: ids remain.
      }
      return { units, people };
    },
  });
}

/** What changed against the period's previous run: who, by how much, and why. */
function RunChanges({ id, names }: { id: number; names: ExplainNames }) {
  const { t } = useTranslation(NAMESPACE);
  const texts = useExplainTexts(names);
  const personName = (person: string) => names.person?.(person) ?? person;
  const diff = useQuery({ queryKey: ['pay', 'run', id, 'diff'], queryFn: () => fetchRunDiff(id) });
  if (diff.error) return <ErrorAlert error={diff.error} />;
  if (!diff.data) return null;
  const { previousId, changes } = diff.data;
  if (previousId === null) return <Typography.Text type="secondary">{t('firstRun')}</Typography.Text>;
  return (
    <List
      data-testid="run-changes"
      size="small"
      header={<Typography.Text strong>{t('changesSince', { id: previousId })}</Typography.Text>}
      locale={{ emptyText: t('noChanges') }}
      dataSource={changes}
      pagination={changes.length > 10 ? { pageSize: 10, size: 'small' } : false}
      renderItem={(change) => (
        <List.Item>
          <Space orientation="vertical" size={0}>
            <Space>
              <Typography.Text strong>{personName(change.id)}</Typography.Text>
              <Tag>{t(`labels.changeKinds.${change.kind}`, { defaultValue: change.kind })}</Tag>
              <Typography.Text>{signedMoney(change.totalPayDelta)}</Typography.Text>
            </Space>
            {texts(change.lines, change.structured)
              .slice(1)
              .map((line) => (
                <Typography.Text key={line} type="secondary" style={{ fontSize: 12 }}>
                  {line}
                </Typography.Text>
              ))}
          </Space>
        </List.Item>
      )}
    />
  );
}

/** One close run: state, approval, export links and the people table. */
export function RunPanel({ id, role }: { id: number; role: string }) {
  const { t } = useTranslation(NAMESPACE);
  const { message } = App.useApp();
  const client = useQueryClient();
  const detail = useQuery({ queryKey: ['pay', 'run', id], queryFn: () => fetchRun(id) });
  const names = useNames();
  const approve = useMutation({
    mutationFn: () => approveRun(id),
    onSuccess: (approval) => {
      void message.success(t('approved', { state: t(`states.${approval.state}`) }));
      void client.invalidateQueries({ queryKey: ['pay'] });
    },
  });

  if (detail.error) return <ErrorAlert error={detail.error} />;
  const run = detail.data;
  const people = run?.result.people ?? [];
  const components = [...new Set(people.flatMap((line) => line.pay.map((p) => p.component)))];
  const unitName = (unitId: string) => names.data?.units.get(unitId) ?? unitId;
  const columns: ColumnsType<CloseLine> = [
    { title: t('columns.id'), dataIndex: 'id', width: 90 },
    {
      title: t('columns.name'),
      key: 'name',
      render: (_, line) => (
        <Link to={`/pay/statement/${encodeURIComponent(line.id)}?closeId=${id}`}>
          {names.data?.people.get(line.id) ?? line.id}
        </Link>
      ),
    },
    { title: t('columns.unit'), key: 'unit', render: (_, line) => unitName(line.unit_id) },
    {
      title: t('columns.score'),
      dataIndex: 'score',
      align: 'right',
      render: (v: number | null) => (v === null ? '—' : v.toFixed(1)),
    },
    {
      title: t('columns.grade'),
      dataIndex: 'grade',
      align: 'center',
      render: (v: string | null) => v ?? '—',
    },
    {
      title: t('columns.rank'),
      dataIndex: 'rank_in_unit',
      align: 'right',
      render: (v: number | null) => v ?? '—',
    },
    ...components.map((component) => ({
      title: t(`components.${component}`, { defaultValue: component }),
      key: `pay-${component}`,
      align: 'right' as const,
      render: (_: unknown, line: CloseLine) =>
        formatMoney(line.pay.find((p) => p.component === component)?.amount ?? '0'),
    })),
    {
      title: t('columns.total'),
      dataIndex: 'total_pay',
      align: 'right',
      render: (v: string) => <Typography.Text strong>{formatMoney(v)}</Typography.Text>,
    },
  ];
  const canExport = role === 'finance' || role === 'admin';
  const pending = run?.approval.pendingUnits ?? [];

  return (
    <Card
      data-testid="pay-run"
      loading={detail.isLoading}
      title={
        run && (
          <Space>
            {t('run', { id: run.id })}
            <Tag color={STATE_COLORS[run.state]} data-testid="run-state">
              {t(`states.${run.state}`)}
            </Tag>
          </Space>
        )
      }
      extra={
        <Space wrap>
          {APPROVERS.includes(role) && run && run.state !== 'finance_approved' && (
            <Button type="primary" loading={approve.isPending} onClick={() => approve.mutate()}>
              {t('approve')}
            </Button>
          )}
          {canExport && run && (
            <>
              <Button href={payrollUrl(run.id, 'xlsx')}>{t('export')} (xlsx)</Button>
              <Button href={payrollUrl(run.id, 'csv')}>CSV</Button>
            </>
          )}
        </Space>
      }
    >
      {approve.error && <ErrorAlert error={approve.error} />}
      {run && (
        <Space direction="vertical" size={12} style={{ width: '100%' }}>
          <Descriptions size="small" column={1}>
            <Descriptions.Item label={t('period')}>
              {run.period} ({run.start} – {run.end}) ·{' '}
              {t('runMeta', {
                asOf: run.asOf,
                plan: run.planVersion,
                by: run.createdBy,
                at: formatTimestamp(run.createdAt),
              })}
            </Descriptions.Item>
            <Descriptions.Item label={t('pendingUnits')}>
              <span data-testid="pending-units">
                {pending.length === 0 ? t('noPending') : pending.map(unitName).join(t('listSeparator'))}
              </span>
            </Descriptions.Item>
          </Descriptions>
          <Table<CloseLine>
            data-testid="pay-people"
            rowKey="id"
            size="small"
            columns={columns}
            dataSource={people as CloseLine[]}
            pagination={{ pageSize: 20, showSizeChanger: false }}
            scroll={{ x: true }}
          />
          <RunChanges
            id={run.id}
            names={{
              person: (person) => names.data?.people.get(person),
              unit: (unit) => names.data?.units.get(unit),
            }}
          />
        </Space>
      )}
    </Card>
  );
}
