/** Compensation plans → components: tiered commission, bonus pool, fixed + floating bonus (docs/plans.md). */
import { Col, Form, Input, Row, Select, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { FieldName } from './errorPaths.ts';
import {
  AddButton,
  AppliesToFields,
  DecimalField,
  EntryCard,
  MetricFields,
  RemoveIcon,
  UNIT_KINDS,
} from './fields.tsx';
import { NAMESPACE } from './messages.ts';
import type { ComponentType, FormComponent } from './planForm.ts';
import { CardTitle } from './ScorecardFields.tsx';

const NEW_COMPONENT: Record<ComponentType, FormComponent> = {
  tiered_commission: {
    id: 'commission',
    type: 'tiered_commission',
    base: 'revenue',
    mode: 'marginal',
    tiers: [{ rate: '0.01' }],
    accelerators: [],
    clawback: 'none',
  },
  bonus_pool: {
    id: 'pool',
    type: 'bonus_pool',
    unit_kind: 'team',
    rate: '0.05',
    base: 'revenue',
    shares: [],
    rest: 'by_score',
  },
  fixed_floating_bonus: {
    id: 'bonus',
    type: 'fixed_floating_bonus',
    fixed: '0',
    floating_base: '0',
    coefficients: [],
  },
};

/** A list of rows of two decimals (tiers, accelerators, coefficients) with add and remove. */
function PairList({
  name,
  first,
  second,
  addLabel,
  blank,
  firstIsText,
}: {
  name: FieldName;
  first: [string, string];
  second: [string, string];
  addLabel: string;
  blank: object;
  firstIsText?: boolean;
}) {
  return (
    <Form.List name={name}>
      {(rows, { add, remove }) => (
        <>
          {rows.map((row) => (
            <Row key={row.key} gutter={8} align="bottom">
              <Col span={10}>
                {firstIsText ? (
                  <Form.Item name={[row.name, first[0]]} label={first[1]}>
                    <Input />
                  </Form.Item>
                ) : (
                  <DecimalField name={[row.name, first[0]]} label={first[1]} />
                )}
              </Col>
              <Col span={10}>
                <DecimalField name={[row.name, second[0]]} label={second[1]} />
              </Col>
              <Col span={4} style={{ paddingBottom: 28 }}>
                <RemoveIcon onClick={() => remove(row.name)} />
              </Col>
            </Row>
          ))}
          <AddButton label={addLabel} onClick={() => add(blank)} />
        </>
      )}
    </Form.List>
  );
}

function SectionLabel({ title, hint }: { title: string; hint?: string }) {
  return (
    <div style={{ margin: '4px 0 8px' }}>
      <Typography.Text strong>{title}</Typography.Text>
      {hint && (
        <Typography.Text type="secondary" style={{ marginLeft: 8 }}>
          {hint}
        </Typography.Text>
      )}
    </div>
  );
}

function CommissionFields({ name, full }: { name: FieldName; full: FieldName }) {
  const { t } = useTranslation(NAMESPACE);
  const clawback = Form.useWatch([...full, 'clawback']);
  return (
    <>
      <Row gutter={12}>
        <MetricFields name={name} field="base" metricLabel={t('base')} />
        <Col xs={24} md={8}>
          <Form.Item name={[...name, 'mode']} label={t('mode')}>
            <Select
              options={(['marginal', 'retroactive'] as const).map((m) => ({
                value: m,
                label: t(`modes.${m}`),
              }))}
            />
          </Form.Item>
        </Col>
      </Row>
      <SectionLabel title={t('tiers')} hint={t('openTier')} />
      <PairList
        name={[...name, 'tiers']}
        first={['upto', t('upto')]}
        second={['rate', t('rate')]}
        addLabel={t('add.tier')}
        blank={{ upto: null, rate: null }}
      />
      <SectionLabel title={t('accelerators')} />
      <PairList
        name={[...name, 'accelerators']}
        first={['above', t('above')]}
        second={['multiplier', t('multiplier')]}
        addLabel={t('add.accelerator')}
        blank={{ above: null, multiplier: null }}
      />
      <Row gutter={12}>
        <Col xs={24} md={8}>
          <DecimalField name={[...name, 'cap']} label={t('capYuan')} />
        </Col>
        <Col xs={24} md={clawback === 'rate' ? 8 : 16}>
          <Form.Item name={[...name, 'clawback']} label={t('clawback')}>
            <Select
              options={(['none', 'first_tier', 'rate'] as const).map((c) => ({
                value: c,
                label: t(`clawbacks.${c}`),
              }))}
            />
          </Form.Item>
        </Col>
        {clawback === 'rate' && (
          <Col xs={24} md={8}>
            <DecimalField name={[...name, 'clawback_rate']} label={t('clawbackRate')} />
          </Col>
        )}
      </Row>
    </>
  );
}

function PoolFields({ name }: { name: FieldName }) {
  const { t } = useTranslation(NAMESPACE);
  return (
    <>
      <Row gutter={12}>
        <MetricFields name={name} field="base" metricLabel={t('base')} />
        <Col xs={12} md={4}>
          <DecimalField name={[...name, 'rate']} label={t('rate')} />
        </Col>
        <Col xs={12} md={4}>
          <Form.Item name={[...name, 'unit_kind']} label={t('unitKind')}>
            <Select options={UNIT_KINDS.map((k) => ({ value: k, label: t(`unitKinds.${k}`) }))} />
          </Form.Item>
        </Col>
        <Col xs={12} md={8}>
          <Form.Item name={[...name, 'rest']} label={t('rest')}>
            <Select
              options={(['by_score', 'equal'] as const).map((r) => ({ value: r, label: t(`rests.${r}`) }))}
            />
          </Form.Item>
        </Col>
        <Col xs={12} md={8}>
          <DecimalField name={[...name, 'min_score']} label={t('minScore')} />
        </Col>
        <Col xs={12} md={8}>
          <DecimalField name={[...name, 'cap']} label={t('capYuan')} />
        </Col>
      </Row>
      <SectionLabel title={t('shares')} />
      <Form.List name={[...name, 'shares']}>
        {(shares, { add, remove }) => (
          <Row gutter={8} align="bottom">
            {shares.map((share, i) => (
              <Col key={share.key} xs={12} md={8}>
                <Row wrap={false} align="bottom" gutter={4}>
                  <Col flex="auto">
                    <DecimalField name={[share.name]} label={t('shareN', { n: i + 1 })} />
                  </Col>
                  <Col flex="28px" style={{ paddingBottom: 28 }}>
                    <RemoveIcon onClick={() => remove(share.name)} />
                  </Col>
                </Row>
              </Col>
            ))}
            <Col span={24}>
              <AddButton label={t('add.share')} onClick={() => add(null)} />
            </Col>
          </Row>
        )}
      </Form.List>
    </>
  );
}

function BonusFields({ name }: { name: FieldName }) {
  const { t } = useTranslation(NAMESPACE);
  return (
    <>
      <Row gutter={12}>
        <Col xs={12} md={8}>
          <DecimalField name={[...name, 'fixed']} label={t('fixed')} />
        </Col>
        <Col xs={12} md={8}>
          <DecimalField name={[...name, 'floating_base']} label={t('floatingBase')} />
        </Col>
        <Col xs={12} md={8}>
          <DecimalField name={[...name, 'cap']} label={t('capYuan')} />
        </Col>
      </Row>
      <SectionLabel title={t('coefficients')} />
      <PairList
        name={[...name, 'coefficients']}
        first={['grade', t('gradeName')]}
        second={['coefficient', t('coefficient')]}
        addLabel={t('add.coefficient')}
        blank={{ grade: '', coefficient: null }}
        firstIsText
      />
    </>
  );
}

function ComponentFields({ name, full }: { name: FieldName; full: FieldName }) {
  const { t } = useTranslation(NAMESPACE);
  const type = Form.useWatch([...full, 'type']) as ComponentType | undefined;
  return (
    <>
      <Row gutter={12}>
        <Col xs={24} md={8}>
          <Form.Item name={[...name, 'id']} label={t('id')}>
            <Input />
          </Form.Item>
        </Col>
        <Col xs={24} md={8}>
          <Form.Item name={[...name, 'type']} label={t('componentType')}>
            <Select
              options={(['tiered_commission', 'bonus_pool', 'fixed_floating_bonus'] as const).map((c) => ({
                value: c,
                label: t(`componentTypes.${c}`),
              }))}
            />
          </Form.Item>
        </Col>
      </Row>
      {type === 'bonus_pool' ? (
        <PoolFields name={name} />
      ) : type === 'fixed_floating_bonus' ? (
        <BonusFields name={name} />
      ) : (
        <CommissionFields name={name} full={full} />
      )}
    </>
  );
}

export function CompensationFields() {
  const { t } = useTranslation(NAMESPACE);
  return (
    <Form.List name="compensation">
      {(plans, { add, remove }) => (
        <>
          {plans.map((plan) => (
            <EntryCard
              key={plan.key}
              title={
                <CardTitle name={['compensation', plan.name, 'id']} fallback={t('sections.compensation')} />
              }
              onRemove={() => remove(plan.name)}
            >
              <Row gutter={12}>
                <Col xs={24} md={8}>
                  <Form.Item name={[plan.name, 'id']} label={t('id')}>
                    <Input />
                  </Form.Item>
                </Col>
                <Col xs={24} md={16}>
                  <AppliesToFields
                    name={[plan.name, 'applies_to']}
                    full={['compensation', plan.name, 'applies_to']}
                  />
                </Col>
              </Row>
              <Form.List name={[plan.name, 'components']}>
                {(components, ops) => (
                  <>
                    {components.map((component) => (
                      <EntryCard
                        key={component.key}
                        title={
                          <CardTitle
                            name={['compensation', plan.name, 'components', component.name, 'id']}
                            fallback={t('components')}
                          />
                        }
                        onRemove={() => ops.remove(component.name)}
                      >
                        <ComponentFields
                          name={[component.name]}
                          full={['compensation', plan.name, 'components', component.name]}
                        />
                      </EntryCard>
                    ))}
                    <AddButton
                      label={t('add.component')}
                      onClick={() => ops.add(NEW_COMPONENT.tiered_commission)}
                    />
                  </>
                )}
              </Form.List>
            </EntryCard>
          ))}
          <AddButton
            label={t('add.plan')}
            onClick={() =>
              add({
                id: 'pay',
                applies_to: { kind: 'role', role: 'rep' },
                components: [NEW_COMPONENT.tiered_commission],
              })
            }
          />
        </>
      )}
    </Form.List>
  );
}
