// Every string of each language as one tree, for the tests that read the locale files themselves.
// The kiosk loads English in two parts (i18n.ts); tests see it whole, as a person finally does.
import type { Language } from '../app/kiosk-store';
import en from '../i18n/locales/en/index';
import enBilingual from '../i18n/locales/en-bilingual.json';
import type { LocaleTree } from '../i18n/locales/locale-tree';
import zhTW from '../i18n/locales/zh-TW/index';

export type { LocaleTree };

/** a and b deep-merged; a key in both that holds a string in either is a clash, which the locale test reports. */
export function mergeTrees(a: LocaleTree, b: LocaleTree): LocaleTree {
  const out: LocaleTree = { ...a };
  for (const [key, value] of Object.entries(b)) {
    const mine = out[key];
    out[key] = typeof mine === 'object' && typeof value === 'object' ? mergeTrees(mine, value) : value;
  }
  return out;
}

export const LOCALES: Record<Language, LocaleTree> = { 'zh-TW': zhTW, en: mergeTrees(en, enBilingual) };
