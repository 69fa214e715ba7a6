import { isChinese } from '../../i18n/index.ts';

/** "范涵（S0117）" in Chinese, "范涵 (S0117)" in English; more details joined with " · ". */
export function personLabel(name: string | null, id: string, language: string, ...details: string[]): string {
  const inside = [id, ...details].join(' · ');
  const who = name ?? '';
  return isChinese(language) ? `${who}（${inside}）` : `${who} (${inside})`;
}
