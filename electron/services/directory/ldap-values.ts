// Reading attribute values back. ldapts hands an attribute over as a string, a Buffer, an array of
// either, an empty array (asked for but absent) or nothing at all; these two read all of those.
import type { Entry } from 'ldapts';

/** Every value as text (a Buffer is read as UTF-8). */
export function allValues(value: Entry[string] | undefined): string[] {
  return ([] as unknown[]).concat(value ?? []).map(String);
}

/** The first value as text, or undefined when the attribute has none. */
export function firstValue(value: Entry[string] | undefined): string | undefined {
  return allValues(value)[0];
}
