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
