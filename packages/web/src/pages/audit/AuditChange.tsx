import { Col, Row, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { AuditRow } from '../../api/types.ts';

const isEmpty = (value: unknown) => value === null || value === undefined;

function JsonBlock({ title, value }: { title: string; value: unknown }) {
  const { t } = useTranslation();
  return (
    <div>
      <Typography.Text strong>{title}</Typography.Text>
      <pre
        style={{
          background: 'rgba(0,0,0,0.03)',
          padding: 8,
          borderRadius: 6,
          maxHeight: 320,
          overflow: 'auto',
          margin: '4px 0 0',
        }}
      >
        {isEmpty(value) ? t('audit.none') : JSON.stringify(value, null, 2)}
      </pre>
    </div>
  );
}

/** An audit entry's change: before → after (when the entry has them) and its detail. */
export function AuditChange({ row }: { row: AuditRow }) {
  const { t } = useTranslation();
  const blocks: { key: string; title: string; value: unknown }[] = [];
  if (!isEmpty(row.before) || !isEmpty(row.after)) {
    blocks.push({ key: 'before', title: t('audit.before'), value: row.before });
    blocks.push({ key: 'after', title: `→ ${t('audit.after')}`, value: row.after });
  }
  if (!isEmpty(row.detail) || blocks.length === 0)
    blocks.push({ key: 'detail', title: t('audit.detail'), value: row.detail });
  return (
    <Row gutter={16}>
      {blocks.map((block) => (
        <Col key={block.key} span={24 / blocks.length}>
          <JsonBlock title={block.title} value={block.value} />
        </Col>
      ))}
    </Row>
  );
}
