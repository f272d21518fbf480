// Policies as content: the bundled summaries, an operator's official texts, and what is hashed.
import { createHash } from 'node:crypto';
import { mkdtemp, readFile, writeFile } from 'node:fs/promises';
import { readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SOURCE_POLICIES_DIR } from '../../../../../dev/cli/source-paths';
import { AuditLog } from '../../../../../electron/services/audit/audit-log';
import { Consents } from '../../../../../electron/services/policies/consents';
import { PolicyLibrary } from '../../../../../electron/services/policies/policy-library';
import { KioskSessions } from '../../../../../electron/services/session/kiosk-session';

const read = (p: string) => readFileSync(p, 'utf8');
const bundled = new PolicyLibrary([SOURCE_POLICIES_DIR], read);

describe('bundled policy summaries', () => {
  it.each(['zh-TW', 'en'] as const)('carry the seed’s dates and are marked as summaries (%s)', (language) => {
    const network = bundled.get('network-usage', language);
    expect(network).toMatchObject({ approved: '2002-05-23', amended: [], summary: true });
    const email = bundled.get('email-terms', language);
    expect(email).toMatchObject({
      approved: '2005-07-07',
      amended: ['2008-09-18', '2008-11-13', '2015-05-28', '2016-03-03', '2018-03-08'],
      summary: true,
    });
    for (const doc of [network, email]) {
      expect(doc.source).toBeTruthy();
      expect(doc.markdown).toMatch(language === 'en' ? /summary/i : /摘要/);
      expect(doc.markdown.startsWith('#')).toBe(true);
    }
  });

  it('hashes exactly the file that is shown', async () => {
    const text = await readFile(join(SOURCE_POLICIES_DIR, 'email-terms.en.md'), 'utf8');
    expect(bundled.get('email-terms', 'en').hash).toBe(createHash('sha256').update(text).digest('hex'));
  });
});

describe('operator folder', () => {
  it('takes precedence where it has a file, and falls back to the bundled one elsewhere', async () => {
    const folder = await mkdtemp(join(tmpdir(), 'mx-policies-'));
    await writeFile(
      join(folder, 'network-usage.zh-TW.md'),
      '---\ntitle: 校園網路使用規範\nversion: official-2002\napproved: "2002-05-23"\nsummary: false\n---\n# 正式條文\n',
    );
    const library = new PolicyLibrary([folder, SOURCE_POLICIES_DIR], read);
    expect(library.get('network-usage', 'zh-TW')).toMatchObject({
      version: 'official-2002',
      summary: false,
      markdown: '# 正式條文',
    });
    expect(library.get('network-usage', 'en').summary).toBe(true);
  });

  it('answers POLICY_UNAVAILABLE, naming the broken file, when nothing usable is found', async () => {
    const folder = await mkdtemp(join(tmpdir(), 'mx-policies-'));
    await writeFile(join(folder, 'email-terms.en.md'), 'no front matter here');
    const library = new PolicyLibrary([folder], read);
    expect(() => library.get('email-terms', 'en')).toThrow(
      expect.objectContaining({ code: 'POLICY_UNAVAILABLE', detail: expect.stringContaining('email-terms.en.md') }),
    );
    expect(() => library.get('network-usage', 'en')).toThrow(expect.objectContaining({ code: 'POLICY_UNAVAILABLE' }));
  });
});

describe('Consents', () => {
  function setup() {
    const lines: Array<Record<string, unknown>> = [];
    const audit = new AuditLog(async (l) => void lines.push(JSON.parse(l)), { now: () => 0 }, 'k');
    const sessions = new KioskSessions({ now: () => 0 }, { maxSeconds: 1200, idleSeconds: 300 });
    const session = sessions.start(
      {
        id: 'z1',
        name: 'n',
        nameEn: 'A B',
        ip: '1.1.1.1',
        timestamp: 0,
        language: 'en',
        condition: '一般',
        role: 'staff',
      },
      'apply',
    );
    return { consents: new Consents(bundled, audit), session, lines };
  }
  const receipt = (id: 'network-usage' | 'email-terms', language: 'zh-TW' | 'en' = 'en') => {
    const { version, hash } = bundled.get(id, language);
    return { id, version, hash, language };
  };

  it('records version, hash and language in the audit, in the wizard’s order', async () => {
    const { consents, session, lines } = setup();
    await expect(consents.accept(session, receipt('email-terms'))).rejects.toMatchObject({ code: 'WRONG_STEP' });
    await consents.accept(session, receipt('network-usage'));
    await consents.accept(session, receipt('email-terms', 'zh-TW'));
    expect(lines.map((l) => l.document)).toEqual([receipt('network-usage'), receipt('email-terms', 'zh-TW')]);
    expect(consents.requireAll(session).map((r) => r.id)).toEqual(['network-usage', 'email-terms']);
  });

  it('refuses a text that is not the one served now', async () => {
    const { consents, session } = setup();
    await expect(consents.accept(session, { ...receipt('network-usage'), hash: '0'.repeat(64) })).rejects.toMatchObject(
      { code: 'POLICY_CHANGED' },
    );
    expect(() => consents.requireAll(session)).toThrow(expect.objectContaining({ code: 'CONSENT_MISSING' }));
  });

  it('audits a rejection with the policy that was rejected', async () => {
    const { consents, session, lines } = setup();
    await consents.accept(session, receipt('network-usage'));
    await consents.rejected(session);
    expect(lines.at(-1)).toMatchObject({ action: 'consent', result: 'refused', detail: 'rejected email-terms' });
  });
});
