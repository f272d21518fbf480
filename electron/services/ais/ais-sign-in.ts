// Signing in through AIS: remembers why the person is signing in, shows AIS through a launcher
// (a locked view in Electron; in the browser host a redirect, or a second window), and turns the
// returned token into the kiosk session. The renderer never sees the token or the key.
import type { Logger } from '../logger';
import { KioskError } from '../kiosk-error';
import type { KioskSession, KioskSessions, SessionPurpose } from '../session/kiosk-session';
import type { AisHandoffVerifier } from './handoff-verifier';

export type LaunchOutcome = { kind: 'redirect'; url: string } | { kind: 'completed' } | { kind: 'cancelled' };

export interface AisLauncher {
  /** Shows the AIS login page; resolves when the person is back (or must be redirected). */
  launch(): Promise<LaunchOutcome>;
  /** Closes the AIS page and forgets what it held; false when none was open. */
  cancel(): boolean;
  /**
   * Milliseconds since the person last touched the AIS page, or null when none is shown here.
   * Only a launcher that shows AIS inside the kiosk (Electron's view) knows; a redirect does not.
   */
  quietMs?(): number | null;
  /** Moves the AIS page out of the way while the kiosk's idle warning shows (and back); false when none is shown. */
  obscure?(obscured: boolean): boolean;
}

/** A helpdesk assist waiting for the applicant's own AIS sign-in at this kiosk. */
export interface PendingAssist {
  operator: string;
  reason: string;
  /** Only this person's handoff is assisted; anyone else's discards the assist. */
  staffId: string;
  until: number;
  /** Gives the new session what it needs from the operator (e.g. the operator-bound connection). */
  attach(session: KioskSession): void;
  discard(): void;
}

export class AisSignIn {
  private pendingPurpose: SessionPurpose | null = null;
  private pendingAssist: PendingAssist | null = null;
  private readonly clock: { now(): number };

  constructor(
    private readonly verifier: AisHandoffVerifier,
    private readonly sessions: KioskSessions,
    private readonly logger: Logger,
    private readonly options: {
      clock?: { now(): number };
      /** Throws while the kiosk must not start sessions (out of service): the handoff is refused too. */
      refuseNewSessions?: () => void;
    } = {},
  ) {
    this.clock = options.clock ?? Date;
  }

  /** The next successful handoff (within the assist's time) becomes an assisted session. */
  expectAssisted(assist: PendingAssist): void {
    this.pendingAssist?.discard();
    this.pendingAssist = assist;
  }

  /** Drops a waiting assist and closes what it held; true when there was one. */
  cancelAssist(): boolean {
    const assist = this.pendingAssist;
    this.pendingAssist = null;
    assist?.discard();
    return assist !== null;
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
      this.options.refuseNewSessions?.();
      const verified = this.verifier.verify(token, acceptableIps);
      const pending = this.pendingAssist;
      const assist = pending && pending.until > this.clock.now() && pending.staffId === verified.id ? pending : null;
      if (this.pendingAssist && !assist) this.pendingAssist.discard();
      this.pendingAssist = null;
      const session = this.sessions.start(
        verified,
        this.pendingPurpose ?? 'apply',
        assist ? { operator: assist.operator, reason: assist.reason } : undefined,
      );
      assist?.attach(session);
      this.logger.info('ais handoff accepted', { staffId: verified.id, role: verified.role });
      return session;
    } catch (error) {
      const code = error instanceof KioskError ? error.code : 'INTERNAL';
      this.logger.warn('ais handoff refused', {
        code,
        detail: error instanceof KioskError ? error.detail : String(error),
      });
      throw error;
    } finally {
      this.pendingPurpose = null;
    }
  }
}
