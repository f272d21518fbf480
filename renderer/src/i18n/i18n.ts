// i18next setup: Traditional Chinese first, English second; every string lives in locales/, a folder
// per language with a file per area, merged by the folder's index.ts.
// Only the default language is in the first script. English is its own chunk, fetched when someone
// switches (or in the background once Welcome is up), so the first screen does not parse a
// language nobody may ask for. The few English lines shown beside Chinese at the same time (the
// out-of-service screen, "back to the kiosk", the paused-writes notice, the idle question) live in
// en-bilingual.json and load with the first script, so a bilingual screen never waits for them.
import i18next, { type i18n } from 'i18next';
import { initReactI18next } from 'react-i18next';
import enBilingual from './locales/en-bilingual.json';
import zhTW from './locales/zh-TW/index';
import { DEFAULT_LANGUAGE, type Language } from '../app/kiosk-store';

export function createI18n(): i18n {
  const instance = i18next.createInstance();
  void instance.use(initReactI18next).init({
    resources: { 'zh-TW': { translation: zhTW }, en: { translation: enBilingual } },
    lng: DEFAULT_LANGUAGE,
    fallbackLng: false,
    // React escapes output already; double escaping would show entities on screen.
    interpolation: { escapeValue: false },
    initAsync: false,
    returnNull: false,
  });
  return instance;
}

/** Fetches a language's strings (once; the module system keeps the chunk) and adds them to the instance. */
export async function loadLanguage(instance: i18n, language: Language): Promise<void> {
  if (language === 'zh-TW') return; // in the first script
  const { default: strings } = await import('./locales/en/index');
  // Deep: the bilingual lines already sit in the same sections (errors, idle, signIn).
  instance.addResourceBundle(language, 'translation', strings, true, false);
}
