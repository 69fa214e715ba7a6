/** Scorecards → grades, groups → items with metric, weight and scoring (contract §6). */
import { Col, Form, Input, Row, Select } from 'antd';
import { useTranslation } from 'react-i18next';
import type { FieldName } from './errorPaths.ts';
import { AddButton, AppliesToFields, DecimalField, EntryCard, MetricFields, RemoveIcon } from './fields.tsx';
import { NAMESPACE } from './messages.ts';
import type { FormItem, FormScorecard } from './planForm.ts';

const NEW_ITEM: FormItem = { metric: 'revenue', weight: '1', scoring: { type: 'linear', floor: '0' } };
const NEW_CARD: FormScorecard = {
  id: 'scorecard',
  applies_to: { kind: 'role', role: 'rep' },
  grades: [
    { name: 'A', min: '80' },
    { name: 'B', min: '0' },
  ],
  groups: [{ name: '', weight: '1', items: [NEW_ITEM] }],
};

function ScoringFields({ name, full }: { name: FieldName; full: FieldName }) {
  const { t } = useTranslation(NAMESPACE);
  const type = Form.useWatch([...full, 'type']);
  return (
    <Row gutter={12}>
      <Col xs={24} md={8}>
        <Form.Item name={[...name, 'type']} label={t('scoring')}>
          <Select
            options={(['linear', 'ladder', 'lower_is_better'] as const).map((s) => ({
              value: s,
              label: t(`scoringTypes.${s}`),
            }))}
          />
        </Form.Item>
      </Col>
      {type === 'ladder' ? (
        <Col xs={24} md={16}>
          <Form.List name={[...name, 'bands']}>
            {(bands, { add, remove }) => (
              <>
                {bands.map((band) => (
                  <Row key={band.key} gutter={8} align="bottom">
                    <Col span={10}>
                      <DecimalField name={[band.name, 'threshold']} label={t('threshold')} />
                    </Col>
                    <Col span={10}>
                      <DecimalField name={[band.name, 'score']} label={t('score')} />
                    </Col>
                    <Col span={4} style={{ paddingBottom: 28 }}>
                      <RemoveIcon onClick={() => remove(band.name)} />
                    </Col>
                  </Row>
                ))}
                <AddButton label={t('add.band')} onClick={() => add({ threshold: '', score: '' })} />
              </>
            )}
          </Form.List>
        </Col>
      ) : (
        <>
          <Col xs={12} md={8}>
            <DecimalField name={[...name, 'cap']} label={t('cap')} />
          </Col>
          <Col xs={12} md={8}>
            <DecimalField name={[...name, 'floor']} label={t('floor')} />
          </Col>
        </>
      )}
    </Row>
  );
}

function ItemsFields({ name, full }: { name: FieldName; full: FieldName }) {
  const { t } = useTranslation(NAMESPACE);
  return (
    <Form.List name={name}>
      {(items, { add, remove }) => (
        <>
          {items.map((item, i) => (
            <EntryCard key={item.key} title={t('itemN', { n: i + 1 })} onRemove={() => remove(item.name)}>
              <Row gutter={12}>
                <MetricFields name={[item.name]} />
                <Col xs={12} md={4}>
                  <DecimalField name={[item.name, 'weight']} label={t('weight')} />
                </Col>
                <Col xs={12} md={4}>
                  <DecimalField
                    name={[item.name, 'target']}
                    label={t('target')}
                    placeholder={t('targetHint')}
                  />
                </Col>
              </Row>
              <ScoringFields name={[item.name, 'scoring']} full={[...full, item.name, 'scoring']} />
            </EntryCard>
          ))}
          <AddButton label={t('add.item')} onClick={() => add(NEW_ITEM)} />
        </>
      )}
    </Form.List>
  );
}

function GradesFields({ name }: { name: FieldName }) {
  const { t } = useTranslation(NAMESPACE);
  return (
    <Form.List name={name}>
      {(grades, { add, remove }) => (
        <Row gutter={8}>
          {grades.map((grade) => (
            <Col key={grade.key} xs={24} md={12} xxl={8}>
              <Row gutter={4} align="bottom" wrap={false}>
                <Col flex="64px">
                  <Form.Item name={[grade.name, 'name']} label={t('grade')}>
                    <Input />
                  </Form.Item>
                </Col>
                <Col flex="auto">
                  <DecimalField name={[grade.name, 'min']} label={t('gradeMin')} />
                </Col>
                <Col flex="28px" style={{ paddingBottom: 28 }}>
                  <RemoveIcon onClick={() => remove(grade.name)} />
                </Col>
              </Row>
            </Col>
          ))}
          <Col span={24}>
            <AddButton label={t('add.grade')} onClick={() => add({ name: '', min: '' })} />
          </Col>
        </Row>
      )}
    </Form.List>
  );
}

export function ScorecardFields() {
  const { t } = useTranslation(NAMESPACE);
  return (
    <Form.List name="scorecards">
      {(cards, { add, remove }) => (
        <>
          {cards.map((card) => (
            <EntryCard
              key={card.key}
              title={<CardTitle name={['scorecards', card.name, 'id']} fallback={t('sections.scorecards')} />}
              onRemove={() => remove(card.name)}
            >
              <Row gutter={12}>
                <Col xs={24} md={8}>
                  <Form.Item name={[card.name, 'id']} label={t('id')}>
                    <Input />
                  </Form.Item>
                </Col>
                <Col xs={24} md={16}>
                  <AppliesToFields
                    name={[card.name, 'applies_to']}
                    full={['scorecards', card.name, 'applies_to']}
                  />
                </Col>
              </Row>
              <GradesFields name={[card.name, 'grades']} />
              <Form.List name={[card.name, 'groups']}>
                {(groups, groupOps) => (
                  <>
                    {groups.map((group, g) => (
                      <EntryCard
                        key={group.key}
                        title={t('groupN', { n: g + 1 })}
                        onRemove={() => groupOps.remove(group.name)}
                      >
                        <Row gutter={12}>
                          <Col xs={16} md={12}>
                            <Form.Item name={[group.name, 'name']} label={t('groupName')}>
                              <Input />
                            </Form.Item>
                          </Col>
                          <Col xs={8} md={6}>
                            <DecimalField name={[group.name, 'weight']} label={t('weight')} />
                          </Col>
                        </Row>
                        <ItemsFields
                          name={[group.name, 'items']}
                          full={['scorecards', card.name, 'groups', group.name, 'items']}
                        />
                      </EntryCard>
                    ))}
                    <AddButton
                      label={t('add.group')}
                      onClick={() => groupOps.add({ name: '', weight: '1', items: [NEW_ITEM] })}
                    />
                  </>
                )}
              </Form.List>
            </EntryCard>
          ))}
          <AddButton label={t('add.scorecard')} onClick={() => add(NEW_CARD)} />
        </>
      )}
    </Form.List>
  );
}

/** A list entry's title: its id as typed, or the section's name. */
export function CardTitle({ name, fallback }: { name: FieldName; fallback: string }) {
  const id = Form.useWatch(name);
  return <>{typeof id === 'string' && id ? id : fallback}</>;
}
