import { Alert, Progress, Space, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import type { ImportJob } from '../../api/types.ts';

const messageOf = (error: ImportJob['error']): string =>
  typeof error === 'string' ? error : (error?.message ?? error?.code ?? '');

/** A running import: a bar by bytes read when the server knows the size, else by phase and rows. */
export function JobProgress({ job }: { job: ImportJob }) {
  const { t } = useTranslation();
  if (job.state === 'failed' && !job.report) {
    return <Alert type="error" showIcon title={t('import.jobFailed', { message: messageOf(job.error) })} />;
  }
  if (job.state !== 'running') return null;
  const { phase, rows, bytesRead, totalBytes } = job.progress;
  const percent = totalBytes ? Math.min(99, Math.floor(((bytesRead ?? 0) / totalBytes) * 100)) : 50;
  return (
    <Space orientation="vertical" style={{ width: '100%' }} data-testid="import-progress">
      <Typography.Text>{t('import.running')}</Typography.Text>
      <Progress percent={percent} status="active" showInfo={Boolean(totalBytes)} />
      <Typography.Text type="secondary">
        {t('import.phase', { phase: t(`import.phases.${phase}`, { defaultValue: phase }) })} ·{' '}
        {t('import.rowsRead', { count: rows })}
      </Typography.Text>
    </Space>
  );
}
