// i18next setup: Traditional Chinese first, English second; every string lives in locales/.
import i18next, { type i18n } from 'i18next';
import { initReactI18next } from 'react-i18next';
import en from './locales/en.json';
import zhTW from './locales/zh-TW.json';
import { DEFAULT_LANGUAGE } from '../app/kiosk-store';

export const LOCALES = { 'zh-TW': zhTW, en } as const;

export function createI18n(): i18n {
  const instance = i18next.createInstance();
  void instance.use(initReactI18next).init({
    resources: { 'zh-TW': { translation: zhTW }, en: { translation: en } },
    lng: DEFAULT_LANGUAGE,
    fallbackLng: false,
    // React escapes output already; double escaping would show entities on screen.
    interpolation: { escapeValue: false },
    initAsync: false,
    returnNull: false,
  });
  return instance;
}
