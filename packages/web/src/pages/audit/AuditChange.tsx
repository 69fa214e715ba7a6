import { Col, Row, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { AuditRow } from '../../api/types.ts';

const pretty = (value: unknown) => JSON.stringify(value, null, 2);

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
        {value === null || value === undefined ? t('audit.none') : pretty(value)}
      </pre>
    </div>
  );
}

/** An audit entry's change: before → after, and the detail when there is one. */
export function AuditChange({ row }: { row: AuditRow }) {
  const { t } = useTranslation();
  return (
    <Row gutter={16}>
      <Col span={row.detail == null ? 12 : 8}>
        <JsonBlock title={t('audit.before')} value={row.before} />
      </Col>
      <Col span={row.detail == null ? 12 : 8}>
        <JsonBlock title={`→ ${t('audit.after')}`} value={row.after} />
      </Col>
      {row.detail != null && (
        <Col span={8}>
          <JsonBlock title={t('audit.detail')} value={row.detail} />
        </Col>
      )}
    </Row>
  );
}
