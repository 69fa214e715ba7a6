import { Input, Tag, Tree, Typography } from 'antd';
import type { DataNode } from 'antd/es/tree';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { OrgUnit } from '../../api/types.ts';
import { buildUnitTree, matchingWithAncestors, type UnitNode } from './unitHierarchy.ts';

interface Props {
  readonly units: readonly OrgUnit[];
  readonly selectedId: string | undefined;
  readonly onSelect: (unit: OrgUnit) => void;
}

/** The organisation as a tree with head counts; a search expands to the units it finds. */
export function UnitTree({ units, selectedId, onSelect }: Props) {
  const { t } = useTranslation();
  const [search, setSearch] = useState('');
  const roots = useMemo(() => buildUnitTree(units), [units]);
  const matches = useMemo(() => matchingWithAncestors(units, search), [units, search]);
  // Open the first two levels by default; a search opens the way to what it found.
  const [expanded, setExpanded] = useState<string[]>(() =>
    roots.flatMap((root) => [root.unit.id, ...root.children.map((child) => child.unit.id)]),
  );

  const toData = (node: UnitNode): DataNode => ({
    key: node.unit.id,
    title: (
      <span style={{ whiteSpace: 'nowrap' }}>
        <Typography.Text strong={matches.has(node.unit.id) && search !== ''}>
          {node.unit.name}
        </Typography.Text>{' '}
        {node.unit.kind && (
          <Tag bordered={false}>{t(`unitKinds.${node.unit.kind}`, { defaultValue: node.unit.kind })}</Tag>
        )}
        <Typography.Text type="secondary">
          {t('org.headcount', { count: node.unit.headcount })}
        </Typography.Text>
      </span>
    ),
    children: node.children.filter((child) => search === '' || matches.has(child.unit.id)).map(toData),
  });
  const treeData = roots.filter((root) => search === '' || matches.has(root.unit.id)).map(toData);
  const byId = new Map(units.map((unit) => [unit.id, unit]));

  return (
    <div>
      <Input.Search
        allowClear
        placeholder={t('org.searchUnits')}
        onChange={(event) => setSearch(event.target.value)}
        style={{ marginBottom: 12 }}
      />
      <Tree
        blockNode
        treeData={treeData}
        expandedKeys={search ? [...matches] : expanded}
        onExpand={(keys) => setExpanded(keys.map(String))}
        selectedKeys={selectedId ? [selectedId] : []}
        onSelect={(keys) => {
          const unit = byId.get(String(keys[0]));
          if (unit) onSelect(unit);
        }}
      />
    </div>
  );
}
