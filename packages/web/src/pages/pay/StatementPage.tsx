import { useQuery } from '@tanstack/react-query';
import { Button, Card, Col, List, Row, Space, Statistic, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams, useSearchParams } from 'react-router';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { formatMoney } from '../../format.ts';
import { EventsTable } from './EventsTable.tsx';
import { NAMESPACE } from './messages.ts';
import { fetchStatement, type PayLine, type Statement } from './payApi.ts';
import { STATE_COLORS } from './stateColors.ts';
import { WhatIf } from './WhatIf.tsx';

const Lines = ({ lines }: { lines: readonly string[] }) => (
  <Space direction="vertical" size={0}>
    {lines.map((line) => (
      <Typography.Text key={line} type="secondary" style={{ fontSize: 12 }}>
        {line}
      </Typography.Text>
    ))}
  </Space>
);

const showValue = (value: string | number | null) =>
  value === null ? '—' : typeof value === 'number' ? String(Math.round(value * 10_000) / 10_000) : value;

function PayLineCard({ line, statement }: { line: PayLine; statement: Statement }) {
  const { t } = useTranslation(NAMESPACE);
  const [open, setOpen] = useState(false);
  return (
    <Card
      size="small"
      data-testid={`pay-line-${line.component}`}
      title={`${t(`components.${line.component}`, { defaultValue: line.component })} · ${line.type}`}
      extra={<Typography.Text strong>{formatMoney(line.amount)}</Typography.Text>}
    >
      <Lines lines={line.lines} />
      {line.events && (
        <div style={{ marginTop: 8 }}>
          <Button size="small" onClick={() => setOpen((v) => !v)} aria-expanded={open}>
            {open
              ? t('hideEvents')
              : line.eventCount !== null
                ? t('showEvents', { count: line.eventCount })
                : t('showEventsNoCount')}
          </Button>
          {open && (
            <div style={{ marginTop: 8 }}>
              <EventsTable
                personId={statement.person.id}
                component={line.component}
                closeId={statement.close.id}
              />
            </div>
          )}
        </div>
      )}
    </Card>
  );
}

/** 我的薪酬: one person's statement of a stored close, its drill-downs and a what-if estimate. */
export default function StatementPage() {
  const { t } = useTranslation(NAMESPACE);
  const { personId = '' } = useParams();
  const [params] = useSearchParams();
  const closeId = Number(params.get('closeId')) || undefined;
  const statement = useQuery({
    queryKey: ['pay', 'statement', personId, closeId],
    queryFn: () => fetchStatement(personId, closeId),
  });
  if (statement.error) return <ErrorAlert error={statement.error} />;
  const s = statement.data;
  if (!s) return <Card loading />;
  const since = s.sincePrevious;

  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }}>
      <div>
        <Typography.Title level={3} style={{ margin: 0 }} data-testid="statement-title">
          {t('statementOf', { name: s.person.name })}
        </Typography.Title>
        <Space>
          <Typography.Text type="secondary">
            {s.person.id} · {s.person.unitName} · {t('closeOf', { period: s.close.period, id: s.close.id })}
          </Typography.Text>
          <Tag color={STATE_COLORS[s.close.state]}>{t(`states.${s.close.state}`)}</Tag>
        </Space>
      </div>
      <Row gutter={[16, 16]}>
        {[
          { title: t('total'), value: formatMoney(s.totalPay), id: 'statement-total' },
          { title: t('score'), value: s.score.toFixed(1) },
          { title: t('grade'), value: s.grade },
          { title: t('rankInUnit'), value: String(s.rankInUnit) },
        ].map((card) => (
          <Col xs={12} md={6} key={card.title}>
            <Card size="small" data-testid={card.id}>
              <Statistic title={card.title} value={card.value} />
            </Card>
          </Col>
        ))}
      </Row>
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={14}>
          <Space direction="vertical" size={16} style={{ width: '100%' }}>
            <Card title={t('payLines')} size="small">
              <Space direction="vertical" size={12} style={{ width: '100%' }}>
                {s.pay.map((line) => (
                  <PayLineCard key={line.component} line={line} statement={s} />
                ))}
              </Space>
            </Card>
            <Card title={t('items')} size="small">
              <Table
                rowKey="metric"
                size="small"
                pagination={false}
                dataSource={s.items as Statement['items'][number][]}
                expandable={{ expandedRowRender: (item) => <Lines lines={item.explanation?.lines ?? []} /> }}
                columns={[
                  {
                    title: t('metric'),
                    dataIndex: 'metric',
                    render: (m: string) => t(`metrics.${m}`, { defaultValue: m }),
                  },
                  { title: t('actual'), dataIndex: 'actual', align: 'right', render: showValue },
                  { title: t('goal'), dataIndex: 'goal', align: 'right', render: showValue },
                  {
                    title: t('score'),
                    dataIndex: 'score',
                    align: 'right',
                    render: (v: number) => v.toFixed(1),
                  },
                ]}
              />
              <div style={{ marginTop: 8 }}>
                <Lines lines={[...s.scoreLines, ...s.rankLines]} />
              </div>
            </Card>
          </Space>
        </Col>
        <Col xs={24} xl={10}>
          <Space direction="vertical" size={16} style={{ width: '100%' }}>
            <WhatIf personId={s.person.id} closeId={s.close.id} totalPay={s.totalPay} />
            <Card title={t('since')} size="small" data-testid="since-previous">
              {since.previousId === null ? (
                <Typography.Text type="secondary">{t('noPrevious')}</Typography.Text>
              ) : since.change === null ? (
                <Typography.Text type="secondary">{t('noChange')}</Typography.Text>
              ) : (
                <List
                  size="small"
                  header={`${t('changed', { id: since.previousId })} ${formatMoney(since.change.totalPayDelta)}`}
                  dataSource={since.change.lines as string[]}
                  renderItem={(line) => <List.Item>{line}</List.Item>}
                />
              )}
            </Card>
            <Card title={t('promotion')} size="small">
              <Tag color={s.promotionEligible ? 'success' : 'default'}>
                {s.promotionEligible ? t('eligible') : t('notEligible')}
              </Tag>
              <div style={{ marginTop: 8 }}>
                <Lines lines={s.promotionLines} />
              </div>
            </Card>
          </Space>
        </Col>
      </Row>
    </Space>
  );
}
