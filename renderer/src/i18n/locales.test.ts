// Both languages must carry the same keys and the same interpolation variables, each string lives in
// exactly one file, and every file of a language's folder reaches that language's index.
import { describe, expect, it } from 'vitest';
import { LOCALES, type LocaleTree } from '../testing/locales';
import enLater from './locales/en/index';
import enBilingual from './locales/en-bilingual.json';
import zhTW from './locales/zh-TW/index';

const FILES = {
  'zh-TW': {
    files: import.meta.glob<LocaleTree>('./locales/zh-TW/*.json', { eager: true, import: 'default' }),
    index: zhTW,
  },
  en: {
    files: import.meta.glob<LocaleTree>('./locales/en/*.json', { eager: true, import: 'default' }),
    index: enLater,
  },
};

function flatten(tree: LocaleTree, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(tree)) {
    const path = prefix ? `${prefix}.${key}` : key;
    if (typeof value === 'string') out.set(path, value);
    else for (const [k, v] of flatten(value, path)) out.set(k, v);
  }
  return out;
}

const variables = (text: string) => [...text.matchAll(/{{\s*(\w+)\s*}}/g)].map((m) => m[1]).sort();

describe('locales', () => {
  const zh = flatten(LOCALES['zh-TW']);
  const en = flatten(LOCALES.en);

  it('keep each English string in one place: the bilingual lines are not also in en/', () => {
    const later = flatten(enLater as LocaleTree);
    expect([...flatten(enBilingual as LocaleTree).keys()].filter((k) => later.has(k))).toEqual([]);
  });

  it.each(Object.entries(FILES))(
    '%s: each file is in the index, and no string is in two files',
    (_, { files, index }) => {
      const seen = new Map<string, string>();
      const twice: string[] = [];
      for (const [file, tree] of Object.entries(files))
        for (const key of flatten(tree).keys()) {
          if (seen.has(key)) twice.push(`${key} in ${seen.get(key)} and ${file}`);
          seen.set(key, file);
        }
      expect(twice).toEqual([]);
      expect(Object.keys(files).length).toBeGreaterThan(1);
      expect([...flatten(index as LocaleTree).keys()].sort()).toEqual([...seen.keys()].sort());
    },
  );

  it('have the same keys in zh-TW and en', () => {
    expect([...zh.keys()].filter((k) => !en.has(k))).toEqual([]);
    expect([...en.keys()].filter((k) => !zh.has(k))).toEqual([]);
  });

  it('use the same interpolation variables in both languages', () => {
    for (const [key, text] of zh)
      expect({ key, vars: variables(en.get(key) ?? '') }).toEqual({ key, vars: variables(text) });
  });

  it('have no empty strings', () => {
    for (const [key, text] of [...zh, ...en]) expect({ key, empty: text.trim() === '' }).toEqual({ key, empty: false });
  });
});
