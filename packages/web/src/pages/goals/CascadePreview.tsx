import { Alert, Space, Table, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { CascadePart, CascadeResult } from './goalsApi.ts';
import { formatGoal, isGap } from './goalValues.ts';
import { NAMESPACE } from './messages.ts';

/** The parts a cascade would write (or wrote), with their sum and the gap to the parent. */
export function CascadePreview({
  result,
  metric,
  language,
}: {
  result: CascadeResult;
  metric: string;
  language: string;
}) {
  const { t } = useTranslation(NAMESPACE);
  const show = (value: string | null) => formatGoal(metric, value, language, true) || '—';
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      {result.fellBackToEqual && <Alert type="warning" showIcon title={t('cascade.fellBack')} />}
      <Table<CascadePart>
        data-testid="cascade-preview"
        size="small"
        rowKey={(part) => `${part.scope}|${part.period}`}
        pagination={false}
        dataSource={result.parts}
        columns={[
          { title: t('cascade.target'), dataIndex: 'name' },
          { title: t('cascade.previous'), dataIndex: 'previous', align: 'right', render: show },
          {
            title: t('cascade.basis'),
            dataIndex: 'basis',
            align: 'right',
            render: (v: string | null) => v ?? '—',
          },
          { title: t('cascade.part'), dataIndex: 'value', align: 'right', render: show },
        ]}
      />
      <Space size="large" data-testid="cascade-totals">
        <Typography.Text>{t('cascade.parent', { value: show(result.parent.value) })}</Typography.Text>
        {result.sum !== null && (
          <Typography.Text strong>{t('cascade.sum', { sum: show(result.sum) })}</Typography.Text>
        )}
        {result.gap !== null && (
          <Typography.Text type={isGap(result.gap) ? 'warning' : 'success'}>
            {t('cascade.gapLine', { gap: show(result.gap) })}
          </Typography.Text>
        )}
      </Space>
    </Space>
  );
}
