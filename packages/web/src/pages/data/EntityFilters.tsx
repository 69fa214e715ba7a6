import { DatePicker, Input, Select, Space } from 'antd';
import dayjs from 'dayjs';
import { useTranslation } from 'react-i18next';
import type { RowsQuery } from '../../api/data.ts';
import type { EntityMeta } from '../../api/types.ts';
import { enumLabel, labelOf } from '../../i18n/labels.ts';
import { dateFilterOf } from './entityColumns.tsx';

const DATE_FORMAT = 'YYYY-MM-DD';

interface Props {
  readonly meta: EntityMeta;
  readonly query: RowsQuery;
  readonly onSearch: (q: string) => void;
  readonly onDates: (from: string | undefined, to: string | undefined) => void;
  readonly onFilter: (column: string, value: string | undefined) => void;
}

/** Search box, date range (dated entities) and one select per enum or yes/no column. */
export function EntityFilters({ meta, query, onSearch, onDates, onFilter }: Props) {
  const { t, i18n } = useTranslation();
  const dateFilter = dateFilterOf(meta);
  const selectable = meta.columns.filter((column) => column.type === 'enum' || column.type === 'boolean');
  return (
    <Space wrap size="middle">
      <Input.Search
        key={`${meta.name}-${query.q ?? ''}`}
        allowClear
        defaultValue={query.q}
        placeholder={t('data.searchPlaceholder')}
        aria-label={t('common.search')}
        onSearch={(value) => onSearch(value.trim())}
        style={{ width: 240 }}
      />
      {dateFilter && (
        <Space size={4}>
          <span>{dateFilter.column ? labelOf(dateFilter.column, i18n.language) : t('data.orderDate')}</span>
          <DatePicker.RangePicker
            aria-label={t('data.dateRange')}
            placeholder={[t('data.startDate'), t('data.endDate')]}
            value={[query.from ? dayjs(query.from) : null, query.to ? dayjs(query.to) : null]}
            allowEmpty={[true, true]}
            onChange={(range) => onDates(range?.[0]?.format(DATE_FORMAT), range?.[1]?.format(DATE_FORMAT))}
          />
        </Space>
      )}
      {selectable.map((column) => {
        const label = labelOf(column, i18n.language);
        const values = column.type === 'boolean' ? ['true', 'false'] : (column.values ?? []);
        return (
          <Select
            key={column.name}
            allowClear
            aria-label={t('data.filterBy', { column: label })}
            placeholder={t('data.filterBy', { column: label })}
            value={query.filters?.[column.name]}
            onChange={(value?: string) => onFilter(column.name, value)}
            style={{ minWidth: 160 }}
            options={values.map((value) => ({
              value,
              label:
                column.type === 'boolean'
                  ? t(value === 'true' ? 'common.yes' : 'common.no')
                  : enumLabel(t, column.name, value),
            }))}
          />
        );
      })}
    </Space>
  );
}
