// Both languages must carry the same keys and the same interpolation variables, and each English
// string lives in exactly one of its two files.
import { describe, expect, it } from 'vitest';
import { LOCALES, type LocaleTree } from '../testing/locales';
import enLater from './locales/en.json';
import enBilingual from './locales/en-bilingual.json';

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

  it('keep each English string in one file: the bilingual lines are not also in en.json', () => {
    const later = flatten(enLater as LocaleTree);
    expect([...flatten(enBilingual as LocaleTree).keys()].filter((k) => later.has(k))).toEqual([]);
  });

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
