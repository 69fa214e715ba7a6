import { Tag, Typography } from 'antd';
import type { ColumnsType, SortOrder } from 'antd/es/table/interface';
import type { TFunction } from 'i18next';
import type { Cell, EntityColumn, EntityMeta, EntityRow, ReferenceNames } from '../../api/types.ts';
import { LinkButton } from '../../components/LinkButton.tsx';
import { formatDecimal, formatMoney } from '../../format.ts';
import { enumLabel, labelOf } from '../../i18n/labels.ts';

const NUMERIC_TYPES = new Set(['money', 'share', 'decimal', 'integer']);

/** One cell as a user reads it: ¥ money, 是/否, translated enum values, a dash for nothing. */
export function renderCell(column: EntityColumn, value: Cell, t: TFunction) {
  if (value === null || value === undefined || value === '')
    return <Typography.Text type="secondary">—</Typography.Text>;
  switch (column.type) {
    case 'money':
      return formatMoney(String(value));
    case 'decimal':
    case 'integer':
      return formatDecimal(value as string | number);
    case 'boolean':
      return value === true || value === 'true' ? (
        <Tag color="green">{t('common.yes')}</Tag>
      ) : (
        <Tag>{t('common.no')}</Tag>
      );
    case 'enum':
      return enumLabel(t, column.name, String(value));
    default:
      return String(value);
  }
}

/** A reference as people read it: the name, then the id in grey (the id alone without a name). */
function Reference({ id, name }: { id: string; name: string | undefined }) {
  if (name === undefined) return <>{id}</>;
  return (
    <span>
      {name} <Typography.Text type="secondary">{id}</Typography.Text>
    </span>
  );
}

/**
 * The antd columns of an entity, labelled in the current language, all sortable on the server.
 * A column referring to a named entity shows the name beside the id (`names`, from the page).
 */
export function columnsOf(
  meta: EntityMeta,
  sort: { column?: string; order?: 'asc' | 'desc' },
  t: TFunction,
  language: string,
  names: ReferenceNames = {},
  onPerson?: (personId: string) => void,
): ColumnsType<EntityRow> {
  return meta.columns.map((column) => {
    const isPerson = column.references === 'people' || (meta.name === 'people' && column.name === 'id');
    const sortOrder: SortOrder =
      sort.column === column.name ? (sort.order === 'desc' ? 'descend' : 'ascend') : null;
    return {
      key: column.name,
      dataIndex: column.name,
      title: labelOf(column, language),
      sorter: true,
      sortOrder,
      // Never back to "unsorted": that would silently mean the server's default order.
      sortDirections: ['ascend', 'descend', 'ascend'],
      align: NUMERIC_TYPES.has(column.type) ? 'right' : 'left',
      ellipsis: column.type === 'text',
      render: (value: Cell) => {
        const isReference = column.references !== undefined;
        if ((!isReference && !isPerson) || typeof value !== 'string' || value === '')
          return renderCell(column, value, t);
        const name = column.references ? names[column.references]?.[value] : undefined;
        const shown = isReference ? <Reference id={value} name={name} /> : value;
        return isPerson && onPerson ? (
          <LinkButton onClick={() => onPerson(value)}>{shown}</LinkButton>
        ) : (
          shown
        );
      },
    };
  });
}

/**
 * The order the rows are really in: the one asked for, else the server's default (browse
 * repository: the entity's defaultSort, newest first for dated entities), so the header shows it.
 */
export function effectiveSortOf(
  meta: EntityMeta,
  query: { sort?: string; order?: 'asc' | 'desc' },
): { column?: string; order?: 'asc' | 'desc' } {
  const column = query.sort ?? meta.defaultSort;
  const byDefault = column === meta.defaultSort && dateFilterOf(meta) !== undefined ? 'desc' : 'asc';
  return { column, order: query.order ?? byDefault };
}

/** A stable key for a row: its id, else its key columns joined. */
export const rowKeyOf = (meta: EntityMeta) => (row: EntityRow) =>
  row.id !== undefined && row.id !== null
    ? String(row.id)
    : meta.columns
        .filter((column) => column.required)
        .map((column) => String(row[column.name] ?? ''))
        .join('|');

/** Entities whose `from`/`to` filter on their order's date (server browse.repository dateColumnOf). */
const FILTERED_BY_ORDER_DATE = new Set(['order_credits']);

/**
 * What `from`/`to` filter on, as the server decides it: the entity's first required date
 * (not a hire date; a payment's own date), or the order's date for credits; undefined: no date filter.
 */
export function dateFilterOf(meta: EntityMeta): { column: EntityColumn | null } | undefined {
  if (FILTERED_BY_ORDER_DATE.has(meta.name)) return { column: null };
  const own = meta.columns.find(
    (column) => column.type === 'date' && column.required && column.name !== 'hire_date',
  );
  return own ? { column: own } : undefined;
}
