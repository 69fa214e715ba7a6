import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Card, Input, Result, Select, Space, Table, Tag } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { fetchAudit } from '../../api/data.ts';
import type { AuditRow } from '../../api/types.ts';
import { useEntities } from '../../api/useEntities.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { formatTimestamp } from '../../format.ts';
import { labelOf } from '../../i18n/labels.ts';
import { useSession } from '../../session/useSession.ts';
import { AuditChange } from './AuditChange.tsx';

const PAGE_SIZE = 50;

/** Who changed what and when (admins only), newest first; each row opens to before → after. */
export default function AuditPage() {
  const { t, i18n } = useTranslation();
  const { access } = useSession();
  const entities = useEntities();
  const [page, setPage] = useState(1);
  const [entity, setEntity] = useState<string | undefined>();
  const [actor, setActor] = useState<string | undefined>();
  const audit = useQuery({
    queryKey: ['audit', page, entity, actor],
    queryFn: () => fetchAudit({ page, pageSize: PAGE_SIZE, entity, actor }),
    placeholderData: keepPreviousData,
    enabled: access.canSeeAudit,
  });
  if (!access.canSeeAudit) return <Result status="403" title={t('common.forbidden')} />;

  const entityLabel = (name: string) => {
    const meta = entities.data?.find((item) => item.name === name);
    return meta ? labelOf(meta, i18n.language) : t(`audit.entities.${name}`, { defaultValue: name });
  };
  const columns: ColumnsType<AuditRow> = [
    { key: 'seq', dataIndex: 'seq', title: t('audit.columns.seq'), width: 80 },
    { key: 'at', dataIndex: 'at', title: t('audit.columns.at'), width: 180, render: formatTimestamp },
    { key: 'actor', dataIndex: 'actor', title: t('audit.columns.actor') },
    {
      key: 'action',
      dataIndex: 'action',
      title: t('audit.columns.action'),
      render: (action: string) => <Tag>{t(`audit.actions.${action}`, { defaultValue: action })}</Tag>,
    },
    { key: 'entity', dataIndex: 'entity', title: t('audit.columns.entity'), render: entityLabel },
    {
      key: 'entityId',
      dataIndex: 'entityId',
      title: t('audit.columns.entityId'),
      render: (id: string | null) => id ?? '—',
    },
  ];
  return (
    <Card title={t('audit.title')}>
      <Space wrap style={{ marginBottom: 16 }}>
        <Select
          allowClear
          style={{ minWidth: 200 }}
          placeholder={t('audit.filterEntity')}
          aria-label={t('audit.filterEntity')}
          value={entity}
          onChange={(value?: string) => {
            setEntity(value);
            setPage(1);
          }}
          options={(entities.data ?? []).map((item) => ({
            value: item.name,
            label: labelOf(item, i18n.language),
          }))}
        />
        <Input.Search
          allowClear
          style={{ width: 220 }}
          placeholder={t('audit.filterActor')}
          aria-label={t('audit.filterActor')}
          onSearch={(value) => {
            setActor(value.trim() || undefined);
            setPage(1);
          }}
        />
      </Space>
      {audit.error && <ErrorAlert error={audit.error} onRetry={() => void audit.refetch()} />}
      <Table<AuditRow>
        size="middle"
        rowKey="seq"
        columns={columns}
        dataSource={audit.data?.rows ?? []}
        loading={audit.isFetching}
        expandable={{ expandedRowRender: (row) => <AuditChange row={row} /> }}
        pagination={{
          current: page,
          pageSize: PAGE_SIZE,
          total: audit.data?.total ?? 0,
          showSizeChanger: false,
          showTotal: (total) => t('common.total', { count: total }),
          onChange: setPage,
        }}
      />
    </Card>
  );
}
