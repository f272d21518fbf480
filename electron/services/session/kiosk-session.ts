// The one kiosk session: created from a verified AIS handoff (or by the helpdesk), it holds the
// person's profile for at most 20 minutes. Everything a session can hold is declared once, in
// SessionHoldings; ending the session, for whatever reason, wipes exactly that.
import { z } from 'zod';
import type {
  AcceptPolicyRequest,
  CreateAccountResponse,
  PolicyId,
  SessionProfile,
} from '../../../shared/contract/schemas';
import type { Clock } from '../clock';
import { within } from '../concurrency/within';
import type { WriteServers } from '../directory/write-servers';
import { KioskError } from '../kiosk-error';

export type SessionPurpose = 'apply' | 'reset';
export type SessionEndReason =
  | 'cancel'
  | 'reject'
  | 'finish'
  | 'idle'
  | 'expired'
  | 'replaced'
  | 'crash'
  | 'operator'
  | 'out-of-service'
  | 'shutdown';

export const SessionSettings = z
  .object({
    /** Absolute lifetime; the legacy portal's sessions also lasted 20 minutes. */
    maxSeconds: z.number().int().positive().default(1200),
    /** Main's own backstop behind the renderer's idle countdown. */
    idleSeconds: z.number().int().positive().default(300),
  })
  .strict()
  .prefault({});
export type SessionSettings = z.output<typeof SessionSettings>;

/** The person as the kiosk knows them: the contract's profile card (shared/contract/schemas.ts). */
export type { SessionProfile };

/** Which policy text, in which language, the person accepted (the consent receipt). */
export type ConsentReceipt = z.infer<typeof AcceptPolicyRequest>;
export type CreationResult = z.infer<typeof CreateAccountResponse>;

/** The contact code sent at this counter: which entry, when, and how many tries so far. */
export interface ContactAtCounter {
  dn: string;
  sentAt: number;
  tries: number;
}

/** Everything a session holds besides its profile. end() empties every field of it. */
export interface SessionHoldings {
  /** The account names offered in this session: creation accepts only one of these. */
  offeredNames: readonly string[];
  /** Accepted policies, by id, in the order of the wizard. */
  consents: Map<PolicyId, ConsentReceipt>;
  /** The creation in flight or done: a double submit gets the same outcome. */
  creation: Promise<CreationResult> | null;
  /** An assisted application writes as the operator: their bound connections, closed at the end. */
  creator: WriteServers | null;
  contactAtCounter: ContactAtCounter | null;
}

export interface KioskSession {
  readonly profile: SessionProfile;
  readonly purpose: SessionPurpose;
  /** The helpdesk operator who checked the person's identity in person, for assisted sessions. */
  readonly assistedBy?: { operator: string; reason: string };
  readonly startedAt: number;
  readonly expiresAt: number;
  readonly holdings: SessionHoldings;
  /** False once the session has ended: work that outlives it must not start anything new. */
  readonly live: boolean;
}

/** How an assisted session's operator is named in audit lines: "<operator> (<reason>)"; undefined otherwise. */
export function operatorLabel(session: Pick<KioskSession, 'assistedBy'>): string | undefined {
  return session.assistedBy && `${session.assistedBy.operator} (${session.assistedBy.reason})`;
}

/**
 * Work for a session that must finish even if the session ends meanwhile (a creation, a reset):
 * it runs on what it captured when it started, and the session's end waits for it to settle,
 * at most this long, before it releases what the work still uses (the operator's connection).
 */
export const IN_FLIGHT_BOUND_MS = 30_000;

interface LiveSession extends KioskSession {
  live: boolean;
  lastActivity: number;
  readonly inFlight: Set<Promise<unknown>>;
}

const emptyHoldings = (): SessionHoldings => ({
  offeredNames: [],
  consents: new Map(),
  creation: null,
  creator: null,
  contactAtCounter: null,
});

