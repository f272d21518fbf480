// Creating a mailbox account for the signed-in person: to the renderer three calls (may they apply,
// which names, create), behind the last one a CreationAttempt (creation-attempt.ts). A creation
// runs on what it captured when it started, so the session may end meanwhile; a double submit
// waits for, and then returns, the same outcome.
import { KioskError } from '../kiosk-error';
import type { AccountNamer } from '../naming/account-namer';
import { operatorLabel, type CreationResult, type KioskSession } from '../session/kiosk-session';
import { CreationAttempt, type CreationRequest } from './creation-attempt';
import { creationRoom, type Applicant, type CreationRoom, type CreationServices } from './creation-room';

export interface AccountCreationDeps extends CreationServices {
  namer: AccountNamer;
  /** Throws CONSENT_MISSING unless both policies were accepted in this session. */
  requireConsent: (session: KioskSession) => unknown;
  /** Keeps the session's end from releasing what a running creation still uses. */
  track: <T>(session: KioskSession, work: Promise<T>) => Promise<T>;
}

export class AccountCreation {
  private readonly room: CreationRoom;

  constructor(private readonly deps: AccountCreationDeps) {
    this.room = creationRoom(deps);
  }

  /** May this person apply? Refusals are audited as eligibility lines. */
  async check(session: KioskSession): Promise<{ purpose: 'apply' }> {
    const state = await this.deps.standing.read(session.profile.id);
    const refusal = this.room.resumable(state) ? null : this.deps.standing.refusalToApply(state);
    if (refusal) {
      await this.auditRefusal(session, { action: 'eligibility', code: refusal.code, account: refusal.facts.account });
      throw refusal;
    }
    return { purpose: 'apply' };
  }

  /** The offered names, kept in the session: creation accepts only one of these. */
  async candidates(session: KioskSession): Promise<string[]> {
    if (session.purpose !== 'apply') throw new KioskError('WRONG_STEP', 'candidates outside an apply session');
    try {
      // An account of theirs that stopped before it was finished: the person finishes it, under its name.
      const [state, fresh] = await Promise.all([
        this.deps.standing.read(session.profile.id),
        this.deps.namer.available(session.profile.nameEn).catch((error: unknown) => error),
      ]);
      if (state.state === 'active' && this.room.resumable(state)) return this.offer(session, [state.uid]);
      if (fresh instanceof Error) throw fresh;
      return this.offer(session, fresh as string[]);
    } catch (error) {
      if (error instanceof KioskError) await this.auditRefusal(session, { action: 'candidates', code: error.code });
      throw error;
    }
  }

  create(session: KioskSession, request: CreationRequest, clientIp: string): Promise<CreationResult> {
    const running = session.holdings.creation;
    if (running) return running;
    const attempt = this.deps.track(
      session,
      new CreationAttempt(this.room, this.capture(session), request, clientIp).run(),
    );
    session.holdings.creation = attempt;
    // A failed attempt may be retried (a fresh name, a better password); a success stays.
    attempt.catch(() => {
      if (session.holdings.creation === attempt) session.holdings.creation = null;
    });
    return attempt;
  }

  private offer(session: KioskSession, names: string[]): string[] {
    if (session.live) session.holdings.offeredNames = names;
    return names;
  }

  private capture(session: KioskSession): Applicant {
    const { profile, holdings } = session;
    let refusal: KioskError | null = null;
    if (session.purpose !== 'apply') refusal = new KioskError('WRONG_STEP', 'create outside an apply session');
    else {
      try {
        this.deps.requireConsent(session);
      } catch (error) {
        refusal = error instanceof KioskError ? error : new KioskError('CONSENT_MISSING');
      }
    }
    return {
      staffId: profile.id,
      name: profile.name,
      nameEn: profile.nameEn,
      operator: operatorLabel(session),
      offeredNames: [...holdings.offeredNames],
      refusal,
      creator: holdings.creator,
    };
  }

  private auditRefusal(
    session: KioskSession,
    event: { action: 'eligibility' | 'candidates'; code: KioskError['code']; account?: string },
  ) {
    return this.deps.audit.note({
      ...event,
      result: 'refused',
      staffId: session.profile.id,
      operator: operatorLabel(session),
    });
  }
}
