// How the helpdesk's lookup reads what was typed, on both sides: the console enables Search and
// says the minimum by this rule, and main searches by the same terms.
import { foldDiacritics } from './fold-diacritics';

export interface LookupTerms {
  /** As typed (trimmed, NFKC): a Chinese name is matched as given, and without its spaces. */
  text: string;
  compact: string;
  /** Folded, lower case, without spaces: account names and staff IDs. */
  plain: string;
  /** Only the letters, folded: the key an English name is compared by ("godelkurt"). */
  letters: string;
  /** The folded words as typed ("godel", "kurt"): what the directory is asked for first. */
  words: string[];
}

/**
 * The query's terms, or null when it is too short to search: two letters or digits, or one
 * Chinese character (a one-character surname such as 王 is a real query).
 */
export function lookupTerms(query: string): LookupTerms | null {
  const text = query.normalize('NFKC').trim();
  const compact = text.replace(/\s+/g, '');
  const plain = foldDiacritics(compact).toLowerCase();
  const letters = plain.replace(/[^a-z]/g, '');
  const words = foldDiacritics(text)
    .toLowerCase()
    .split(/[^a-z]+/)
    .filter(Boolean);
  const long = /\p{Script=Han}/u.test(text) ? compact.length >= 1 : plain.replace(/[^a-z0-9]/g, '').length >= 2;
  return long ? { text, compact, plain, letters, words } : null;
}
