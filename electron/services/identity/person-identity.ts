// Who a person is to the kiosk, whichever way they arrived (an AIS handoff or the HR records at
// the helpdesk): the role an ID shape implies, whether their condition may apply, and the passport
// name made safe to show and store. One rule, used by both paths.
import { z } from 'zod';
import { KioskError } from '../kiosk-error';

export type Role = 'staff' | 'student';

/** Conditions (狀態) that may apply, per role; an operator keeps them in the configuration. */
export const EligibilitySettings = z
  .object({
    staff: z.array(z.string()).default(['一般', '出國', '借調', '退休']),
    student: z.array(z.string()).default([]),
  })
  .strict()
  .prefault({});
export type EligibilityRules = { staff: readonly string[]; student: readonly string[] };

/** IDs are compared in lower case, without the spaces a form or a record may carry. */
export function normaliseStaffId(text: string): string {
  return text.trim().toLowerCase();
}

/** Staff IDs are a letter and digits (z99999); student IDs are digits only. */
export function roleOf(id: string): Role | null {
  if (/^[a-z][0-9]{1,15}$/.test(id)) return 'staff';
  if (/^[0-9]{1,16}$/.test(id)) return 'student';
  return null;
}

/** The role of a normalised ID, or ROLE(0) for a shape the kiosk does not know. */
export function requireRole(id: string): Role {
  const role = roleOf(id);
  if (!role) throw new KioskError('ROLE(0)', 'unknown ID format');
  return role;
}

/** USER(-4) unless the person's condition is one the configuration lets apply. */
export function requireEligible(rules: EligibilityRules, role: Role, condition: string): void {
  if (!rules[role].includes(condition))
    throw new KioskError('USER(-4)', `condition "${condition}" not eligible for ${role}`);
}

/** Gödel → Godel (shared/names): for account names and password words, never for what is shown. */
export { foldDiacritics } from '../../../shared/names/fold-diacritics';

// Control characters (C0, DEL, C1) and the bidi embeddings, overrides and isolates: a name
// carrying them could reorder what the screen, the directory's cn or an audit line shows.
// eslint-disable-next-line no-control-regex -- matching control characters is the point here
const INVISIBLE = /[\u0000-\u001f\u007f-\u009f\u200e\u200f\u202a-\u202e\u2066-\u2069]/g;

/** Removes characters that would hide or reorder text; the rest of the name is kept as given. */
export function withoutHiddenCharacters(text: string): string {
  return text.replace(INVISIBLE, '');
}

/** A Chinese name as shown and stored: no hidden characters, no half- or full-width spaces. */
export function cleanChineseName(text: string): string {
  return withoutHiddenCharacters(text).replace(/[\s\u3000]+/g, '');
}

/**
 * A passport name as shown and kept: no hidden characters, single spaces, accents as the records
 * give them (GÖDEL stays GÖDEL on screen); account names fold it themselves (naming/).
 */
export function cleanPassportName(text: string): string {
  // NFC: an accent sent as a separate mark is shown and compared as the one letter it is.
  return withoutHiddenCharacters(text).normalize('NFC').replace(/\s+/g, ' ').trim();
}
