import { useMutation, useQueryClient } from '@tanstack/react-query';
import { App, Form, Input, Modal } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isApiError } from '../../api/client.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { approveProposal, GOALS_KEY, type Proposal, proposeGoal, returnProposal } from './goalsApi.ts';
import { LevelFields, type LevelValues, levelOrNull } from './LevelFields.tsx';
import { NAMESPACE } from './messages.ts';

export type Decision = 'approve' | 'return' | 'repropose';

interface Props {
  readonly proposal: Proposal;
  readonly decision: Decision;
  readonly locked: boolean;
  readonly onClose: () => void;
}

type FormValues = Partial<LevelValues> & { comment?: string; reason?: string };

/** Approve or return a proposal (a return needs a comment), or propose it again after a return. */
export function DecisionModal({ proposal, decision, locked, onClose }: Props) {
  const { t } = useTranslation(NAMESPACE);
  const { message } = App.useApp();
  const client = useQueryClient();
  const [form] = Form.useForm<FormValues>();
  const [needReason, setNeedReason] = useState(locked && decision === 'approve');
  const run = useMutation({
    mutationFn: (values: FormValues) => {
      const comment = levelOrNull(values.comment);
      if (decision === 'return') return returnProposal(proposal.id, comment ?? '');
      if (decision === 'approve')
        return approveProposal(proposal.id, { comment, reason: levelOrNull(values.reason) });
      const { period, scope, metric, filters } = proposal;
      return proposeGoal({
        period,
        scope,
        metric,
        filters,
        value: (values.value ?? '').trim(),
        floor: levelOrNull(values.floor),
        stretch: levelOrNull(values.stretch),
        comment,
      });
    },
    onSuccess: () => {
      void client.invalidateQueries({ queryKey: [GOALS_KEY] });
      void message.success(
        t(
          decision === 'approve'
            ? 'proposals.approved'
            : decision === 'return'
              ? 'proposals.returned'
              : 'edit.proposed',
        ),
      );
      onClose();
    },
    onError: (error) => {
      if (isApiError(error, 400) && error.field === 'reason') setNeedReason(true);
    },
  });
  const titles = {
    approve: 'proposals.approve',
    return: 'proposals.return',
    repropose: 'proposals.repropose',
  };
  return (
    <Modal
      open
      title={`${t(titles[decision])} · ${proposal.scopeName} · ${proposal.period}`}
      okText={t(titles[decision])}
      okButtonProps={{ danger: decision === 'return' }}
      cancelText={t('cancel')}
      onOk={() => form.submit()}
      confirmLoading={run.isPending}
      onCancel={onClose}
      destroyOnHidden
    >
      <Form<FormValues>
        form={form}
        layout="vertical"
        initialValues={{
          value: proposal.value ?? '',
          floor: proposal.floor ?? '',
          stretch: proposal.stretch ?? '',
        }}
        onFinish={(values) => run.mutate(values)}
      >
        {decision === 'repropose' && <LevelFields />}
        <Form.Item
          name="comment"
          label={t('proposals.comment')}
          rules={
            decision === 'return'
              ? [{ required: true, whitespace: true, message: t('proposals.commentRequired') }]
              : []
          }
        >
          <Input.TextArea rows={3} autoFocus={decision !== 'repropose'} />
        </Form.Item>
        {needReason && (
          <Form.Item
            name="reason"
            label={t('edit.reason')}
            extra={t('edit.reasonHelp')}
            rules={[{ required: true, whitespace: true, message: t('edit.reasonRequired') }]}
          >
            <Input.TextArea rows={2} />
          </Form.Item>
        )}
      </Form>
      {run.error && !(isApiError(run.error, 400) && run.error.field === 'reason') && (
        <ErrorAlert error={run.error} />
      )}
    </Modal>
  );
}
