import { useMutation } from '@tanstack/react-query';
import { Button, Card, Result, Select, Space, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { importableEntities } from '../../access.ts';
import { previewImport, startImport } from '../../api/imports.ts';
import { useEntities } from '../../api/useEntities.ts';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { labelOf } from '../../i18n/labels.ts';
import { useSession } from '../../session/useSession.ts';
import { FilePicker } from './FilePicker.tsx';
import { ImportResult } from './ImportResult.tsx';
import { JobProgress } from './JobProgress.tsx';
import { PreviewTable } from './PreviewTable.tsx';
import { TemplateLinks } from './TemplateLinks.tsx';
import { useImportJob } from './useImportJob.ts';

/**
 * Import a CSV/XLSX file: choose the entity, get a template, pick a file (nothing is sent
 * until asked), preview how its columns map, then a dry run or the real import, watched to the end.
 */
export default function ImportPage() {
  const { t, i18n } = useTranslation();
  const { access } = useSession();
  const entities = useEntities();
  const [params, setParams] = useSearchParams();
  const [file, setFile] = useState<File | null>(null);
  const [encoding, setEncoding] = useState<string | undefined>();
  const [jobId, setJobId] = useState<string | null>(null);
  const job = useImportJob(jobId);

  const allowed = importableEntities(
    access,
    (entities.data ?? []).map((entity) => entity.name),
  );
  const entity = allowed.includes(params.get('entity') ?? '') ? (params.get('entity') ?? '') : undefined;
  const meta = entities.data?.find((item) => item.name === entity);

  const preview = useMutation({
    mutationFn: (input: { entity: string; file: File; encoding?: string }) =>
      previewImport(input.entity, input.file, input.encoding),
  });
  const run = useMutation({
    mutationFn: (dryRun: boolean) => startImport(entity ?? '', file as File, { dryRun, encoding }),
    onSuccess: ({ jobId: id }) => setJobId(id),
  });

  if (!access.canImport) return <Result status="403" title={t('import.noPermission')} />;

  /** A new entity, file or encoding: forget the last run and preview again. */
  const refresh = (
    nextEntity: string | undefined,
    nextFile: File | null,
    nextEncoding: string | undefined,
  ) => {
    setJobId(null);
    run.reset();
    if (nextEntity && nextFile)
      preview.mutate({ entity: nextEntity, file: nextFile, encoding: nextEncoding });
    else preview.reset();
  };
  const chooseEntity = (name: string) => {
    setParams({ entity: name });
    refresh(name, file, encoding);
  };
  const running = run.isPending || job.data?.state === 'running' || (jobId !== null && job.isPending);
  const report = job.data?.report ?? null;

  return (
    <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
      <Card title={t('import.title')}>
        <Typography.Paragraph type="secondary">{t('import.intro')}</Typography.Paragraph>
        <Space wrap size="large">
          <Space>
            <span>{t('import.entity')}:</span>
            <Select
              aria-label={t('import.entity')}
              data-testid="import-entity"
              showSearch={{ optionFilterProp: 'label' }}
              style={{ width: 220 }}
              placeholder={t('import.chooseEntity')}
              value={entity}
              loading={entities.isPending}
              onChange={chooseEntity}
              options={(entities.data ?? [])
                .filter((item) => allowed.includes(item.name))
                .map((item) => ({ value: item.name, label: labelOf(item, i18n.language) }))}
            />
          </Space>
          {entity && <TemplateLinks entity={entity} />}
        </Space>
      </Card>
      {entities.error && <ErrorAlert error={entities.error} onRetry={() => void entities.refetch()} />}
      {entity && (
        <Card title={t('import.step2')}>
          <FilePicker
            file={file}
            encoding={encoding}
            disabled={running}
            onFile={(chosen) => {
              setFile(chosen);
              refresh(entity, chosen, encoding);
            }}
            onEncoding={(value) => {
              setEncoding(value);
              refresh(entity, file, value);
            }}
          />
        </Card>
      )}
      {entity && file && (preview.data || preview.error || preview.isPending) && (
        <Card title={t('import.step3')} loading={preview.isPending}>
          {preview.error && (
            <ErrorAlert error={preview.error} onRetry={() => refresh(entity, file, encoding)} />
          )}
          {preview.data && <PreviewTable preview={preview.data} meta={meta} />}
        </Card>
      )}
      {entity && file && (
        <Card title={t('import.step4')}>
          <Space orientation="vertical" size="middle" style={{ width: '100%' }}>
            <Space wrap>
              <Button disabled={running} onClick={() => run.mutate(true)}>
                {t('import.dryRun')}
              </Button>
              <Button type="primary" disabled={running} onClick={() => run.mutate(false)}>
                {t('import.run')}
              </Button>
            </Space>
            {run.error && <ErrorAlert error={run.error} />}
            {job.error && <ErrorAlert error={job.error} onRetry={() => void job.refetch()} />}
            {jobId && job.data && <JobProgress job={job.data} />}
            {report && <ImportResult report={report} meta={meta} shownWarnings={preview.data?.warnings} />}
            {report?.ok && !report.dryRun && (
              <Typography.Text>
                <Link to={`/data/${entity}`}>{t('import.viewData')} →</Link>
              </Typography.Text>
            )}
          </Space>
        </Card>
      )}
    </Space>
  );
}
