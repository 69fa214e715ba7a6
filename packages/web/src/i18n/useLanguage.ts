import dayjs from 'dayjs';
import 'dayjs/locale/zh-cn';
import { useTranslation } from 'react-i18next';
import { isChinese, type Language, saveLanguage } from './index.ts';

export function applyDayjsLocale(language: string): void {
  dayjs.locale(isChinese(language) ? 'zh-cn' : 'en');
}

/** The current language and a switch that also persists it and moves dayjs along. */
export function useLanguage() {
  const { i18n } = useTranslation();
  const language: Language = isChinese(i18n.language) ? 'zh-CN' : 'en';
  const setLanguage = (next: Language) => {
    saveLanguage(next);
    applyDayjsLocale(next);
    void i18n.changeLanguage(next);
  };
  return { language, setLanguage, isChinese: language === 'zh-CN' };
}
