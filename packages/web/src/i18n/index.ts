import i18n from 'i18next';
import { initReactI18next } from 'react-i18next';
import { en } from './en.ts';
import { zhCN } from './zh-CN.ts';

export type Language = 'zh-CN' | 'en';
export const LANGUAGES: readonly Language[] = ['zh-CN', 'en'];
const STORAGE_KEY = 'attain.language';

/** The saved language, else Chinese (the product's default), whatever the browser says. */
export function savedLanguage(): Language {
  try {
    const saved = localStorage.getItem(STORAGE_KEY);
    if (saved === 'en' || saved === 'zh-CN') return saved;
  } catch {
    // storage blocked: fall through to the default
  }
  return 'zh-CN';
}

export function saveLanguage(language: Language): void {
  try {
    localStorage.setItem(STORAGE_KEY, language);
  } catch {
    // storage blocked: the choice lasts for this page only
  }
  showLanguage(language);
}

/** The page's language and title follow the chosen language (screen readers, tabs, bookmarks). */
function showLanguage(language: string): void {
  document.documentElement.lang = language;
  document.title = language === 'en' ? 'Attain 达成' : '达成 Attain';
}

void i18n.use(initReactI18next).init({
  resources: { 'zh-CN': { translation: zhCN }, en: { translation: en } },
  lng: savedLanguage(),
  fallbackLng: 'zh-CN',
  interpolation: { escapeValue: false },
  returnNull: false,
});
showLanguage(i18n.language);

export const isChinese = (language: string) => language.startsWith('zh');

export { i18n };
