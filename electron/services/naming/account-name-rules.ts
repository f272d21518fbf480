// The account-name rules of the legacy portal (docs/legacy-service.md "Account names"), as pure
// functions: parsing the passport name, the candidate patterns, and validity.
import { foldDiacritics } from '../../../shared/names/fold-diacritics';

export const NAME_MIN = 3;
export const NAME_MAX = 16;
const SEPARATORS = ['.', '-', '_'] as const;

export interface NameWords {
  /** Words that make a name invalid when contained anywhere in it. */
  reserved: readonly string[];
}

export interface ParsedPassportName {
  surname: string[];
  given: string[];
}

// Accents are folded here, where names become account names: the name on screen keeps them.
const tokens = (text: string) =>
  foldDiacritics(text)
    .toLowerCase()
    .split(/[^a-z]+/)
    .filter(Boolean);

/**
 * "SURNAME, GIVEN NAMES" when there is a comma; "Given Surname" when there is no comma and exactly
 * two words; otherwise given names only. Diacritics are folded (GÖDEL gives godel).
 */
export function parsePassportName(nameEn: string): ParsedPassportName {
  const comma = nameEn.indexOf(',');
  if (comma >= 0) return { surname: tokens(nameEn.slice(0, comma)), given: tokens(nameEn.slice(comma + 1)) };
  const words = nameEn.trim().split(/\s+/).filter(Boolean);
  if (words.length === 2) return { surname: tokens(words[1]!), given: tokens(words[0]!) };
  return { surname: [], given: tokens(nameEn) };
}

/** The base candidates before validity and availability: every pattern, duplicates removed. */
export function candidatePatterns({ surname, given }: ParsedPassportName): string[] {
  const S = surname.join('');
  const G = given.join('');
  const iG = given.map((t) => t[0]).join('');
  const out: string[] = [];
  if (G) out.push(G);
  if (S && G) {
    out.push(iG + S, S + iG, G + S, S + G);
    for (const sep of SEPARATORS) out.push(iG + sep + S, S + sep + iG, G + sep + S, S + sep + G);
  }
  // Initials of every token but the last, then the last: "Ou Yang" → oyang.
  const compound = surname.length > 0 ? surname : given;
  if (compound.length > 0)
    out.push(
      compound
        .slice(0, -1)
        .map((t) => t[0])
        .join('') + compound.at(-1),
    );
  return [...new Set(out)];
}

export function isValidAccountName(name: string, words: NameWords): boolean {
  if (name.length < NAME_MIN || name.length > NAME_MAX) return false;
  if (!/^[a-z][a-z0-9._-]*$/.test(name)) return false;
  // Every separator must be followed by a letter: "wang." and "wang.2" are refused.
  if (/[._-](?![a-z])/.test(name)) return false;
  if (name.startsWith('root') || name.startsWith('sysop')) return false;
  return !words.reserved.some((word) => name.includes(word));
}

export function sortCandidates(names: Iterable<string>): string[] {
  return [...names].sort((a, b) => a.length - b.length || (a < b ? -1 : a > b ? 1 : 0));
}

/** The names to try for one base candidate, in order: itself, then the 2 and 3 suffixes. */
export function suffixRounds(base: string): [string, string, string] {
  return [base, `${base}2`, `${base}3`];
}

/** Valid base candidates for a passport name, sorted as they would be offered. */
export function offlineCandidates(nameEn: string, words: NameWords): string[] {
  return sortCandidates(candidatePatterns(parsePassportName(nameEn)).filter((n) => isValidAccountName(n, words)));
}
