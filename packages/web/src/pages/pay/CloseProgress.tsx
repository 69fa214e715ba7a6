import { Card, Progress, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { NAMESPACE } from './messages.ts';
import type { CloseJob } from './payApi.ts';

/** A close computing in the background: a bar by the engine's progress, and the phase it is in. */
export function CloseProgress({ job }: { job: CloseJob }) {
  const { t } = useTranslation(NAMESPACE);
  const detail =
    job.state === 'failed'
      ? t('runFailed', { message: job.error?.message ?? '' })
      : job.step === 'computing' && job.phase && job.total
        ? t('progressDetail', {
            phase: t(`labels.phases.${job.phase}`, { defaultValue: job.phase }),
            done: job.done ?? 0,
            total: job.total,
          })
        : t(`labels.steps.${job.step}`, { defaultValue: job.step });
  return (
    <Card size="small" data-testid="close-progress" data-state={job.state}>
      <Space orientation="vertical" size={4} style={{ width: '100%' }}>
        <Typography.Text strong>
          {job.state === 'done' && job.result
            ? t('runFinished', { period: job.period, id: job.result.run.id })
            : t('running', { period: job.period })}
        </Typography.Text>
        <Progress
          percent={job.percent}
          status={job.state === 'failed' ? 'exception' : job.state === 'done' ? 'success' : 'active'}
          aria-label={t('running', { period: job.period })}
        />
        <Typography.Text type={job.state === 'failed' ? 'danger' : 'secondary'} data-testid="close-phase">
          {detail}
        </Typography.Text>
      </Space>
    </Card>
  );
}
