// Path resolution for app:// and the browser host: nothing outside the renderer folder, ever.
import { resolve, sep } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { RENDERER_CSP, contentTypeFor, resolveRendererFile } from '../../../../electron/services/renderer-files';

const root = resolve('/srv/kiosk/renderer');

describe('resolveRendererFile', () => {
  it('maps / to index.html and ordinary paths inside the folder', () => {
    expect(resolveRendererFile(root, '/')).toBe(`${root}${sep}index.html`);
    expect(resolveRendererFile(root, '/assets/index-abc.js')).toBe(`${root}${sep}assets${sep}index-abc.js`);
    expect(resolveRendererFile(root, '/assets/a%20b.css?v=1#x')).toBe(`${root}${sep}assets${sep}a b.css`);
  });

  it.each([
    '/../secret',
    '/../../etc/passwd',
    '/assets/../../etc/passwd',
    '/%2e%2e/%2e%2e/etc/passwd',
    '/%2E%2E%2Fetc%2Fpasswd',
    '/..%2f..%2fetc%2fpasswd',
    '/..\\..\\windows\\win.ini',
    '/%5c..%5c..%5cwindows',
    '//etc/passwd',
    '/C:/Windows/win.ini',
    '/index.html%00.png',
    '/%E0%A4%A',
    '/..',
  ])('refuses %s', (path) => {
    const resolved = resolveRendererFile(root, path);
    // '//etc/passwd' may resolve inside the root as etc/passwd; it must never escape.
    if (resolved !== null) expect(resolved.startsWith(root + sep)).toBe(true);
    if (path !== '//etc/passwd') expect(resolved).toBeNull();
  });

  it('never resolves outside the folder, whatever the input (property)', () => {
    fc.assert(
      fc.property(
        fc.oneof(
          fc.string(),
          fc.webPath(),
          fc
            .array(fc.constantFrom('..', '.', '%2e', '%2f', '/', '\\', 'a', '%00', 'C:'), { maxLength: 12 })
            .map((p) => '/' + p.join('')),
        ),
        (path) => {
          const resolved = resolveRendererFile(root, path);
          return resolved === null || resolved.startsWith(root + sep);
        },
      ),
      { numRuns: 5000 },
    );
  }, 60_000);
});

describe('renderer policy', () => {
  it('forbids inline script, inline style and eval', () => {
    expect(RENDERER_CSP).toContain("default-src 'self'");
    expect(RENDERER_CSP).not.toMatch(/unsafe-inline|unsafe-eval/);
    expect(RENDERER_CSP).toContain("object-src 'none'");
  });

  it('names content types by extension', () => {
    expect(contentTypeFor('/a/index.html')).toBe('text/html; charset=utf-8');
    expect(contentTypeFor('/a/x.JS')).toBe('text/javascript; charset=utf-8');
    expect(contentTypeFor('/a/x.bin')).toBe('application/octet-stream');
  });
});
