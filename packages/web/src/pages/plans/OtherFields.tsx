/** The calendar, awards and promotion parts of the plan (contract §6). */
import { Col, Form, Input, InputNumber, Row, Select, Switch } from 'antd';
import { useTranslation } from 'react-i18next';
import { AddButton, DecimalField, EntryCard, MetricFields, UNIT_KINDS } from './fields.tsx';
import { NAMESPACE } from './messages.ts';
import { CardTitle } from './ScorecardFields.tsx';

export function CalendarFields() {
  const { t } = useTranslation(NAMESPACE);
  return (
    <Form.Item
      name={['calendar', 'fiscal_year_start']}
      label={t('fiscalYearStart')}
      style={{ maxWidth: 240 }}
    >
      <Select
        options={Array.from({ length: 12 }, (_, i) => ({
          value: i + 1,
          label: t('month', { month: i + 1 }),
        }))}
      />
    </Form.Item>
  );
}

export function AwardsFields() {
  const { t } = useTranslation(NAMESPACE);
  return (
    <Form.List name="awards">
      {(awards, { add, remove }) => (
        <>
          {awards.map((award) => (
            <EntryCard
              key={award.key}
              title={<CardTitle name={['awards', award.name, 'id']} fallback={t('sections.awards')} />}
              onRemove={() => remove(award.name)}
            >
              <Row gutter={12}>
                <Col xs={24} md={8}>
                  <Form.Item name={[award.name, 'id']} label={t('id')}>
                    <Input />
                  </Form.Item>
                </Col>
                <MetricFields name={[award.name]} />
                <Col xs={24} md={8}>
                  <Form.Item name={[award.name, 'within', 'unit_kind']} label={t('within')}>
                    <Select
                      allowClear
                      placeholder={t('withinAll')}
                      options={UNIT_KINDS.map((k) => ({ value: k, label: t(`unitKinds.${k}`) }))}
                    />
                  </Form.Item>
                </Col>
                <Col xs={12} md={8}>
                  <Form.Item name={[award.name, 'hired_within_months']} label={t('hiredWithinMonths')}>
                    <InputNumber precision={0} style={{ width: '100%' }} />
                  </Form.Item>
                </Col>
                <Col xs={12} md={8}>
                  <Form.Item name={[award.name, 'min_responses']} label={t('minResponses')}>
                    <InputNumber precision={0} style={{ width: '100%' }} />
                  </Form.Item>
                </Col>
              </Row>
            </EntryCard>
          ))}
          <AddButton
            label={t('add.award')}
            onClick={() => add({ id: 'award', metric: 'revenue', within: {} })}
          />
        </>
      )}
    </Form.List>
  );
}

export function PromotionFields() {
  const { t } = useTranslation(NAMESPACE);
  const enabled = Form.useWatch(['promotion', 'enabled']);
  return (
    <>
      <Form.Item name={['promotion', 'enabled']} label={t('promotionEnabled')} valuePropName="checked">
        <Switch />
      </Form.Item>
      {enabled && (
        <Row gutter={12}>
          <MetricFields name={['promotion']} />
          <Col xs={12} md={8}>
            <DecimalField name={['promotion', 'min_attainment']} label={t('minAttainment')} />
          </Col>
          <Col xs={12} md={8}>
            <Form.Item name={['promotion', 'consecutive_quarters']} label={t('consecutiveQuarters')}>
              <InputNumber precision={0} style={{ width: '100%' }} />
            </Form.Item>
          </Col>
        </Row>
      )}
    </>
  );
}
