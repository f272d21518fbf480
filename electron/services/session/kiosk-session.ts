// The one kiosk session: created from a verified AIS handoff, it holds the person's profile for
// at most 20 minutes. Ending it, for whatever reason, wipes what it held.
import type { Clock } from '../clock';
import { KioskError } from '../kiosk-error';
import type { VerifiedHandoff } from '../ais/handoff-verifier';

export type SessionPurpose = 'apply' | 'reset';
export type SessionEndReason = 'cancel' | 'reject' | 'finish' | 'idle' | 'expired' | 'replaced' | 'crash';

export interface SessionSettings {
  /** Absolute lifetime; the legacy portal's sessions also lasted 20 minutes. */
  maxSeconds: number;
  /** Main's own backstop behind the renderer's idle countdown. */
  idleSeconds: number;
}

export interface SessionProfile {
  id: string;
  name: string;
  nameEn: string;
  /** Who vouched for the identity: AIS, or a helpdesk operator in person. */
  from: 'AIS' | 'helpdesk';
  loginTime: string;
  language: 'zh-TW' | 'en';
  condition: string;
  role: 'staff' | 'student';
}

export interface KioskSession {
  readonly profile: SessionProfile;
  readonly purpose: SessionPurpose;
  /** The helpdesk operator who checked the person's identity in person, for assisted sessions. */
  readonly assistedBy?: { operator: string; reason: string };
  readonly startedAt: number;
  readonly expiresAt: number;
  /** Per-session data later steps keep (e.g. the offered account names); wiped on end. */
  readonly scratch: Map<string, unknown>;
}

interface LiveSession extends KioskSession {
  lastActivity: number;
}

export class KioskSessions {
  private live: LiveSession | null = null;

  constructor(
    private readonly clock: Clock,
    private readonly settings: SessionSettings,
    private readonly onEnd: (reason: SessionEndReason, profileId: string) => void = () => undefined,
  ) {}

  start(handoff: VerifiedHandoff, purpose: SessionPurpose, assistedBy?: { operator: string; reason: string }): KioskSession {
    const { id, name, nameEn, language, condition, role } = handoff;
    return this.open({ id, name, nameEn, language, condition, role, from: 'AIS' }, purpose, assistedBy);
  }

  /** A session the helpdesk opened after checking the person's ID in person (no AIS token). */
  startAssisted(profile: Omit<SessionProfile, 'from' | 'loginTime'>, purpose: SessionPurpose, assistedBy: { operator: string; reason: string }): KioskSession {
    return this.open({ ...profile, from: 'helpdesk' }, purpose, assistedBy);
  }

  private open(profile: Omit<SessionProfile, 'loginTime'>, purpose: SessionPurpose, assistedBy?: { operator: string; reason: string }): KioskSession {
    if (this.live) this.end('replaced');
    const now = this.clock.now();
    this.live = {
      profile: { ...profile, loginTime: new Date(now).toISOString() },
      purpose,
      assistedBy,
      startedAt: now,
      expiresAt: now + this.settings.maxSeconds * 1000,
      lastActivity: now,
      scratch: new Map(),
    };
    return this.live;
  }

  /** The live session, refreshed as active; SESSION(0) without one, SESSION(-1) once it expired. */
  require(): KioskSession {
    const session = this.live;
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
    return this.live !== null;
  }

  end(reason: SessionEndReason): boolean {
    const session = this.live;
    if (!session) return false;
    this.live = null;
    const id = session.profile.id;
    // Resources a session holds (an operator-bound connection) are released with it.
    for (const [key, value] of session.scratch) if (key.startsWith('dispose:') && typeof value === 'function') void (value as () => unknown)();
    // Overwrite rather than only drop the reference: nothing personal stays reachable.
    Object.assign(session.profile, { id: '', name: '', nameEn: '', condition: '' });
    session.scratch.clear();
    this.onEnd(reason, id);
    return true;
  }
}
