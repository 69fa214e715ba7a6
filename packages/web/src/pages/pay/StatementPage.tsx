import { useQuery } from '@tanstack/react-query';
import { Button, Card, Col, List, Row, Space, Statistic, Table, Tag, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { useParams, useSearchParams } from 'react-router';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { formatMoney } from '../../format.ts';
import { MONEY_METRICS, RATE_METRICS } from '../../metricKinds.ts';
import { EventsTable } from './EventsTable.tsx';
import { ExplainLines, useExplainTexts } from './ExplainLines.tsx';
import { type ExplainNames, metricLabel, signedMoney, type Translate } from './explainFormat.ts';
import { NAMESPACE } from './messages.ts';
import { fetchStatement, type PayLine, type Statement, type Structured } from './payApi.ts';
import { STATE_COLORS } from './stateColors.ts';
import { WhatIf } from './WhatIf.tsx';

/** Lines of several figures shown together; structured only when every part has it. */
function joined(...parts: [readonly string[], Structured][]): [string[], Structured] {
  const lines = parts.flatMap(([l]) => l);
  const all = parts.every(([, st]) => Array.isArray(st));
  return [lines, all ? parts.flatMap(([, st]) => st ?? []) : null];
}

type Item = Statement['items'][number];

/** An item's actual or goal: money as ¥, rates as percentages, others as numbers (4 decimals at most). */
const showValue = (metric: string, value: string | number | null) => {
  if (value === null) return '—';
  const base = /^[a-z_]+/.exec(metric)?.[0] ?? metric;
  if (typeof value === 'string') return MONEY_METRICS.has(base) ? formatMoney(value) : value;
  if (RATE_METRICS.has(base) && metric === base) return `${(Math.round(value * 1000) / 10).toFixed(1)}%`;
  return String(Math.round(value * 10_000) / 10_000);
};

function PayLineCard({
  line,
  statement,
  names,
}: {
  line: PayLine;
  statement: Statement;
  names: ExplainNames;
}) {
  const { t } = useTranslation(NAMESPACE);
  const [open, setOpen] = useState(false);
  const component = t(`components.${line.component}`, { defaultValue: line.component });
  const type = t(`labels.componentTypes.${line.type}`, { defaultValue: line.type });
  return (
    <Card
      size="small"
      data-testid={`pay-line-${line.component}`}
      title={component.toLowerCase() === type.toLowerCase() ? component : `${component} · ${type}`}
      extra={<Typography.Text strong>{formatMoney(line.amount)}</Typography.Text>}
    >
      <ExplainLines
        lines={line.lines}
        structured={line.structured}
        names={names}
        testId={`pay-lines-${line.component}`}
      />
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
  const s0 = statement.data;
  // the statement knows the name of the person's own unit
  const names: ExplainNames = {
    unit: (id) => (s0 && id === s0.person.unitId ? s0.person.unitName : undefined),
  };
  const texts = useExplainTexts(names);
  if (statement.error) return <ErrorAlert error={statement.error} />;
  const s = statement.data;
  if (!s) return <Card loading />;
  const since = s.sincePrevious;
  const [scoreLines, scoreStructured] = joined(
    [s.scoreLines, s.scoreStructured],
    [s.rankLines, s.rankStructured],
  );

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
          { title: t('score'), value: s.score === null ? '—' : s.score.toFixed(1) },
          { title: t('grade'), value: s.grade ?? '—' },
          { title: t('rankInUnit'), value: s.rankInUnit === null ? '—' : String(s.rankInUnit) },
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
                  <PayLineCard key={line.component} line={line} statement={s} names={names} />
                ))}
              </Space>
            </Card>
            <Card title={t('items')} size="small">
              <Table<Item>
                rowKey="metric"
                size="small"
                pagination={false}
                dataSource={s.items as Item[]}
                expandable={{
                  expandedRowRender: (item) => (
                    <ExplainLines
                      lines={item.explanation?.lines ?? []}
                      structured={item.explanation?.structured}
                      names={names}
                    />
                  ),
                }}
                columns={[
                  {
                    title: t('metric'),
                    dataIndex: 'metric',
                    render: (m: string) => metricLabel(t as unknown as Translate, m),
                  },
                  {
                    title: t('actual'),
                    key: 'actual',
                    align: 'right',
                    render: (_, item) => showValue(item.metric, item.actual),
                  },
                  {
                    title: t('goal'),
                    key: 'goal',
                    align: 'right',
                    render: (_, item) => showValue(item.metric, item.goal),
                  },
                  {
                    title: t('score'),
                    key: 'score',
                    align: 'right',
                    render: (_, item) => (
                      <Space size={4}>
                        {item.flag && (
                          <Tag color="warning" data-testid={`flag-${item.metric}`}>
                            {t(`labels.flags.${item.flag}`, { defaultValue: item.flag })}
                          </Tag>
                        )}
                        {item.score.toFixed(1)}
                      </Space>
                    ),
                  },
                ]}
              />
              <div style={{ marginTop: 8 }}>
                <ExplainLines
                  lines={scoreLines}
                  structured={scoreStructured}
                  names={names}
                  testId="score-lines"
                />
              </div>
            </Card>
          </Space>
        </Col>
        <Col xs={24} xl={10}>
          <Space direction="vertical" size={16} style={{ width: '100%' }}>
            <WhatIf personId={s.person.id} closeId={s.close.id} totalPay={s.totalPay} names={names} />
            <Card title={t('since')} size="small" data-testid="since-previous">
              {since.previousId === null ? (
                <Typography.Text type="secondary">{t('noPrevious')}</Typography.Text>
              ) : since.change === null ? (
                <Typography.Text type="secondary">{t('noChange')}</Typography.Text>
              ) : (
                <List
                  size="small"
                  header={`${t('changed', { id: since.previousId })} ${signedMoney(since.change.totalPayDelta)}`}
                  dataSource={texts(since.change.lines, since.change.structured)}
                  renderItem={(line) => <List.Item>{line}</List.Item>}
                />
              )}
            </Card>
            <Card title={t('awards')} size="small" data-testid="statement-awards">
              {s.awards.length === 0 ? (
                <Typography.Text type="secondary">{t('noAwards')}</Typography.Text>
              ) : (
                <Space orientation="vertical" size={8}>
                  <Space wrap>
                    {s.awards.map((award) => (
                      <Tag color="gold" key={award}>
                        {award}
                      </Tag>
                    ))}
                  </Space>
                  <ExplainLines lines={s.awardLines} structured={s.awardStructured} names={names} />
                </Space>
              )}
            </Card>
            <Card title={t('promotion')} size="small">
              <Tag color={s.promotionEligible ? 'success' : 'default'}>
                {s.promotionEligible ? t('eligible') : t('notEligible')}
              </Tag>
              <div style={{ marginTop: 8 }}>
                <ExplainLines lines={s.promotionLines} structured={s.promotionStructured} />
              </div>
            </Card>
          </Space>
        </Col>
      </Row>
    </Space>
  );
}
