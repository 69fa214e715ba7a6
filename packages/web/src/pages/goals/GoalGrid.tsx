import { ApartmentOutlined } from '@ant-design/icons';
import { Button, Table, type TableColumnsType, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { GoalCell } from './GoalCell.tsx';
import type { Grid, GridRow, Lock } from './goalsApi.ts';
import { lockOf, periodLabel } from './goalValues.ts';
import { NAMESPACE } from './messages.ts';

interface Props {
  readonly grid: Grid | undefined;
  readonly loading: boolean;
  readonly locks: readonly Lock[];
  readonly language: string;
  readonly onOpenCell: (row: GridRow, period: string) => void;
  readonly onCascade: (row: GridRow) => void;
}

/** Rows whose children the actor may write: the parent itself need not be writable (docs/goals.md, cascade). */
export function cascadable(row: GridRow, rows: readonly GridRow[]): boolean {
  return row.kind === 'unit' && (row.editable || rows.some((r) => r.parentId === row.id && r.editable));
}

/** The goal grid: units and people indented by depth, 12 months, 4 quarters and the year. */
export function GoalGrid({ grid, loading, locks, language, onOpenCell, onCascade }: Props) {
  const { t } = useTranslation(NAMESPACE);
  const rows = grid?.rows ?? [];
  const metric = grid?.metric ?? 'revenue';
  const columns: TableColumnsType<GridRow> = [
    {
      title: t('grid.name'),
      key: 'name',
      fixed: 'left',
      width: 200,
      render: (_, row) => (
        <Typography.Text
          strong={row.kind === 'unit'}
          style={{ paddingLeft: row.depth * 16, whiteSpace: 'nowrap' }}
          title={row.id}
        >
          {row.name}
        </Typography.Text>
      ),
    },
    ...(grid?.columns ?? []).map((column) => ({
      title: periodLabel(column.period, language, t('grid.year')),
      key: column.period,
      width: column.kind === 'month' ? 96 : 108,
      align: 'right' as const,
      onHeaderCell: () => ({ style: column.kind === 'month' ? {} : { background: '#f0f5ff' } }),
      onCell: () => ({ style: column.kind === 'month' ? {} : { background: '#f9fbff' } }),
      render: (_: unknown, row: GridRow) => (
        <GoalCell
          testId={`cell-${row.id}-${column.period}`}
          cell={row.cells[column.period]}
          metric={metric}
          language={language}
          locked={!!lockOf(column.period, locks)}
          t={t}
          onOpen={row.editable || row.canPropose ? () => onOpenCell(row, column.period) : undefined}
        />
      ),
    })),
  ];
  if (rows.some((row) => cascadable(row, rows)))
    columns.push({
      title: t('grid.actions'),
      key: 'actions',
      fixed: 'right',
      width: 88,
      render: (_, row) =>
        cascadable(row, rows) && (
          <Button size="small" icon={<ApartmentOutlined />} onClick={() => onCascade(row)}>
            {t('grid.cascade')}
          </Button>
        ),
    });
  return (
    <Table<GridRow>
      data-testid="goal-grid"
      rowKey="id"
      size="small"
      bordered
      loading={loading}
      columns={columns}
      dataSource={rows}
      pagination={false}
      scroll={{ x: 'max-content', y: 'calc(100vh - 320px)' }}
      rowClassName={(row) => `goal-row-${row.kind}`}
      onRow={(row) => ({ 'data-row-id': row.id }) as React.HTMLAttributes<HTMLElement>}
    />
  );
}
