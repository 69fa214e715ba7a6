import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Input, Table, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { fetchPeople } from '../../api/data.ts';
import type { OrgUnit, PersonRow } from '../../api/types.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { LinkButton } from '../../components/LinkButton.tsx';
import { roleLabel } from '../../i18n/labels.ts';

const PAGE_SIZE = 50;

/** The people of a unit and its sub-units; clicking one opens their detail. */
export function PeopleList({ unit, onOpen }: { unit: OrgUnit; onOpen: (person: PersonRow) => void }) {
  const { t } = useTranslation();
  const [page, setPage] = useState(1);
  const [q, setQ] = useState('');
  const people = useQuery({
    queryKey: ['people', unit.id, page, q],
    queryFn: () => fetchPeople({ unitId: unit.id, page, pageSize: PAGE_SIZE, q }),
    placeholderData: keepPreviousData,
  });
  const columns: ColumnsType<PersonRow> = [
    { key: 'id', dataIndex: 'id', title: t('org.columns.id'), width: 110 },
    {
      key: 'name',
      dataIndex: 'name',
      title: t('org.columns.name'),
      render: (name: string, person) => <LinkButton onClick={() => onOpen(person)}>{name}</LinkButton>,
    },
    { key: 'unit', dataIndex: 'unitName', title: t('org.columns.unit') },
    {
      key: 'role',
      dataIndex: 'role',
      title: t('org.columns.role'),
      render: (role: string) => roleLabel(t, role),
    },
    { key: 'title', dataIndex: 'title', title: t('org.columns.title') },
    { key: 'manager', dataIndex: 'managerName', title: t('org.columns.manager') },
    { key: 'hireDate', dataIndex: 'hireDate', title: t('org.columns.hireDate'), width: 120 },
  ];
  return (
    <div>
      <Typography.Title level={5} style={{ marginTop: 0 }}>
        {t('org.peopleOf', { unit: unit.name })}
      </Typography.Title>
      <Input.Search
        key={unit.id}
        allowClear
        placeholder={t('org.searchPeople')}
        onSearch={(value) => {
          setQ(value.trim());
          setPage(1);
        }}
        style={{ width: 280, marginBottom: 12 }}
      />
      {people.error && <ErrorAlert error={people.error} onRetry={() => void people.refetch()} />}
      <Table<PersonRow>
        data-testid="people-table"
        size="small"
        rowKey="id"
        columns={columns}
        dataSource={people.data?.rows ?? []}
        loading={people.isFetching}
        onRow={(person) => ({ onDoubleClick: () => onOpen(person) })}
        rowClassName={(person) => (person.leaveDate ? 'attain-row-left' : '')}
        pagination={{
          current: page,
          pageSize: PAGE_SIZE,
          total: people.data?.total ?? 0,
          showSizeChanger: false,
          showTotal: (total) => t('common.total', { count: total }),
          onChange: setPage,
        }}
      />
    </div>
  );
}
