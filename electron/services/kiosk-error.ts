// The one error type a service throws on purpose: it carries a stable result code for the renderer.
import type { ResultCode } from '../../shared/contract/codes';

export class KioskError extends Error {
  constructor(
    readonly code: ResultCode,
    // Internal detail for main's log only; never sent to the renderer.
    readonly detail?: string,
  ) {
    super(detail ? `${code}: ${detail}` : code);
    this.name = 'KioskError';
  }
}
