import { LockOutlined, UnlockOutlined } from '@ant-design/icons';
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { Alert, App, Button, Form, Input, Modal, Select, Space, Table } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { formatTimestamp } from '../../format.ts';
import { GOALS_KEY, type Lock, lockPeriod, unlockPeriod } from './goalsApi.ts';
import { NAMESPACE } from './messages.ts';

/** The periods one may lock in a year: the year, its halves, quarters and months (contract §3 keys). */
const periodsOf = (year: number) => [
  `${year}`,
  `${year}-H1`,
  `${year}-H2`,
  ...[1, 2, 3, 4].map((q) => `${year}-Q${q}`),
  ...Array.from({ length: 12 }, (_, i) => `${year}-${String(i + 1).padStart(2, '0')}`),
];

interface Props {
  readonly locks: readonly Lock[];
  readonly year: number;
  readonly canLock: boolean;
}

/** Locked periods; hr, finance and admins lock and unlock them with a reason. */
export function LocksPanel({ locks, year, canLock }: Props) {
  const { t } = useTranslation(NAMESPACE);
  const { message } = App.useApp();
  const client = useQueryClient();
  const [form] = Form.useForm<{ period: string; reason?: string }>();
  const [unlocking, setUnlocking] = useState<Lock | null>(null);
  const [unlockReason, setUnlockReason] = useState('');
  const done = (key: string, period: string) => {
    void client.invalidateQueries({ queryKey: [GOALS_KEY] });
    void message.success(t(key, { period }));
  };
  const lock = useMutation({
    mutationFn: (values: { period: string; reason?: string }) =>
      lockPeriod(values.period, values.reason?.trim() || null),
    onSuccess: (result) => {
      form.resetFields(['reason']);
      done('locks.locked', result.period);
    },
  });
  const unlock = useMutation({
    mutationFn: (period: string) => unlockPeriod(period, unlockReason.trim() || undefined),
    onSuccess: (result) => {
      setUnlocking(null);
      done('locks.unlocked', result.period);
    },
  });
  const lockedPeriods = new Set(locks.map((l) => l.period));

  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Alert type="info" showIcon title={t('locks.hint')} />
      {canLock && (
        <Form
          form={form}
          layout="inline"
          onFinish={(values) => lock.mutate(values)}
          initialValues={{ period: `${year}` }}
        >
          <Form.Item name="period" label={t('locks.period')} rules={[{ required: true }]}>
            <Select
              style={{ width: 120 }}
              options={periodsOf(year).map((p) => ({ value: p, label: p, disabled: lockedPeriods.has(p) }))}
            />
          </Form.Item>
          <Form.Item name="reason" label={t('locks.reason')}>
            <Input style={{ width: 280 }} />
          </Form.Item>
          <Button htmlType="submit" type="primary" icon={<LockOutlined />} loading={lock.isPending}>
            {t('locks.lock')}
          </Button>
        </Form>
      )}
      {lock.error && <ErrorAlert error={lock.error} />}
      <Table<Lock>
        data-testid="locks-table"
        rowKey="period"
        size="small"
        pagination={false}
        dataSource={[...locks]}
        locale={{ emptyText: t('locks.none') }}
        columns={[
          { title: t('locks.period'), dataIndex: 'period' },
          { title: t('locks.lockedBy'), dataIndex: 'lockedBy' },
          { title: t('locks.lockedAt'), dataIndex: 'lockedAt', render: (at: string) => formatTimestamp(at) },
          { title: t('locks.reason'), dataIndex: 'reason', render: (reason: string | null) => reason ?? '—' },
          ...(canLock
            ? [
                {
                  key: 'unlock',
                  render: (_: unknown, row: Lock) => (
                    <Button size="small" icon={<UnlockOutlined />} onClick={() => setUnlocking(row)}>
                      {t('locks.unlock')}
                    </Button>
                  ),
                },
              ]
            : []),
        ]}
      />
      {unlocking && (
        <Modal
          open
          title={t('locks.unlockTitle', { period: unlocking.period })}
          okText={t('locks.unlock')}
          cancelText={t('cancel')}
          confirmLoading={unlock.isPending}
          onOk={() => unlock.mutate(unlocking.period)}
          onCancel={() => setUnlocking(null)}
        >
          <Input.TextArea
            rows={2}
            placeholder={t('locks.reason')}
            value={unlockReason}
            onChange={(event) => setUnlockReason(event.target.value)}
          />
          {unlock.error && <ErrorAlert error={unlock.error} />}
        </Modal>
      )}
    </Space>
  );
}
