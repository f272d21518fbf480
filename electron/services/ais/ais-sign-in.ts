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

export class AisSignIn {
  private pendingPurpose: SessionPurpose | null = null;

  constructor(
    private readonly verifier: AisHandoffVerifier,
    private readonly sessions: KioskSessions,
    private readonly logger: Logger,
  ) {}

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
      const session = this.sessions.start(verified, this.pendingPurpose ?? 'apply');
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
