// The one error type a service throws on purpose: it carries a stable result code for the renderer.
import type { ResultCode } from '../../shared/contract/codes';

/** Facts the person may see alongside the code; nothing else of an error leaves main. */
export interface PublicFacts {
  /** The account concerned: the one that already exists (USER(-1)) or that was left behind. */
  account?: string;
  /** The directory's own words when its password policy refuses (English, from the server). */
  reason?: string;
  /** Seconds after which trying again makes sense (APPLICATION_IN_PROGRESS). */
  retryAfterSeconds?: number;
  /** Wrong tries still allowed (CONTACT_CODE_WRONG at the counter). */
  triesLeft?: number;
}

export class KioskError extends Error {
  constructor(
    readonly code: ResultCode,
    // Internal detail for main's log only; never sent to the renderer.
    readonly detail?: string,
    readonly facts: PublicFacts = {},
  ) {
    super(detail ? `${code}: ${detail}` : code);
    this.name = 'KioskError';
  }
}

/** Any failure as the one error type: a KioskError as it is, anything else INTERNAL (its message stays in main). */
export function toKioskError(error: unknown): KioskError {
  return error instanceof KioskError
    ? error
    : new KioskError('INTERNAL', error instanceof Error ? error.message : String(error));
}

/**
 * Codes that are the person's or the situation's answer, not a failure of the kiosk: an attempt
 * ending with one is audited as refused; anything else as failed.
 */
const REFUSALS: ReadonlySet<ResultCode> = new Set<ResultCode>([
  'DIRECTORY_READ_ONLY',
  'USER(-1)',
  'USER(-2)',
  'USER(-3)',
  'USER(-5)',
  'APPLICATION_IN_PROGRESS',
  'NAME_TAKEN',
  'NAME_NOT_OFFERED',
  'CONSENT_MISSING',
  'WRONG_STEP',
  // The kiosk's own password rules: the person chooses again, nothing was tried on the directory.
  'PASSWORD_WEAK',
  'PASSWORD_MISMATCH',
  'PASSWORD_BREACHED',
]);

export function auditedAs(code: ResultCode): 'refused' | 'failed' {
  return REFUSALS.has(code) ? 'refused' : 'failed';
}

/** Whether error is a KioskError with one of these codes (an outage, a refusal) rather than anything else. */
export function hasCode(error: unknown, ...codes: ResultCode[]): error is KioskError {
  return error instanceof KioskError && codes.includes(error.code);
}

/** An error's first line: ldapts and Node put the useful part there, and the rest (a code, a stack) is noise in a doctor line. */
export function firstLine(error: unknown): string {
  return String((error as Error | null)?.message ?? error).split('\n')[0]!;
}
