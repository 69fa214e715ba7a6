import { useQuery } from '@tanstack/react-query';
import { Table, Tag } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { formatMoney } from '../../format.ts';
import { NAMESPACE } from './messages.ts';
import { fetchEvents, type PayEvent } from './payApi.ts';

const PAGE_SIZE = 20;

/** The orders and payments behind one pay line, paged on the server. */
export function EventsTable({
  personId,
  component,
  closeId,
}: {
  personId: string;
  component: string;
  closeId: number;
}) {
  const { t } = useTranslation(NAMESPACE);
  const [page, setPage] = useState(1);
  const events = useQuery({
    queryKey: ['pay', 'events', personId, component, closeId, page],
    queryFn: () => fetchEvents(personId, component, closeId, page, PAGE_SIZE),
    placeholderData: (previous) => previous,
  });
  const columns: ColumnsType<PayEvent> = [
    {
      title: t('events.kind'),
      dataIndex: 'kind',
      width: 80,
      render: (kind: string) => <Tag>{t(`events.${kind}`, { defaultValue: kind })}</Tag>,
    },
    {
      title: t('events.id'),
      dataIndex: 'id',
      render: (id: string) => <span style={{ whiteSpace: 'nowrap' }}>{id}</span>,
    },
    {
      title: t('events.date'),
      dataIndex: 'date',
      render: (d: string) => <span style={{ whiteSpace: 'nowrap' }}>{d}</span>,
    },
    { title: t('events.customer'), dataIndex: 'customerId' },
    { title: t('events.product'), dataIndex: 'productId' },
    { title: t('events.amount'), dataIndex: 'amount', align: 'right', render: (v: string) => formatMoney(v) },
    {
      title: t('events.credited'),
      dataIndex: 'credited',
      align: 'right',
      render: (v: string) => formatMoney(v),
    },
  ];
  if (events.error) return <ErrorAlert error={events.error} />;
  return (
    <Table<PayEvent>
      data-testid={`events-${component}`}
      rowKey={(row) => `${row.kind}-${row.id}`}
      size="small"
      loading={events.isFetching}
      columns={columns}
      dataSource={(events.data?.events ?? []) as PayEvent[]}
      pagination={{
        current: page,
        pageSize: PAGE_SIZE,
        total: events.data?.total ?? 0,
        showSizeChanger: false,
        onChange: setPage,
      }}
    />
  );
}
