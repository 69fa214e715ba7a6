import { useQuery } from '@tanstack/react-query';
import { Card, Col, Form, Input, Row, Space, Statistic, Typography } from 'antd';
import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { formatMoney } from '../../format.ts';
import { ExplainLines } from './ExplainLines.tsx';
import type { ExplainNames } from './explainFormat.ts';
import { NAMESPACE } from './messages.ts';
import { fetchWhatIf } from './payApi.ts';

/** "+¥1.00" for a gain, "-¥1.00" for a loss. */
const signed = (value: string) =>
  /^[1-9]|^0*\.\d*[1-9]/.test(value) ? `+${formatMoney(value)}` : formatMoney(value);

const MONEY = /^\d+(\.\d{1,2})?$/;
const FIELDS = [
  { key: 'revenue', label: 'addRevenue' },
  { key: 'collected', label: 'addCollected' },
] as const;

/** 薪酬试算: extra revenue / collections → the estimated pay (POST what-if, debounced 300 ms). */
export function WhatIf({
  personId,
  closeId,
  totalPay,
  names,
}: {
  personId: string;
  closeId: number;
  totalPay: string;
  names?: ExplainNames;
}) {
  const { t } = useTranslation(NAMESPACE);
  const [values, setValues] = useState<Record<string, string>>({});
  const [deltas, setDeltas] = useState<Record<string, string>>({});

  useEffect(() => {
    const timer = setTimeout(() => {
      const valid: Record<string, string> = {};
      for (const [key, value] of Object.entries(values)) {
        const text = value.replace(/,/g, '').trim();
        if (MONEY.test(text) && Number(text) > 0) valid[key] = text;
      }
      setDeltas(valid);
    }, 300);
    return () => clearTimeout(timer);
  }, [values]);

  const active = Object.keys(deltas).length > 0;
  const estimate = useQuery({
    queryKey: ['pay', 'what-if', personId, closeId, deltas],
    queryFn: () => fetchWhatIf(personId, closeId, deltas),
    enabled: active,
    placeholderData: (previous) => previous,
  });
  const invalid = (key: string) => {
    const text = (values[key] ?? '').replace(/,/g, '').trim();
    return text !== '' && !MONEY.test(text);
  };
  const shown = active ? estimate.data : undefined;

  return (
    <Card title={t('whatIf')} data-testid="what-if">
      <Form layout="vertical">
        <Row gutter={16}>
          {FIELDS.map((field) => (
            <Col xs={24} md={12} key={field.key}>
              <Form.Item
                label={t(field.label)}
                validateStatus={invalid(field.key) ? 'error' : undefined}
                help={invalid(field.key) ? t('invalidMoney') : undefined}
              >
                <Input
                  aria-label={t(field.label)}
                  inputMode="decimal"
                  value={values[field.key] ?? ''}
                  onChange={(event) => setValues((old) => ({ ...old, [field.key]: event.target.value }))}
                  allowClear
                />
              </Form.Item>
            </Col>
          ))}
        </Row>
      </Form>
      {estimate.error && <ErrorAlert error={estimate.error} />}
      <Row gutter={16}>
        {[
          { id: 'what-if-current', title: t('current'), text: formatMoney(totalPay), loading: false },
          {
            id: 'what-if-estimated',
            title: t('estimated'),
            text: formatMoney(shown?.estimated.total_pay ?? totalPay),
            loading: active && estimate.isLoading,
          },
          {
            id: 'what-if-difference',
            title: t('difference'),
            text: signed(shown?.difference ?? '0'),
            loading: false,
          },
        ].map((stat) => (
          <Col xs={24} sm={8} key={stat.id}>
            <Statistic
              title={stat.title}
              value={stat.text}
              loading={stat.loading}
              styles={{ content: { fontSize: 20, whiteSpace: 'nowrap' } }}
              valueRender={() => <span data-testid={stat.id}>{stat.text}</span>}
            />
          </Col>
        ))}
      </Row>
      {shown?.explain && (
        <Space orientation="vertical" size={8} style={{ marginTop: 12 }} data-testid="what-if-lines">
          <Typography.Text strong>{t('estimatedLines')}</Typography.Text>
          {shown.explain.pay.map((pay) => (
            <div key={pay.component}>
              <Typography.Text>
                {t(`components.${pay.component}`, { defaultValue: pay.component })}{' '}
                {formatMoney(shown.estimated.pay.find((p) => p.component === pay.component)?.amount ?? '0')}
              </Typography.Text>
              <div>
                <ExplainLines lines={pay.lines} structured={pay.structured} names={names} />
              </div>
            </div>
          ))}
        </Space>
      )}
    </Card>
  );
}
