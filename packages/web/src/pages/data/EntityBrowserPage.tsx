import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { Card, Empty, Table, Typography } from 'antd';
import type { SorterResult } from 'antd/es/table/interface';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { fetchEntityRows } from '../../api/data.ts';
import type { EntityRow } from '../../api/types.ts';
import { useEntities } from '../../api/useEntities.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { FullPageSpin } from '../../components/FullPageSpin.tsx';
import { labelOf } from '../../i18n/labels.ts';
import { useSession } from '../../session/useSession.ts';
import { PersonDrawer } from '../org/PersonDrawer.tsx';
import { EntityFilters } from './EntityFilters.tsx';
import { columnsOf, effectiveSortOf, rowKeyOf } from './entityColumns.tsx';
import { useBrowserParams } from './useBrowserParams.ts';

/** A browser for any entity, built from the server's metadata: paging, sorting and filters on the server. */
export default function EntityBrowserPage() {
  const { entity = '' } = useParams();
  const { t, i18n } = useTranslation();
  const { access } = useSession();
  const entities = useEntities();
  const { query, update, setFilter } = useBrowserParams();
  const meta = entities.data?.find((item) => item.name === entity);
  const [personId, setPersonId] = useState<string | null>(null);
  const rows = useQuery({
    queryKey: ['rows', entity, query],
    queryFn: () => fetchEntityRows(entity, query),
    enabled: meta !== undefined,
    placeholderData: keepPreviousData,
  });

  if (entities.isPending) return <FullPageSpin />;
  if (entities.error) return <ErrorAlert error={entities.error} onRetry={() => void entities.refetch()} />;
  if (!meta) return <Empty description={t('data.unknownEntity')} />;

  const title = labelOf(meta, i18n.language);
  const onSort = (sorter: SorterResult<EntityRow> | SorterResult<EntityRow>[]) => {
    const one = Array.isArray(sorter) ? sorter[0] : sorter;
    const order = one?.order === 'ascend' ? 'asc' : one?.order === 'descend' ? 'desc' : undefined;
    return { sort: order ? String(one?.columnKey ?? one?.field) : undefined, order };
  };
  const empty = (
    <Empty
      description={
        <span>
          {t('data.emptyHint')}{' '}
          {access.canImport && <Link to={`/import?entity=${meta.name}`}>{t('data.importHint')}</Link>}
        </span>
      }
    />
  );

  return (
    <Card
      title={
        <Typography.Title level={4} style={{ margin: 0 }}>
          {title}
        </Typography.Title>
      }
    >
      <div style={{ marginBottom: 16 }}>
        <EntityFilters
          meta={meta}
          query={query}
          onSearch={(q) => update({ q })}
          onDates={(from, to) => update({ from, to })}
          onFilter={setFilter}
        />
      </div>
      {rows.error && <ErrorAlert error={rows.error} onRetry={() => void rows.refetch()} />}
      <Table<EntityRow>
        data-testid="entity-table"
        size="middle"
        rowKey={rowKeyOf(meta)}
        columns={columnsOf(
          meta,
          effectiveSortOf(meta, query),
          t,
          i18n.language,
          rows.data?.names,
          setPersonId,
        )}
        dataSource={rows.data?.rows ?? []}
        loading={rows.isFetching}
        locale={{ emptyText: rows.isPending ? ' ' : empty }}
        scroll={{ x: 'max-content' }}
        pagination={{
          current: query.page,
          pageSize: query.pageSize,
          total: rows.data?.total ?? 0,
          showSizeChanger: true,
          pageSizeOptions: [20, 50, 100, 200],
          showTotal: (total) => t('common.total', { count: total }),
        }}
        onChange={(pagination, _filters, sorter, extra) => {
          if (extra.action === 'sort') update(onSort(sorter));
          else update({ page: pagination.current, pageSize: pagination.pageSize });
        }}
      />
      <PersonDrawer personId={personId} onClose={() => setPersonId(null)} />
    </Card>
  );
}
