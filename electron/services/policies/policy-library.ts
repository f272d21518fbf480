// The policies a person reads and accepts, as content rather than code: one Markdown file per
// policy and language, with front matter. An operator's folder with the official texts takes
// precedence over the bundled summaries. Everything is read from local files, so "Read the
// policies" works with the directory and AIS unreachable.
import { createHash } from 'node:crypto';
import { join } from 'node:path';
import { parse as parseYaml } from 'yaml';
import { z } from 'zod';
import type { PolicyId, PolicyLanguage } from '../../../shared/contract/schemas';
import { KioskError } from '../kiosk-error';

const FrontMatter = z.object({
  title: z.string().min(1),
  version: z.string().min(1),
  approved: z.string().regex(/^\d{4}-\d{2}-\d{2}$/),
  amended: z.array(z.string().regex(/^\d{4}-\d{2}-\d{2}$/)).default([]),
  /** True for the kiosk's own short summaries; official texts installed by the operator say false. */
  summary: z.boolean().default(false),
  /** Where the official text is published. */
  source: z.string().optional(),
});

export interface PolicyDocument extends z.infer<typeof FrontMatter> {
  id: PolicyId;
  language: PolicyLanguage;
  markdown: string;
  /** SHA-256 of the whole file as shown: the consent receipt names exactly this text. */
  hash: string;
}

export function parsePolicyFile(id: PolicyId, language: PolicyLanguage, text: string): PolicyDocument {
  const match = /^---\r?\n([\s\S]*?)\r?\n---\r?\n([\s\S]*)$/.exec(text);
  if (!match) throw new Error(`${id}.${language}.md has no front matter`);
  // YAML 1.2 (the yaml package's default) keeps a date such as 2002-05-23 as text.
  const meta = FrontMatter.parse(parseYaml(match[1]!) as unknown);
  return {
    ...meta,
    id,
    language,
    markdown: match[2]!.trim(),
    hash: createHash('sha256').update(text, 'utf8').digest('hex'),
  };
}

export class PolicyLibrary {
  /**
   * @param folders searched in order: the operator's folder (if configured), then the bundled one.
   */
  constructor(
    private readonly folders: readonly string[],
    private readonly readFile: (path: string) => string,
  ) {}

  get(id: PolicyId, language: PolicyLanguage): PolicyDocument {
    const failures: string[] = [];
    for (const folder of this.folders) {
      const path = join(folder, `${id}.${language}.md`);
      let text: string;
      try {
        text = this.readFile(path);
      } catch {
        continue; // not installed here: try the next folder
      }
      try {
        return parsePolicyFile(id, language, text);
      } catch (error) {
        failures.push(`${path}: ${(error as Error).message}`);
      }
    }
    throw new KioskError(
      'POLICY_UNAVAILABLE',
      failures.join('; ') || `no ${id}.${language}.md in ${this.folders.join(', ')}`,
    );
  }
}
