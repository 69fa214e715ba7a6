import { useQuery } from '@tanstack/react-query';
import { Space, Tabs, Typography } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ErrorAlert } from '../../components/ErrorAlert.tsx';
import { useLanguage } from '../../i18n/useLanguage.ts';
import { useSession } from '../../session/useSession.ts';
import { CascadeModal } from './CascadeModal.tsx';
import { type EditTarget, GoalEditModal } from './GoalEditModal.tsx';
import { GoalGrid } from './GoalGrid.tsx';
import { FILTERS, GoalsToolbar, type GoalsView } from './GoalsToolbar.tsx';
import { type Filters, fetchGrid, fetchLocks, GOALS_KEY, type GridRow } from './goalsApi.ts';
import { lockOf } from './goalValues.ts';
import { LocksPanel } from './LocksPanel.tsx';
import { NAMESPACE } from './messages.ts';
import { ProposalsPanel } from './ProposalsPanel.tsx';
import { useGoalRoot } from './useGoalRoot.ts';

/** 目标管理: the goal grid (edit, cascade, propose), the proposals to decide, and period locks. */
export default function GoalsPage() {
  const { t } = useTranslation(NAMESPACE);
  const { language } = useLanguage();
  const { me, access } = useSession();
  const { units, defaultRoot, error: treeError } = useGoalRoot(me);
  const [view, setView] = useState<GoalsView>({
    year: new Date().getFullYear(),
    metric: 'revenue',
    root: undefined,
  });
  const root = view.root ?? defaultRoot;
  const filters: Filters = Object.fromEntries(FILTERS.filter((f) => view[f]).map((f) => [f, view[f]]));
  const [editing, setEditing] = useState<EditTarget | null>(null);
  const [cascading, setCascading] = useState<GridRow | null>(null);

  const grid = useQuery({
    queryKey: [GOALS_KEY, 'grid', view.year, view.metric, root, filters],
    queryFn: () => fetchGrid({ year: view.year, metric: view.metric, root: root as string, ...filters }),
    enabled: !!root,
    placeholderData: (previous) => previous,
  });
  const locksQuery = useQuery({ queryKey: [GOALS_KEY, 'locks'], queryFn: fetchLocks });
  const locks = locksQuery.data?.locks ?? [];

  const gridTab = (
    <Space direction="vertical" style={{ width: '100%' }}>
      <GoalsToolbar
        view={{ ...view, root }}
        units={units}
        onChange={(change) => setView({ ...view, ...change })}
      />
      {(grid.error || treeError) && (
        <ErrorAlert error={grid.error ?? treeError} onRetry={() => void grid.refetch()} />
      )}
      <GoalGrid
        grid={grid.data}
        loading={grid.isFetching && !grid.data}
        locks={locks}
        language={language}
        onOpenCell={(row, period) => setEditing({ row, period })}
        onCascade={setCascading}
      />
    </Space>
  );
  return (
    <Space direction="vertical" style={{ width: '100%' }}>
      <Typography.Title level={3} style={{ margin: 0 }}>
        {t('title')}
      </Typography.Title>
      <Tabs
        destroyOnHidden
        items={[
          { key: 'grid', label: t('tabs.grid'), children: gridTab },
          {
            key: 'proposals',
            label: t('tabs.proposals'),
            children: <ProposalsPanel login={me?.user.login ?? ''} locks={locks} language={language} />,
          },
          ...(access.canLockGoals
            ? [
                {
                  key: 'locks',
                  label: t('tabs.locks'),
                  children: <LocksPanel locks={locks} year={view.year} canLock={access.canLockGoals} />,
                },
              ]
            : []),
        ]}
      />
      {editing && grid.data && (
        <GoalEditModal
          target={editing}
          metric={grid.data.metric}
          filters={filters}
          locked={!!lockOf(editing.period, locks)}
          language={language}
          onClose={() => setEditing(null)}
        />
      )}
      {cascading && grid.data && (
        <CascadeModal
          row={cascading}
          grid={grid.data}
          filters={filters}
          locks={locks}
          language={language}
          onClose={() => setCascading(null)}
        />
      )}
    </Space>
  );
}
