// Both languages must carry the same keys and the same interpolation variables.
import { describe, expect, it } from 'vitest';
import { LOCALES } from './i18n';

type Tree = { [key: string]: string | Tree };

function flatten(tree: Tree, prefix = ''): Map<string, string> {
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
  const zh = flatten(LOCALES['zh-TW'] as Tree);
  const en = flatten(LOCALES.en as Tree);

  it('have the same keys in zh-TW and en', () => {
    expect([...zh.keys()].filter((k) => !en.has(k))).toEqual([]);
    expect([...en.keys()].filter((k) => !zh.has(k))).toEqual([]);
  });

  it('use the same interpolation variables in both languages', () => {
    for (const [key, text] of zh) expect({ key, vars: variables(en.get(key) ?? '') }).toEqual({ key, vars: variables(text) });
  });

  it('have no empty strings', () => {
    for (const [key, text] of [...zh, ...en]) expect({ key, empty: text.trim() === '' }).toEqual({ key, empty: false });
  });
});
