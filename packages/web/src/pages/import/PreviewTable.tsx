import { Alert, Space, Table, Tag, Tooltip, Typography } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useTranslation } from 'react-i18next';
import type { EntityMeta, ImportPreview } from '../../api/types.ts';
import { labelOf } from '../../i18n/labels.ts';
import { translateServerMessage } from '../../i18n/serverMessages.ts';

type PreviewRow = { key: number; cells: string[] };

/** The first rows of the file as the server read them, each header shown with the field it maps to. */
export function PreviewTable({ preview, meta }: { preview: ImportPreview; meta: EntityMeta | undefined }) {
  const { t, i18n } = useTranslation();
  const fieldLabel = (column: string) => {
    const spec = meta?.columns.find((item) => item.name === column);
    return spec ? `${labelOf(spec, i18n.language)} (${column})` : column;
  };
  const columns: ColumnsType<PreviewRow> = preview.columns.map((column, index) => ({
    key: String(index),
    title: (
      <Space orientation="vertical" size={0}>
        <span>{column.header}</span>
        {column.column ? (
          <Tag color="blue" bordered={false}>
            → {fieldLabel(column.column)}
          </Tag>
        ) : (
          <Tooltip title={t('import.unknownColumn')}>
            <Tag color="warning" bordered={false} data-testid="unknown-column">
              ? {t('import.unknownColumn')}
            </Tag>
          </Tooltip>
        )}
      </Space>
    ),
    render: (_: unknown, row: PreviewRow) => row.cells[index] ?? '',
  }));
  const rows = preview.rows.map((cells, index) => ({ key: index, cells }));
  return (
    <Space orientation="vertical" style={{ width: '100%' }}>
      <Typography.Text type="secondary">
        {t('import.previewTitle', { count: rows.length })}
        {preview.encoding &&
          ` · ${t('import.detectedEncoding', { encoding: preview.encoding.toUpperCase() })}`}
      </Typography.Text>
      {preview.warnings.length > 0 && (
        <Alert
          type="warning"
          showIcon
          title={t('import.warnings')}
          description={
            <ul style={{ margin: 0, paddingInlineStart: 20 }}>
              {preview.warnings.map((warning) => (
                <li key={warning}>{translateServerMessage(warning, i18n.language)}</li>
              ))}
            </ul>
          }
        />
      )}
      <Table<PreviewRow>
        data-testid="preview-table"
        size="small"
        bordered
        columns={columns}
        dataSource={rows}
        pagination={false}
        scroll={{ x: 'max-content' }}
      />
    </Space>
  );
}
