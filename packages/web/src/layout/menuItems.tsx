import {
  AuditOutlined,
  ClusterOutlined,
  DatabaseOutlined,
  HomeOutlined,
  UploadOutlined,
} from '@ant-design/icons';
import type { MenuProps } from 'antd';
import type { TFunction } from 'i18next';
import type { Access } from '../access.ts';
import type { EntityMeta } from '../api/types.ts';
import { labelOf } from '../i18n/labels.ts';

type MenuItem = Required<MenuProps>['items'][number];

/** The side menu a user sees: only what their permissions allow (the server enforces it anyway). */
export function menuItemsOf(access: Access, entities: readonly EntityMeta[], t: TFunction, language: string) {
  const items: MenuItem[] = [{ key: '/', icon: <HomeOutlined />, label: t('menu.home') }];
  if (access.canSeeOrg) items.push({ key: '/org', icon: <ClusterOutlined />, label: t('menu.org') });
  if (access.canBrowseData && entities.length > 0) {
    items.push({
      key: 'data',
      icon: <DatabaseOutlined />,
      label: t('menu.data'),
      children: entities.map((entity) => ({ key: `/data/${entity.name}`, label: labelOf(entity, language) })),
    });
  }
  if (access.canImport) items.push({ key: '/import', icon: <UploadOutlined />, label: t('menu.import') });
  if (access.canSeeAudit) items.push({ key: '/audit', icon: <AuditOutlined />, label: t('menu.audit') });
  return items;
}

/** The menu key of a path: `/data/orders?x` → `/data/orders`. */
export const selectedKeyOf = (pathname: string): string => {
  const match = /^\/(data\/[^/]+|org|import|audit)/.exec(pathname);
  return match ? `/${match[1]}` : '/';
};
