import { useQuery } from '@tanstack/react-query';
import { Select, Space, TreeSelect } from 'antd';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client.ts';
import type { OrgUnit } from '../../api/types.ts';
import { buildUnitTree, type UnitNode } from '../org/unitHierarchy.ts';
import type { Filters } from './goalsApi.ts';
import { METRICS, NAMESPACE } from './messages.ts';

export const FILTERS = ['product_line', 'customer_type', 'region'] as const;

export interface GoalsView extends Filters {
  readonly year: number;
  readonly metric: string;
  readonly root: string | undefined;
}

interface Props {
  readonly view: GoalsView;
  readonly units: readonly OrgUnit[];
  readonly onChange: (change: Partial<GoalsView>) => void;
}

type Dimensions = Record<(typeof FILTERS)[number], string[]>;
// The dimension values the data holds (the dashboard's KPI answer lists them for a year).
const fetchDimensions = (year: number) =>
  api<{ dimensions: Dimensions }>('/dashboard/kpis', { query: { period: String(year) } });

interface TreeOption {
  value: string;
  title: string;
  children: TreeOption[];
}

const treeData = (nodes: UnitNode[]): TreeOption[] =>
  nodes.map((node) => ({ value: node.unit.id, title: node.unit.name, children: treeData(node.children) }));

/** Year, metric, product line / customer type / region and the root unit of the goal grid. */
export function GoalsToolbar({ view, units, onChange }: Props) {
  const { t } = useTranslation(NAMESPACE);
  const thisYear = new Date().getFullYear();
  // Asked only when a filter is opened: the answer costs the server a fact scan the grid does not need.
  const [wanted, setWanted] = useState(false);
  const dimensions = useQuery({
    queryKey: ['goals-dimensions', view.year],
    queryFn: () => fetchDimensions(view.year),
    staleTime: Number.POSITIVE_INFINITY,
    enabled: wanted,
  });
  return (
    <Space wrap>
      <Select
        aria-label={t('toolbar.year')}
        data-testid="goals-year"
        value={view.year}
        onChange={(year: number) => onChange({ year })}
        options={[thisYear + 1, thisYear, thisYear - 1, thisYear - 2].map((y) => ({
          value: y,
          label: String(y),
        }))}
        style={{ width: 90 }}
      />
      <Select
        aria-label={t('toolbar.metric')}
        value={view.metric}
        onChange={(metric: string) => onChange({ metric })}
        options={METRICS.map((m) => ({ value: m, label: t(`metrics.${m}`) }))}
        style={{ width: 140 }}
      />
      <TreeSelect
        aria-label={t('toolbar.root')}
        data-testid="goals-root"
        value={view.root}
        onChange={(root: string) => onChange({ root })}
        treeData={treeData(buildUnitTree(units))}
        treeDefaultExpandAll
        style={{ width: 180 }}
        popupMatchSelectWidth={false}
      />
      {FILTERS.map((filter) => (
        <Select
          key={filter}
          allowClear
          aria-label={t(`filters.${filter}`)}
          placeholder={t(`filters.${filter}`)}
          value={view[filter]}
          onChange={(value?: string) => onChange({ [filter]: value })}
          onFocus={() => setWanted(true)}
          loading={dimensions.isFetching}
          options={(dimensions.data?.dimensions[filter] ?? []).map((v) => ({ value: v, label: v }))}
          style={{ width: 150 }}
        />
      ))}
    </Space>
  );
}
