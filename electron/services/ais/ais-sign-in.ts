// Signing in through AIS: remembers why the person is signing in, shows AIS through a launcher
// (a locked view in Electron, a redirect in the browser host), and turns the returned token into
// the kiosk session. The renderer never sees the token or the key.
import type { Logger } from '../logger';
import { KioskError } from '../kiosk-error';
import type { KioskSession, KioskSessions, SessionPurpose } from '../session/kiosk-session';
import type { AisHandoffVerifier } from './handoff-verifier';

export type LaunchOutcome = { kind: 'redirect'; url: string } | { kind: 'completed' } | { kind: 'cancelled' };

export interface AisLauncher {
  /** Shows the AIS login page; resolves when the person is back (or must be redirected). */
  launch(): Promise<LaunchOutcome>;
  cancel(): boolean;
}

/** A helpdesk assist waiting for the applicant's own AIS sign-in at this kiosk. */
export interface PendingAssist {
  operator: string;
  reason: string;
  until: number;
  /** Gives the new session what it needs from the operator (e.g. the operator-bound connection). */
  attach(session: KioskSession): void;
  discard(): void;
}

export class AisSignIn {
  private pendingPurpose: SessionPurpose | null = null;
  private pendingAssist: PendingAssist | null = null;

  constructor(
    private readonly verifier: AisHandoffVerifier,
    private readonly sessions: KioskSessions,
    private readonly logger: Logger,
    private readonly clock: { now(): number } = { now: () => Date.now() },
  ) {}

  /** The next successful handoff (within the assist's time) becomes an assisted session. */
  expectAssisted(assist: PendingAssist): void {
    this.pendingAssist?.discard();
    this.pendingAssist = assist;
  }

  async begin(purpose: SessionPurpose, launcher: AisLauncher): Promise<LaunchOutcome> {
    // A new sign-in starts from nothing: the previous person's session must not survive it.
    this.sessions.end('replaced');
    this.pendingPurpose = purpose;
    return launcher.launch();
  }

  /** Verifies the token AIS handed back and starts the session; throws KioskError with the code. */
  completeHandoff(token: unknown, acceptableIps: readonly string[]): KioskSession {
    try {
      const verified = this.verifier.verify(token, acceptableIps);
      const assist = this.pendingAssist && this.pendingAssist.until > this.clock.now() ? this.pendingAssist : null;
      if (this.pendingAssist && !assist) this.pendingAssist.discard();
      this.pendingAssist = null;
      const session = this.sessions.start(verified, this.pendingPurpose ?? 'apply', assist ? { operator: assist.operator, reason: assist.reason } : undefined);
      assist?.attach(session);
      this.logger.info('ais handoff accepted', { staffId: verified.id, role: verified.role });
      return session;
    } catch (error) {
      const code = error instanceof KioskError ? error.code : 'INTERNAL';
      this.logger.warn('ais handoff refused', { code, detail: error instanceof KioskError ? error.detail : String(error) });
      throw error;
    } finally {
      this.pendingPurpose = null;
    }
  }
}
