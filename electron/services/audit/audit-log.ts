// The audit trail: one JSON line per eligibility refusal, consent, creation, reset and failure,
// appended and never rewritten (the writer chains the lines: audit-chain.ts). It has no field for
// a password, and free text passes through redaction.
import type { ResultCode } from '../../../shared/contract/codes';
import type { Clock } from '../clock';
import { redact } from '../logger';

export type AuditAction = 'handoff' | 'eligibility' | 'candidates' | 'consent' | 'create' | 'reset' | 'cleanup' | 'contact' | 'operator';
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
  /** For a consent: exactly which text, in which language, was accepted or rejected. */
  document?: { id: string; version: string; hash: string; language: string };
}

export type AuditWriter = (line: string) => Promise<void>;

export class AuditLog {
  private tail: Promise<void> = Promise.resolve();

  constructor(
    private readonly write: AuditWriter,
    private readonly clock: Clock,
    private readonly kioskId: string,
    /** Told of every event (the helpdesk console counts today's), before it is written. */
    private readonly onRecord: (event: AuditEvent) => void = () => undefined,
  ) {}

  /** Lines are written in call order; a failed write is reported to the caller, not swallowed. */
  record(event: AuditEvent): Promise<void> {
    this.onRecord(event);
    const line = JSON.stringify({ time: new Date(this.clock.now()).toISOString(), kioskId: this.kioskId, ...(redact(event) as AuditEvent) });
    const written = this.tail.then(() => this.write(line));
    this.tail = written.catch(() => undefined);
    return written;
  }
}
