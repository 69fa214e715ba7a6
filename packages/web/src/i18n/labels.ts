import type { TFunction } from 'i18next';
import type { EntityColumn, EntityMeta } from '../api/types.ts';
import { isChinese } from './index.ts';

/** The label of something described by the server in both languages (entities, columns). */
export const labelOf = (item: Pick<EntityMeta | EntityColumn, 'zh' | 'en'>, language: string): string =>
  isChinese(language) ? item.zh : item.en;

/** A role code as words ("rep" → "销售代表"); unknown codes shown as they are. */
export const roleLabel = (t: TFunction, role: string): string => t(`roles.${role}`, { defaultValue: role });

/** An enum value with a translation when we have one (roles, unit kinds), else as it is. */
export function enumLabel(t: TFunction, column: string, value: string): string {
  if (column === 'role') return roleLabel(t, value);
  return t(`enums.${column}.${value}`, { defaultValue: value });
}
