/** 绩效方案: the plan's versions for everyone signed in; the designer for finance and admin. */
import { useQuery } from '@tanstack/react-query';
import { Alert, Space, Spin, Tabs, Typography } from 'antd';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { useSession } from '../../session/useSession.ts';
import { Designer, EMPTY_PLAN } from './Designer.tsx';
import { NAMESPACE } from './messages.ts';
import { fileToForm } from './planForm.ts';
import { fetchVersion, fetchVersions } from './plansApi.ts';
import { VersionsPanel } from './VersionsPanel.tsx';

/** Mirrors the server: POST /plans and /plans/preview are for finance and admin. */
const DESIGNERS = ['finance', 'admin'];

export default function PlansPage() {
  const { t } = useTranslation(NAMESPACE);
  const { me } = useSession();
  const canDesign = DESIGNERS.includes(me?.user.role ?? '');
  const versions = useQuery({ queryKey: ['plans', 'versions'], queryFn: fetchVersions });
  // The designer starts from the latest version ("back to the current version" returns to it); it
  // keeps its draft when a new version is applied.
  const start = useQuery({
    queryKey: ['plans', 'designer-start'],
    queryFn: async () => {
      const [latest] = await fetchVersions();
      return latest ? fetchVersion(latest.version) : null;
    },
    enabled: canDesign,
    staleTime: Number.POSITIVE_INFINITY,
  });

  const versionsTab = <VersionsPanel versions={versions.data ?? []} loading={versions.isLoading} />;
  return (
    <Space direction="vertical" size={16} style={{ width: '100%' }}>
      <Typography.Title level={3} style={{ margin: 0 }}>
        {t('title')}
      </Typography.Title>
      {versions.error && <ErrorAlert error={versions.error} onRetry={() => void versions.refetch()} />}
      {canDesign ? (
        <Tabs
          destroyOnHidden={false}
          items={[
            {
              key: 'designer',
              label: t('tabs.designer'),
              children: start.error ? (
                <ErrorAlert error={start.error} />
              ) : start.isSuccess ? (
                <Designer
                  initial={start.data ? fileToForm(start.data.file) : EMPTY_PLAN}
                  version={versions.data?.[0]?.version ?? null}
                />
              ) : (
                <Spin />
              ),
            },
            { key: 'versions', label: t('tabs.versions'), children: versionsTab },
          ]}
        />
      ) : (
        <>
          <Alert type="info" showIcon title={t('readOnly')} />
          {versionsTab}
        </>
      )}
    </Space>
  );
}
