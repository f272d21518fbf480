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

/** 2026-12-02T03:04:05.678Z (as ms) → 20261202030405Z: GeneralizedTime in UTC, whole seconds. */
export function generalizedTime(ms: number): string {
  return new Date(ms)
    .toISOString()
    .replace(/[-:T]/g, '')
    .replace(/\.\d+Z$/, 'Z');
}

/** 20261202030405Z → its time in ms; null for anything else (fractions and offsets are not used here). */
export function parseGeneralizedTime(text: string | undefined): number | null {
  const m = text && /^(\d{4})(\d{2})(\d{2})(\d{2})(\d{2})(\d{2})Z$/.exec(text);
  return m ? Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]), Number(m[4]), Number(m[5]), Number(m[6])) : null;
}
