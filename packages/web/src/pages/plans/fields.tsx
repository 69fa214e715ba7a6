/** Small pieces the designer's sections share: decimal inputs, metric pickers, applies-to, list frames. */
import { DeleteOutlined, PlusOutlined } from '@ant-design/icons';
import { Button, Card, Col, Form, Input, InputNumber, Row, Select } from 'antd';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { ROLES } from '../../api/types.ts';
import type { FieldName } from './errorPaths.ts';
import { METRIC_NAMES, NAMESPACE } from './messages.ts';

export const UNIT_KINDS = ['company', 'region', 'team', 'other'] as const;

/** A decimal typed as text (InputNumber string mode): never a binary float (contract §6). */
export function DecimalField({
  name,
  label,
  placeholder,
}: {
  name: FieldName;
  label: string;
  placeholder?: string;
}) {
  return (
    <Form.Item name={name} label={label}>
      <InputNumber stringMode placeholder={placeholder} style={{ width: '100%' }} />
    </Form.Item>
  );
}

/** A §5 metric (its base name) and its filters, written into the key's braces. */
export function MetricFields({
  name,
  field = 'metric',
  metricLabel,
}: {
  name: FieldName;
  /** `metric` (items, awards, promotion) or `base` (components). */
  field?: 'metric' | 'base';
  metricLabel?: string;
}) {
  const { t } = useTranslation(NAMESPACE);
  return (
    <>
      <Col xs={24} md={8}>
        <Form.Item name={[...name, field]} label={metricLabel ?? t('metric')}>
          <Select
            showSearch
            optionFilterProp="label"
            options={METRIC_NAMES.map((m) => ({ value: m, label: `${t(`metrics.${m}`)} · ${m}` }))}
          />
        </Form.Item>
      </Col>
      <Col xs={24} md={8}>
        <Form.Item name={[...name, 'filter']} label={t('filter')}>
          <Input placeholder={t('filterHint')} allowClear />
        </Form.Item>
      </Col>
    </>
  );
}

/** `applies_to`: a role, named people or a unit's subtree (contract §6). */
export function AppliesToFields({ name, full }: { name: FieldName; full: FieldName }) {
  const { t } = useTranslation(NAMESPACE);
  // useWatch takes the whole path: inside a Form.List, `name` is relative to the list.
  const kind = Form.useWatch([...full, 'kind']);
  return (
    <Row gutter={12}>
      <Col xs={24} md={8}>
        <Form.Item name={[...name, 'kind']} label={t('appliesTo')}>
          <Select
            options={(['role', 'people', 'unit'] as const).map((k) => ({
              value: k,
              label: t(`appliesKinds.${k}`),
            }))}
          />
        </Form.Item>
      </Col>
      <Col xs={24} md={16}>
        {kind === 'people' ? (
          <Form.Item name={[...name, 'people']} label={t('peopleIds')}>
            <Select mode="tags" tokenSeparators={[',', ' ']} open={false} />
          </Form.Item>
        ) : kind === 'unit' ? (
          <Form.Item name={[...name, 'unit']} label={t('unitId')}>
            <Input />
          </Form.Item>
        ) : (
          <Form.Item name={[...name, 'role']} label={t('role')}>
            <Select options={ROLES.map((r) => ({ value: r, label: t(`roles.${r}`) }))} />
          </Form.Item>
        )}
      </Col>
    </Row>
  );
}

/** A card for one entry of a Form.List, with its remove button. */
export function EntryCard({
  title,
  onRemove,
  children,
  testId,
}: {
  title: ReactNode;
  onRemove: () => void;
  children: ReactNode;
  testId?: string;
}) {
  const { t } = useTranslation(NAMESPACE);
  return (
    <Card
      size="small"
      title={title}
      data-testid={testId}
      style={{ marginBottom: 12 }}
      extra={
        <Button
          size="small"
          type="text"
          danger
          icon={<DeleteOutlined />}
          onClick={onRemove}
          aria-label={t('remove')}
        />
      }
    >
      {children}
    </Card>
  );
}

export function AddButton({ label, onClick }: { label: string; onClick: () => void }) {
  return (
    <div style={{ marginBottom: 12 }}>
      <Button type="dashed" size="small" icon={<PlusOutlined />} onClick={onClick}>
        {label}
      </Button>
    </div>
  );
}

/** A remove icon for a row inside a list (tiers, bands, grades…). */
export function RemoveIcon({ onClick }: { onClick: () => void }) {
  const { t } = useTranslation(NAMESPACE);
  return (
    <Button
      size="small"
      type="text"
      danger
      icon={<DeleteOutlined />}
      onClick={onClick}
      aria-label={t('remove')}
    />
  );
}
