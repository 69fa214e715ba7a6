import { Alert, Card, Col, Row, Space, Statistic, Table } from 'antd';
import type { ColumnsType } from 'antd/es/table';
import { useTranslation } from 'react-i18next';
import type { EntityMeta, ImportReport, ImportRowError } from '../../api/types.ts';
import { labelOf } from '../../i18n/labels.ts';
import { translateServerMessage } from '../../i18n/serverMessages.ts';

/** What an import did: the counts when it succeeded, else every bad row and the promise that nothing was written. */
export function ImportResult({
  report,
  meta,
  shownWarnings = [],
}: {
  report: ImportReport;
  meta: EntityMeta | undefined;
  /** Warnings the preview already showed: not repeated. */
  shownWarnings?: readonly string[];
}) {
  const { t, i18n } = useTranslation();
  const warnings = report.warnings.filter((warning) => !shownWarnings.includes(warning));
  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }} data-testid="import-result">
      {report.ok ? <Success report={report} /> : <Failure report={report} meta={meta} />}
      {warnings.length > 0 && (
        <Alert
          type="warning"
          showIcon
          title={t('import.warnings')}
          description={
            <ul style={{ margin: 0, paddingInlineStart: 20 }}>
              {warnings.map((warning) => (
                <li key={warning}>{translateServerMessage(warning, i18n.language)}</li>
              ))}
            </ul>
          }
        />
      )}
    </Space>
  );
}

function Success({ report }: { report: ImportReport }) {
  const { t } = useTranslation();
  const stats = [
    { key: 'rows', value: report.rows },
    { key: 'inserted', value: report.inserted },
    { key: 'updated', value: report.updated },
    { key: 'unchanged', value: report.unchanged },
  ] as const;
  return (
    <>
      <Alert
        type="success"
        showIcon
        title={report.dryRun ? t('import.resultDryOk') : t('import.resultOk')}
        description={report.dryRun ? t('import.resultDryHint') : undefined}
      />
      <Row gutter={16}>
        {stats.map((stat) => (
          <Col key={stat.key} xs={12} md={6}>
            <Card size="small" data-testid={`stat-${stat.key}`}>
              <Statistic title={t(`import.${stat.key}`)} value={stat.value} />
            </Card>
          </Col>
        ))}
      </Row>
    </>
  );
}

type KeyedError = ImportRowError & { key: number };

function Failure({ report, meta }: { report: ImportReport; meta: EntityMeta | undefined }) {
  const { t, i18n } = useTranslation();
  const columnLabel = (name: string | null) => {
    if (!name) return '—';
    const spec = meta?.columns.find((column) => column.name === name);
    return spec ? `${labelOf(spec, i18n.language)} (${name})` : name;
  };
  const columns: ColumnsType<KeyedError> = [
    { key: 'row', dataIndex: 'row', title: t('import.errorColumns.row'), width: 90 },
    { key: 'column', dataIndex: 'column', title: t('import.errorColumns.column'), render: columnLabel },
    {
      key: 'value',
      dataIndex: 'value',
      title: t('import.errorColumns.value'),
      render: (value: string | null) => (value === null || value === '' ? '—' : value),
    },
    {
      key: 'reason',
      dataIndex: 'reason',
      title: t('import.errorColumns.reason'),
      render: (reason: string) => translateServerMessage(reason, i18n.language),
    },
  ];
  return (
    <>
      <Alert
        type="error"
        showIcon
        title={t('import.resultFailed', { count: report.errors.length })}
        description={t('import.nothingWritten')}
      />
      <Table<KeyedError>
        data-testid="import-errors"
        size="small"
        rowKey="key"
        columns={columns}
        dataSource={report.errors.map((error, index) => ({ ...error, key: index }))}
        pagination={{ pageSize: 20, showSizeChanger: false, hideOnSinglePage: true }}
      />
    </>
  );
}
