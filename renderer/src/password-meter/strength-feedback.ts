// zxcvbn's verdict as the meter shows it: the score, and its warning and suggestions turned into
// locale keys (zxcvbn 4.4.2 speaks only English, in a fixed set of sentences). Used by the worker
// and, with the same zxcvbn, by the tests.
import type { ZXCVBNResult } from 'zxcvbn';

export const WARNINGS = {
  'Straight rows of keys are easy to guess': 'straightRow',
  'Short keyboard patterns are easy to guess': 'keyPattern',
  'Repeats like "aaa" are easy to guess': 'repeatsSame',
  'Repeats like "abcabcabc" are only slightly harder to guess than "abc"': 'repeatsPattern',
  'Sequences like abc or 6543 are easy to guess': 'sequences',
  'Recent years are easy to guess': 'recentYears',
  'Dates are often easy to guess': 'dates',
  'This is a top-10 common password': 'top10',
  'This is a top-100 common password': 'top100',
  'This is a very common password': 'veryCommon',
  'This is similar to a commonly used password': 'similarCommon',
  'A word by itself is easy to guess': 'wordAlone',
  'Names and surnames by themselves are easy to guess': 'namesAlone',
  'Common names and surnames are easy to guess': 'commonNames',
} as const;

export const SUGGESTIONS = {
  'Use a few words, avoid common phrases': 'fewWords',
  'No need for symbols, digits, or uppercase letters': 'noNeed',
  'Add another word or two. Uncommon words are better.': 'addWord',
  'Use a longer keyboard pattern with more turns': 'longerPattern',
  'Avoid repeated words and characters': 'avoidRepeats',
  'Avoid sequences': 'avoidSequences',
  'Avoid recent years': 'avoidRecentYears',
  'Avoid years that are associated with you': 'avoidYourYears',
  'Avoid dates and years that are associated with you': 'avoidYourDates',
  "Capitalization doesn't help very much": 'capitals',
  'All-uppercase is almost as easy to guess as all-lowercase': 'allUppercase',
  "Reversed words aren't much harder to guess": 'reversed',
  "Predictable substitutions like '@' instead of 'a' don't help very much": 'substitutions',
} as const;

/** 'personal' is ours: the password contains the person's own name or ID (zxcvbn's user inputs). */
export type WarningKey = (typeof WARNINGS)[keyof typeof WARNINGS] | 'personal';
export type SuggestionKey = (typeof SUGGESTIONS)[keyof typeof SUGGESTIONS];

export interface Strength {
  score: number;
  warning: WarningKey | null;
  suggestions: SuggestionKey[];
}

const known = <T extends Record<string, string>>(table: T, text: string): T[keyof T] | undefined =>
  Object.hasOwn(table, text) ? (table[text] as T[keyof T]) : undefined;

export function strengthOf(result: Pick<ZXCVBNResult, 'score' | 'feedback' | 'sequence'>): Strength {
  const personal = result.sequence.some(
    (match) => (match as { dictionary_name?: string }).dictionary_name === 'user_inputs',
  );
  const warning = personal && result.score < 3 ? 'personal' : (known(WARNINGS, result.feedback.warning) ?? null);
  const suggestions = result.feedback.suggestions
    .map((s) => known(SUGGESTIONS, s))
    .filter((s): s is SuggestionKey => s !== undefined);
  return { score: result.score, warning, suggestions };
}
