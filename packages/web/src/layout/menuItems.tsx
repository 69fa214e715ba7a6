import {
  AimOutlined,
  AuditOutlined,
  ClusterOutlined,
  DashboardOutlined,
  DatabaseOutlined,
  FileTextOutlined,
  HomeOutlined,
  MoneyCollectOutlined,
  TeamOutlined,
  UploadOutlined,
} from '@ant-design/icons';
import type { MenuProps } from 'antd';
import type { TFunction } from 'i18next';
import type { Access } from '../access.ts';
import type { EntityMeta } from '../api/types.ts';
import { labelOf } from '../i18n/labels.ts';

type MenuItem = Required<MenuProps>['items'][number];

/** How the Data menu groups the entities of contract §2; an entity not listed falls under facts. */
const DATA_GROUPS = [
  { key: 'org', entities: ['units', 'people', 'unit_moves'] },
  { key: 'master', entities: ['products', 'customers'] },
  { key: 'facts', entities: [] },
  { key: 'goals', entities: ['goals'] },
] as const;

const groupOf = (entity: string): string =>
  DATA_GROUPS.find((group) => (group.entities as readonly string[]).includes(entity))?.key ?? 'facts';

/** The side menu a user sees: only what their permissions allow (the server enforces it anyway). */
export function menuItemsOf(access: Access, entities: readonly EntityMeta[], t: TFunction, language: string) {
  const items: MenuItem[] = [
    { key: '/', icon: <HomeOutlined />, label: t('menu.home') },
    { key: '/dashboard', icon: <DashboardOutlined />, label: t('menu.dashboard') },
  ];
  if (access.canSeeGoals) items.push({ key: '/goals', icon: <AimOutlined />, label: t('menu.goals') });
  items.push({ key: '/pay', icon: <MoneyCollectOutlined />, label: t('menu.pay') });
  items.push({ key: '/plans', icon: <FileTextOutlined />, label: t('menu.plans') }); // everyone reads the plan
  if (access.canSeeOrg) items.push({ key: '/org', icon: <ClusterOutlined />, label: t('menu.org') });
  if (access.canBrowseData && entities.length > 0) {
    items.push({
      key: 'data',
      icon: <DatabaseOutlined />,
      label: t('menu.data'),
      children: DATA_GROUPS.map((group) => ({
        key: `data-${group.key}`,
        type: 'group' as const,
        label: t(`menu.dataGroups.${group.key}`),
        children: entities
          .filter((entity) => groupOf(entity.name) === group.key)
          .map((entity) => ({ key: `/data/${entity.name}`, label: labelOf(entity, language) })),
      })).filter((group) => group.children.length > 0),
    });
  }
  if (access.canImport) items.push({ key: '/import', icon: <UploadOutlined />, label: t('menu.import') });
  if (access.canManageUsers) items.push({ key: '/users', icon: <TeamOutlined />, label: t('menu.users') });
  if (access.canSeeAudit) items.push({ key: '/audit', icon: <AuditOutlined />, label: t('menu.audit') });
  return items;
}

/** The menu key of a path: `/data/orders?x` → `/data/orders`. */
export const selectedKeyOf = (pathname: string): string => {
  const match = /^\/(data\/[^/]+|dashboard|goals|pay|plans|org|import|users|audit)/.exec(pathname);
  if (pathname === '/') return '/';
  return match ? `/${match[1]}` : '';
};