export class KioskSessions {
  private current: LiveSession | null = null;

  constructor(
    private readonly clock: Clock,
    private readonly settings: SessionSettings,
    private readonly onEnd: (reason: SessionEndReason, profileId: string) => void = () => undefined,
  ) {}

  /** A session made from an AIS handoff. */
  start<H extends Omit<SessionProfile, 'from' | 'loginTime'>>(
    handoff: H,
    purpose: SessionPurpose,
    assistedBy?: { operator: string; reason: string },
  ): KioskSession {
    // Picked field by field: the handoff also carries its ip and timestamp, which a profile does not.
    const { id, name, nameEn, language, condition, role } = handoff;
    return this.open({ id, name, nameEn, language, condition, role, from: 'AIS' }, purpose, assistedBy);
  }

  /** A session the helpdesk opened after checking the person's ID in person (no AIS token). */
  startAssisted(
    profile: Omit<SessionProfile, 'from' | 'loginTime'>,
    purpose: SessionPurpose,
    assistedBy: { operator: string; reason: string },
  ): KioskSession {
    return this.open({ ...profile, from: 'helpdesk' }, purpose, assistedBy);
  }

  private open(
    profile: Omit<SessionProfile, 'loginTime'>,
    purpose: SessionPurpose,
    assistedBy?: { operator: string; reason: string },
  ): KioskSession {
    if (this.current) this.end('replaced');
    const now = this.clock.now();
    this.current = {
      profile: { ...profile, loginTime: new Date(now).toISOString() },
      purpose,
      assistedBy,
      startedAt: now,
      expiresAt: now + this.settings.maxSeconds * 1000,
      lastActivity: now,
      holdings: emptyHoldings(),
      live: true,
      inFlight: new Set(),
    };
    return this.current;
  }

  /** The live session, refreshed as active; SESSION(0) without one, SESSION(-1) once it expired. */
  require(): KioskSession {
    const session = this.current;
    if (!session) throw new KioskError('SESSION(0)', 'no session');
    const now = this.clock.now();
    if (now >= session.expiresAt || now - session.lastActivity >= this.settings.idleSeconds * 1000) {
      this.end('expired');
      throw new KioskError('SESSION(-1)', 'session expired');
    }
    session.lastActivity = now;
    return session;
  }

  hasLive(): boolean {
    return this.current !== null;
  }

  /**
   * Registers work that must settle before the session's resources are released. The work itself
   * must already hold copies of what it reads: the profile is blanked the moment the session ends.
   */
  track<T>(session: KioskSession, work: Promise<T>): Promise<T> {
    const live = session as LiveSession;
    live.inFlight.add(work);
    const done = () => live.inFlight.delete(work);
    work.then(done, done);
    return work;
  }

  /**
   * Ends the session now: no request can use it any more, and its profile and holdings are wiped.
   * Work already running (tracked) finishes on its own copies; only the operator's connection
   * waits for it, at most IN_FLIGHT_BOUND_MS, before it is closed. Returns false without a session.
   */
  end(reason: SessionEndReason): boolean {
    const session = this.current;
    if (!session) return false;
    this.current = null;
    session.live = false;
    const id = session.profile.id;
    const creator = session.holdings.creator;
    if (creator) void this.settled(session).then(() => creator.close());
    // Overwrite rather than only drop the reference: nothing personal stays reachable.
    Object.assign(session.profile, { id: '', name: '', nameEn: '', condition: '' });
    Object.assign(session.holdings, emptyHoldings());
    this.onEnd(reason, id);
    return true;
  }

  /** Resolves once the session's tracked work has settled, or after the bound. */
  settled(session: KioskSession): Promise<void> {
    const work = [...(session as LiveSession).inFlight];
    if (work.length === 0) return Promise.resolve();
    return within(
      Promise.allSettled(work).then(() => undefined),
      IN_FLIGHT_BOUND_MS,
      undefined,
    );
  }
}
