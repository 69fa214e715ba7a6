import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Button, Form, Input, Modal, Select, Space } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../api/client.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { CascadePreview } from './CascadePreview.tsx';
import {
  type CascadeMethod,
  type CascadeSplit,
  cascadeGoal,
  type Filters,
  GOALS_KEY,
  type Grid,
  type GridRow,
  type Lock,
} from './goalsApi.ts';
import { lockOf } from './goalValues.ts';
import { NAMESPACE } from './messages.ts';

const METHODS: CascadeMethod[] = ['equal', 'last_year_share', 'weights', 'manual'];

interface Props {
  readonly row: GridRow;
  readonly grid: Grid;
  readonly filters: Filters;
  readonly locks: readonly Lock[];
  readonly language: string;
  readonly onClose: () => void;
}

interface Settings {
  period: string;
  method: CascadeMethod;
  split: CascadeSplit;
  amounts: Record<string, string>;
  reason?: string;
}

/** The targets the UI offers weights or values for (the server's defaults: sub-units and reps). */
function targetsOf(row: GridRow, grid: Grid, period: string, split: CascadeSplit) {
  if (split === 'children')
    return grid.rows
      .filter((r) => r.parentId === row.id && (r.kind === 'unit' || r.type === 'rep'))
      .map((r) => ({ key: r.id, label: r.name }));
  const months = grid.columns.find((c) => c.period === period)?.months ?? [];
  const keys = split === 'quarters' ? [1, 2, 3, 4].map((q) => `${grid.year}-Q${q}`) : months;
  return keys.map((key) => ({ key, label: key }));
}

/** Splits a unit's goal to its children, months or quarters: preview (dry run) first, then confirm. */
export function CascadeModal({ row, grid, filters, locks, language, onClose }: Props) {
  const { t } = useTranslation(NAMESPACE);
  const { message } = App.useApp();
  const client = useQueryClient();
  const [form] = Form.useForm<Settings>();
  const settings = Form.useWatch([], form) as Settings | undefined;
  const period = settings?.period ?? String(grid.year);
  const split = settings?.split ?? 'children';
  const method = settings?.method ?? 'equal';
  const [needReason, setNeedReason] = useState(false);

  const run = useMutation({
    mutationFn: ({ values, dryRun }: { values: Settings; dryRun: boolean }) =>
      cascadeGoal({
        period: values.period,
        scope: row.id,
        metric: grid.metric,
        filters,
        split: values.split,
        method: values.method,
        ...(values.method === 'weights' ? { weights: values.amounts } : {}),
        ...(values.method === 'manual' ? { values: values.amounts } : {}),
        dryRun,
        reason: values.reason?.trim() || null,
      }),
    onSuccess: (result, { dryRun }) => {
      if (dryRun) return;
      void client.invalidateQueries({ queryKey: [GOALS_KEY] });
      void message.success(t('cascade.done', { count: result.written }));
      onClose();
    },
    onError: (error) => {
      if (isApiError(error, 400) && error.field === 'reason') setNeedReason(true);
    },
  });
  const submit = (dryRun: boolean) =>
    void form
      .validateFields()
      .then((values) => run.mutate({ values: { ...values, amounts: values.amounts ?? {} }, dryRun }));
  const preview = run.data && run.variables?.dryRun ? run.data : undefined;
  const periods = grid.columns.filter((c) => c.kind !== 'month').map((c) => c.period);
  const splits: CascadeSplit[] = ['children', 'months', 'quarters'];
  const allowed = (s: CascadeSplit) =>
    s === 'children'
      ? grid.rows.some((r) => r.parentId === row.id && r.editable)
      : row.editable && (s === 'months' || /^\d{4}$/.test(period));
  const targets = targetsOf(row, grid, period, split);
  const reasonShown = needReason || !!lockOf(period, locks);

  return (
    <Modal
      open
      width={720}
      title={t('cascade.title', { name: row.name })}
      onCancel={onClose}
      destroyOnHidden
      footer={
        <Space>
          <Button onClick={onClose}>{t('cancel')}</Button>
          <Button onClick={() => submit(true)} loading={run.isPending && run.variables?.dryRun}>
            {t('cascade.preview')}
          </Button>
          <Button
            type="primary"
            disabled={!preview}
            loading={run.isPending && !run.variables?.dryRun}
            onClick={() => submit(false)}
          >
            {t('cascade.confirm')}
          </Button>
        </Space>
      }
    >
      <Form<Settings>
        form={form}
        layout="inline"
        initialValues={{
          period: `${grid.year}`,
          method: 'equal',
          split: allowed('children') ? 'children' : 'months',
        }}
        onValuesChange={() => run.reset()}
        style={{ rowGap: 12, marginBottom: 16 }}
      >
        <Form.Item name="period" label={t('cascade.period')}>
          <Select style={{ width: 110 }} options={periods.map((p) => ({ value: p, label: p }))} />
        </Form.Item>
        <Form.Item name="split" label={t('cascade.split')}>
          <Select
            style={{ width: 110 }}
            options={splits.map((s) => ({
              value: s,
              label: t(`cascade.splits.${s}`),
              disabled: !allowed(s),
            }))}
          />
        </Form.Item>
        <Form.Item name="method" label={t('cascade.method')}>
          <Select
            style={{ width: 130 }}
            options={METHODS.map((m) => ({ value: m, label: t(`cascade.methods.${m}`) }))}
          />
        </Form.Item>
        {(method === 'weights' || method === 'manual') &&
          targets.map((target) => (
            <Form.Item
              key={`${split}-${target.key}`}
              name={['amounts', target.key]}
              label={target.label}
              rules={[{ required: method === 'manual', pattern: /^\d+(\.\d+)?$/, message: '≥ 0' }]}
            >
              <Input
                style={{ width: 110 }}
                placeholder={t(method === 'weights' ? 'cascade.weight' : 'cascade.part')}
              />
            </Form.Item>
          ))}
        {reasonShown && (
          <Form.Item
            name="reason"
            label={t('edit.reason')}
            style={{ width: '100%' }}
            rules={[{ required: true, whitespace: true, message: t('edit.reasonRequired') }]}
          >
            <Input placeholder={t('edit.reasonHelp')} />
          </Form.Item>
        )}
      </Form>
      {preview && <CascadePreview result={preview} metric={grid.metric} language={language} />}
      {run.error && !(isApiError(run.error, 400) && run.error.field === 'reason') && (
        <ErrorAlert error={run.error} />
      )}
    </Modal>
  );
}
