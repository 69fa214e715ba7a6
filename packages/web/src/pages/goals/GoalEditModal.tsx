import { LockOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Form, Input, Modal, Segmented } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../api/client.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { type Filters, GOALS_KEY, type GridRow, proposeGoal, saveGoal } from './goalsApi.ts';
import { formatGoal } from './goalValues.ts';
import { LevelFields, type LevelValues, levelOrNull } from './LevelFields.tsx';
import { NAMESPACE } from './messages.ts';

export interface EditTarget {
  readonly row: GridRow;
  readonly period: string;
}

interface Props {
  readonly target: EditTarget;
  readonly metric: string;
  readonly filters: Filters;
  readonly locked: boolean;
  readonly language: string;
  readonly onClose: () => void;
}

type Mode = 'set' | 'propose';
type FormValues = LevelValues & { reason?: string; comment?: string };

/** Sets an agreed goal (writers) or proposes one (anyone who may), for one cell of the grid. */
export function GoalEditModal({ target, metric, filters, locked, language, onClose }: Props) {
  const { t } = useTranslation(NAMESPACE);
  const { message } = App.useApp();
  const client = useQueryClient();
  const { row, period } = target;
  const cell = row.cells[period];
  const modes: Mode[] = [
    ...(row.editable ? ['set' as const] : []),
    ...(row.canPropose ? ['propose' as const] : []),
  ];
  const [mode, setMode] = useState<Mode>(modes[0] ?? 'propose');
  // A lock known upfront asks for the reason at once; a 400 `reason` (lock set meanwhile) asks then.
  const [needReason, setNeedReason] = useState(locked);
  const [form] = Form.useForm<FormValues>();
  const source = mode === 'propose' && cell?.proposal ? cell.proposal : cell;
  const initial = { value: source?.value ?? '', floor: source?.floor ?? '', stretch: source?.stretch ?? '' };

  const save = useMutation({
    mutationFn: (values: FormValues) => {
      const address = { period, scope: row.id, metric, filters };
      const levels = {
        value: values.value.trim(),
        floor: levelOrNull(values.floor),
        stretch: levelOrNull(values.stretch),
      };
      return mode === 'set'
        ? saveGoal({ ...address, ...levels, reason: levelOrNull(values.reason) })
        : proposeGoal({ ...address, ...levels, comment: levelOrNull(values.comment) });
    },
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: [GOALS_KEY] });
      void message.success(t(mode === 'set' ? 'edit.saved' : 'edit.proposed'));
      onClose();
    },
    onError: (error) => {
      if (isApiError(error, 400) && error.field === 'reason') setNeedReason(true);
    },
  });
  const reasonMissing = isApiError(save.error, 400) && save.error.field === 'reason';

  return (
    <Modal
      open
      title={
        <>
          {t('edit.title', { name: row.name, period })}
          {locked && <LockOutlined style={{ marginLeft: 8, color: '#8c8c8c' }} title={t('gap.locked')} />}
        </>
      }
      okText={t(mode === 'set' ? 'edit.set' : 'edit.propose')}
      cancelText={t('cancel')}
      onOk={() => form.submit()}
      confirmLoading={save.isPending}
      onCancel={onClose}
      destroyOnHidden
    >
      {modes.length > 1 && (
        <Segmented<Mode>
          block
          style={{ marginBottom: 16 }}
          value={mode}
          onChange={setMode}
          options={modes.map((m) => ({ value: m, label: t(m === 'set' ? 'edit.set' : 'edit.propose') }))}
        />
      )}
      {cell?.value && (
        <Alert
          style={{ marginBottom: 16 }}
          type="info"
          title={t('edit.current', { value: formatGoal(metric, cell.value, language, true) })}
        />
      )}
      <Form<FormValues>
        key={mode}
        form={form}
        layout="vertical"
        initialValues={initial}
        onFinish={(values) => save.mutate(values)}
      >
        <LevelFields />
        {mode === 'set' && needReason && (
          <Form.Item
            name="reason"
            label={t('edit.reason')}
            extra={t('edit.reasonHelp')}
            rules={[{ required: true, whitespace: true, message: t('edit.reasonRequired') }]}
          >
            <Input.TextArea rows={2} />
          </Form.Item>
        )}
        {mode === 'propose' && (
          <Form.Item name="comment" label={t('edit.comment')}>
            <Input.TextArea rows={2} />
          </Form.Item>
        )}
      </Form>
      {save.error && !reasonMissing && <ErrorAlert error={save.error} />}
    </Modal>
  );
}
