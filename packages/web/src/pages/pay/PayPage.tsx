import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { App, Button, Col, Empty, Form, Input, List, Modal, Row, Select, Space, Tag, Typography } from 'antd';
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useSearchParams } from 'react-router';
import { isApiError } from '../../api/client.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { formatTimestamp } from '../../format.ts';
import { useSession } from '../../session/useSession.ts';
import { CloseProgress } from './CloseProgress.tsx';
import { NAMESPACE } from './messages.ts';
import { fetchCloseJob, fetchRuns, startClose } from './payApi.ts';
import { RunPanel } from './RunPanel.tsx';
import { STATE_COLORS } from './stateColors.ts';

function periodOptions(year: number, t: (key: string) => string) {
  const years = [year, year - 1];
  const group = (kind: string, keys: string[]) => ({
    label: t(`periodKinds.${kind}`),
    options: keys.map((k) => ({ label: k, value: k })),
  });
  return [
    group(
      'quarter',
      years.flatMap((y) => [4, 3, 2, 1].map((q) => `${y}-Q${q}`)),
    ),
    group(
      'half',
      years.flatMap((y) => [`${y}-H2`, `${y}-H1`]),
    ),
    group('year', years.map(String)),
    group(
      'month',
      years.flatMap((y) => Array.from({ length: 12 }, (_, i) => `${y}-${String(12 - i).padStart(2, '0')}`)),
    ),
  ];
}

const currentQuarter = () => {
  const now = new Date();
  return `${now.getFullYear()}-Q${Math.floor(now.getMonth() / 3) + 1}`;
};

/** How often a running close is asked for its progress. */
const POLL_MS = 300;

/** 薪酬结算: the close runs of a period, running a close, approving it, its people and payroll. */
export default function PayPage() {
  const { t } = useTranslation(NAMESPACE);
  const { me } = useSession();
  const { message } = App.useApp();
  const client = useQueryClient();
  const [params, setParams] = useSearchParams();
  const period = params.get('period') ?? currentQuarter();
  const [reasonOpen, setReasonOpen] = useState(false);
  const [form] = Form.useForm<{ reason: string }>();
  const role = me?.user.role ?? '';
  const isRep = role === 'rep';

  const runs = useQuery({
    queryKey: ['pay', 'runs', period],
    queryFn: () => fetchRuns(period),
    enabled: !isRep,
  });
  const selectedId = Number(params.get('run')) || runs.data?.[0]?.id;

  const select = (next: { period?: string; run?: number | null }) => {
    const copy = new URLSearchParams(params);
    if (next.period) copy.set('period', next.period);
    if (next.run === null) copy.delete('run');
    else if (next.run !== undefined) copy.set('run', String(next.run));
    setParams(copy);
  };

  // A close runs in the background: start it, then follow its job until it is stored or fails.
  const [jobId, setJobId] = useState<string | null>(null);
  const run = useMutation({
    mutationFn: (reason?: string) => startClose(period, reason),
    onSuccess: (started) => {
      setReasonOpen(false);
      setJobId(started.id);
    },
  });
  const job = useQuery({
    queryKey: ['pay-job', jobId],
    queryFn: () => fetchCloseJob(jobId ?? ''),
    enabled: jobId !== null,
    refetchInterval: (query) =>
      query.state.data?.state === 'running' || !query.state.data ? POLL_MS : false,
  });
  const finished = useRef<string | null>(null);
  const current = job.data?.id === jobId ? job.data : undefined;
  useEffect(() => {
    if (!current || current.state === 'running' || finished.current === current.id) return;
    finished.current = current.id;
    if (current.state === 'done' && current.result) {
      form.resetFields();
      void message.success(t('runDone', { id: current.result.run.id }));
      void client.invalidateQueries({ queryKey: ['pay'] });
      select({ run: current.result.run.id });
    } else if (current.error?.code === 'conflict' && current.error.field === 'reason') {
      // the period is frozen by an approved run: a new run needs a reason
      setJobId(null);
      setReasonOpen(true);
    }
  });
  const running = run.isPending || current?.state === 'running' || (jobId !== null && !current);

  if (isRep && me?.user.personId) return <Navigate to={`/pay/statement/${me.user.personId}`} replace />;
  const canRun = role === 'finance' || role === 'admin';
  const year = Number(period.slice(0, 4)) || new Date().getFullYear();

  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }}>
      <Row justify="space-between" align="middle" gutter={[8, 8]}>
        <Col>
          <Typography.Title level={3} style={{ margin: 0 }}>
            {t('title')}
          </Typography.Title>
        </Col>
        <Col>
          <Space wrap>
            <Select
              data-testid="pay-period"
              aria-label={t('period')}
              value={period}
              onChange={(value: string) => select({ period: value, run: null })}
              options={periodOptions(Math.max(year, new Date().getFullYear()), t)}
              showSearch
              style={{ width: 140 }}
            />
            {canRun && (
              <Button type="primary" loading={running} onClick={() => run.mutate(undefined)}>
                {t('runClose')}
              </Button>
            )}
          </Space>
        </Col>
      </Row>
      {run.error && !(isApiError(run.error, 409) && run.error.field === 'reason') && (
        <ErrorAlert error={run.error} />
      )}
      {current && !(current.state === 'failed' && current.error?.field === 'reason') && (
        <CloseProgress job={current} />
      )}
      {runs.error && <ErrorAlert error={runs.error} />}
      <Row gutter={[16, 16]}>
        <Col xs={24} xl={6}>
          <List
            data-testid="pay-runs"
            header={<Typography.Text strong>{t('runs')}</Typography.Text>}
            bordered
            loading={runs.isLoading}
            dataSource={runs.data ?? []}
            locale={{ emptyText: <Empty description={t('noRuns')} /> }}
            renderItem={(item) => (
              <List.Item
                onClick={() => select({ run: item.id })}
                style={{
                  cursor: 'pointer',
                  background: item.id === selectedId ? 'rgba(22,119,255,0.08)' : undefined,
                }}
              >
                <Space direction="vertical" size={0}>
                  <Space>
                    <Typography.Text strong>{t('run', { id: item.id })}</Typography.Text>
                    <Tag color={STATE_COLORS[item.state]}>{t(`states.${item.state}`)}</Tag>
                  </Space>
                  <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                    {formatTimestamp(item.createdAt)} · {item.createdBy}
                  </Typography.Text>
                  {item.reason && (
                    <Typography.Text type="secondary" style={{ fontSize: 12 }}>
                      {item.reason}
                    </Typography.Text>
                  )}
                </Space>
              </List.Item>
            )}
          />
        </Col>
        <Col xs={24} xl={18}>
          {selectedId ? <RunPanel id={selectedId} role={role} /> : null}
        </Col>
      </Row>
      <Modal
        open={reasonOpen}
        title={t('reasonTitle')}
        okText={t('runClose')}
        confirmLoading={running}
        onCancel={() => setReasonOpen(false)}
        onOk={() => void form.validateFields().then((values) => run.mutate(values.reason))}
      >
        <Form form={form} layout="vertical">
          <Form.Item
            name="reason"
            label={t('reason')}
            rules={[{ required: true, message: t('reasonRequired') }]}
          >
            <Input.TextArea rows={3} />
          </Form.Item>
        </Form>
      </Modal>
    </Space>
  );
}
