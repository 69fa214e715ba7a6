/** Every applied version: who, when, why; one version's YAML and its changes against another. */
import { useQuery } from '@tanstack/react-query';
import { Card, Col, Empty, List, Row, Select, Space, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { formatTimestamp } from '../../format.ts';
import { NAMESPACE } from './messages.ts';
import { fetchDiff, fetchVersion, type PlanVersionSummary } from './plansApi.ts';

const KIND_COLORS = { added: 'green', removed: 'red', changed: 'blue' } as const;

function VersionDetail({ version, versions }: { version: number; versions: readonly PlanVersionSummary[] }) {
  const { t } = useTranslation(NAMESPACE);
  const [against, setAgainst] = useState<number | null>(null);
  const base = against ?? (version > 1 ? version - 1 : null);
  const detail = useQuery({ queryKey: ['plans', 'version', version], queryFn: () => fetchVersion(version) });
  const diff = useQuery({
    queryKey: ['plans', 'diff', version, base],
    queryFn: () => fetchDiff(version, base as number),
    enabled: base !== null,
  });
  if (detail.error) return <ErrorAlert error={detail.error} />;
  return (
    <Row gutter={[16, 16]}>
      <Col xs={24} xl={12}>
        <Card
          size="small"
          title={t('compareWith')}
          extra={
            <Select
              aria-label={t('compareWith')}
              size="small"
              style={{ width: 140 }}
              value={base ?? undefined}
              onChange={(value: number) => setAgainst(value)}
              options={versions
                .filter((v) => v.version !== version)
                .map((v) => ({ value: v.version, label: t('versionN', { version: v.version }) }))}
            />
          }
          data-testid="plan-diff"
        >
          {base === null ? (
            <Typography.Text type="secondary">{t('firstVersion')}</Typography.Text>
          ) : diff.error ? (
            <ErrorAlert error={diff.error} />
          ) : (
            <List
              size="small"
              loading={diff.isLoading}
              dataSource={diff.data?.changes ?? []}
              locale={{ emptyText: t('noChanges') }}
              renderItem={(change) => (
                <List.Item>
                  <Space align="start">
                    <Tag color={KIND_COLORS[change.kind]}>{change.kind}</Tag>
                    <Typography.Text code style={{ fontSize: 12, whiteSpace: 'pre-wrap' }}>
                      {change.line}
                    </Typography.Text>
                  </Space>
                </List.Item>
              )}
            />
          )}
        </Card>
      </Col>
      <Col xs={24} xl={12}>
        <Card size="small" title={`${t('yaml')} · ${t('versionN', { version })}`} loading={detail.isLoading}>
          <pre
            data-testid="plan-version-yaml"
            style={{ margin: 0, fontSize: 12, maxHeight: 560, overflow: 'auto' }}
          >
            {detail.data?.yaml}
          </pre>
        </Card>
      </Col>
    </Row>
  );
}

export function VersionsPanel({
  versions,
  loading,
}: {
  versions: readonly PlanVersionSummary[];
  loading: boolean;
}) {
  const { t } = useTranslation(NAMESPACE);
  const [selected, setSelected] = useState<number | null>(null);
  const shown = selected ?? versions[0]?.version ?? null;
  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }}>
      <Table
        data-testid="plan-versions"
        size="small"
        rowKey="version"
        loading={loading}
        dataSource={[...versions]}
        pagination={{ pageSize: 10, size: 'small', hideOnSinglePage: true }}
        locale={{ emptyText: <Empty description={t('noVersions')} /> }}
        onRow={(row) => ({ onClick: () => setSelected(row.version), style: { cursor: 'pointer' } })}
        rowClassName={(row) => (row.version === shown ? 'ant-table-row-selected' : '')}
        columns={[
          {
            title: t('version'),
            dataIndex: 'version',
            width: 90,
            render: (v: number) => t('versionN', { version: v }),
          },
          { title: t('appliedBy'), dataIndex: 'appliedBy', width: 140 },
          {
            title: t('appliedAt'),
            dataIndex: 'appliedAt',
            width: 200,
            render: (at: string) => formatTimestamp(at),
          },
          { title: t('note'), dataIndex: 'note', render: (note: string | null) => note ?? '—' },
        ]}
      />
      {shown !== null && <VersionDetail key={shown} version={shown} versions={versions} />}
    </Space>
  );
}
