// Every user-visible string comes from the locale files: this fails when a component renders
// literal text (JSX text, or a literal label/title/placeholder/alt attribute).
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import ts from 'typescript';
import { describe, expect, it } from 'vitest';

const SRC = join(process.cwd(), 'renderer', 'src');
const VISIBLE_ATTRIBUTES = new Set(['aria-label', 'title', 'placeholder', 'alt', 'aria-description']);

function components(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'testing' ? [] : components(path);
    return entry.name.endsWith('.tsx') && !entry.name.endsWith('.test.tsx') ? [path] : [];
  });
}

export function literalStrings(source: string, fileName = 'x.tsx'): string[] {
  const file = ts.createSourceFile(fileName, source, ts.ScriptTarget.Latest, true, ts.ScriptKind.TSX);
  const found: string[] = [];
  const visit = (node: ts.Node) => {
    if (ts.isJsxText(node) && /\p{L}/u.test(node.text)) found.push(node.text.trim());
    if (
      ts.isJsxAttribute(node) &&
      VISIBLE_ATTRIBUTES.has(node.name.getText()) &&
      node.initializer &&
      ts.isStringLiteral(node.initializer)
    ) {
      found.push(node.initializer.text);
    }
    ts.forEachChild(node, visit);
  };
  visit(file);
  return found;
}

describe('no literal user-visible strings', () => {
  it('catches JSX text and literal labels (the check itself works)', () => {
    expect(literalStrings('const A = () => <p title="Hi">Hello {x}</p>;')).toEqual(['Hi', 'Hello']);
    expect(literalStrings('const A = () => <p className="x">{t("k")}</p>;')).toEqual([]);
  });

  it.each(components(SRC).map((p) => [relative(SRC, p), p]))('%s renders only translated text', (_name, path) => {
    expect(literalStrings(readFileSync(path, 'utf8'), path)).toEqual([]);
  });
});
