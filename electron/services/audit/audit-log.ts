// The audit trail: one JSON line per eligibility refusal, consent, creation, reset and failure,
// appended and never rewritten (the writer chains the lines: audit-chain.ts). It has no field for
// a password, and free text passes through redaction.
//
// One policy for a line that cannot be written, decided here and nowhere else:
// - note(): the action's result stands; the failure is logged at error level and counted, and the
//   helpdesk's health view shows the count. Every service records through note().
// - receipt(): for what must not happen without its line (a consent): the request is refused with
//   AUDIT_UNAVAILABLE instead.
import type { ResultCode } from '../../../shared/contract/codes';
import type { Clock } from '../clock';
import { KioskError } from '../kiosk-error';
import { redact, silentLogger, type Logger } from '../logger';

export type AuditAction =
  | 'handoff'
  | 'eligibility'
  | 'candidates'
  | 'consent'
  | 'create'
  | 'reset'
  | 'cleanup'
  | 'mailbox'
  | 'contact'
  | 'operator';
export type AuditResult = 'ok' | 'refused' | 'failed';

export interface AuditEvent {
  action: AuditAction;
  result: AuditResult;
  code?: ResultCode;
  staffId?: string;
  account?: string;
  /** What is left behind, or what the directory said; never a password. */
  detail?: string;
  /** The helpdesk operator acting, when there is one. */
  operator?: string;
  /** How far a creation or reset got before its outcome (account-directory.ts: CreationStage). */
  stage?: string;
  /** For a creation: the uidNumber the entry got, so the fleet check can find it again. */
  uidNumber?: number;
  /** The directory server that took the write (creations and resets). */
  server?: string;
  /** For a consent: exactly which text, in which language, was accepted or rejected. */
  document?: { id: string; version: string; hash: string; language: string };
}

export type AuditWriter = (line: string) => Promise<void>;

export interface AuditHooks {
  /** Where a line that could not be written is reported. */
  logger?: Logger;
  /** Told of every event (the helpdesk console counts today's), before it is written. */
  onRecord?: (event: AuditEvent) => void;
}

export class AuditLog {
  private tail: Promise<void> = Promise.resolve();
  private failed = 0;

  constructor(
    private readonly write: AuditWriter,
    private readonly clock: Clock,
    private readonly kioskId: string,
    private readonly hooks: AuditHooks = {},
  ) {}

  /** Lines that could not be written since start-up (shown on the helpdesk's health view). */
  get failedWrites(): number {
    return this.failed;
  }

  /** The policy for every action: the line is written if it can be; the action's result stands. */
  async note(event: AuditEvent): Promise<void> {
    await this.record(event).catch(() => undefined);
  }

  /** For a consent: without its line the action does not count, and the person is told so. */
  async receipt(event: AuditEvent): Promise<void> {
    try {
      await this.record(event);
    } catch {
      throw new KioskError('AUDIT_UNAVAILABLE', `audit line for ${event.action} not written`);
    }
  }

  /**
   * Lines are written in call order; a failed write is logged, counted and reported to the caller.
   * Services call note() or receipt(), which apply the policy above.
   */
  record(event: AuditEvent): Promise<void> {
    this.hooks.onRecord?.(event);
    const line = JSON.stringify({
      time: new Date(this.clock.now()).toISOString(),
      kioskId: this.kioskId,
      ...(redact(event) as AuditEvent),
    });
    const written = this.tail.then(() => this.write(line));
    this.tail = written.catch((error: unknown) => {
      this.failed += 1;
      (this.hooks.logger ?? silentLogger).error('audit write failed', {
        error,
        action: event.action,
        result: event.result,
        code: event.code,
      });
    });
    return written;
  }
}
