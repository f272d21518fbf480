// The accounts' rounds in the background: the directory's layout checked (a container the kiosk
// writes into that is missing, or not writable, takes the kiosk out of service with a reference,
// instead of failing each person's creation), then the sweep of what ended creations left, then the
// unfinished mailboxes. One round at a time: a round still running at the next tick (a mail store
// that hangs) is not joined by a second one sending the same mailboxes again.
import type { AccountStores } from '../account-store/account-stores';
import { layoutProblem, type LayoutFinding, type LayoutProblem } from '../account-store/layout-check';
import { hasCode } from '../kiosk-error';
import type { Logger } from '../logger';
import type { IncompleteEntrySweeper } from './incomplete-entry-sweeper';
import type { MailboxFinisher } from './mailbox-finisher';

/** How soon the layout is asked again while it keeps the kiosk out of service. */
const LAYOUT_RECHECK_MS = 30_000;

export class AccountHousekeeping {
  private round: Promise<void> | undefined;
  private timers: Array<ReturnType<typeof setTimeout>> = [];
  private problem: LayoutProblem | null = null;

  constructor(
    private readonly deps: {
      stores: AccountStores;
      sweeper: IncompleteEntrySweeper;
      mailboxes: MailboxFinisher;
      /** This kiosk's heartbeat entry (health/fleet-beacon.ts), whose write right is part of the layout. */
      kioskEntryDn: string;
      /** Told each time the layout's verdict changes: a problem's reference, or null once it is fixed. */
      onLayout: (problem: LayoutProblem | null) => void;
      logger: Logger;
    },
  ) {}

  /** Rounds now and every everyMs; the layout more often while it is wrong. Returns the stop. */
  start(everyMs: number): () => void {
    const tick = () => void this.runRound();
    this.timers.push(
      setTimeout(tick, 0),
      setInterval(tick, everyMs),
      setInterval(() => this.problem !== null && void this.checkLayout(), Math.min(LAYOUT_RECHECK_MS, everyMs)),
    );
    for (const timer of this.timers) timer.unref?.();
    return () => this.stop();
  }

  stop(): void {
    // clearTimeout clears an interval too: the first round, if it has not run yet, is dropped as well.
    for (const timer of this.timers) clearTimeout(timer);
    this.timers = [];
  }

  /** One round (or the one already running): layout, then sweep, then mailboxes. */
  runRound(): Promise<void> {
    this.round ??= (async () => {
      if ((await this.checkLayout()) !== null) return;
      await this.deps.sweeper
        .sweep()
        .catch((error: unknown) => this.deps.logger.warn('sweep of abandoned entries failed; will retry', { error }));
      await this.deps.mailboxes
        .finish()
        .catch((error: unknown) =>
          this.deps.logger.warn('finishing unfinished mailboxes failed; will retry', { error }),
        );
    })().finally(() => {
      this.round = undefined;
    });
    return this.round;
  }

  /**
   * Asks the first write server for its layout; returns the problem (null when all is in place).
   * A directory that does not answer is no layout problem: that is DIRECTORY_UNAVAILABLE's to say.
   */
  async checkLayout(): Promise<LayoutProblem | null> {
    let findings: LayoutFinding[];
    try {
      const store = await this.deps.stores.begin();
      findings = await store.checkLayout(this.deps.kioskEntryDn);
    } catch (error) {
      if (!hasCode(error, 'DIRECTORY_UNAVAILABLE', 'DIRECTORY_READ_ONLY'))
        this.deps.logger.warn('the directory layout check failed; will retry', { error });
      return this.problem;
    }
    const problem = layoutProblem(findings);
    if (problem?.detail !== this.problem?.detail) {
      if (problem)
        this.deps.logger.error(
          'the directory is not laid out for the kiosk: out of service until fixed (mx-kiosk doctor)',
          { problem: problem.detail },
        );
      else this.deps.logger.info('the directory layout is in place again: back in service');
      this.problem = problem;
      this.deps.onLayout(problem);
    }
    return problem;
  }
}
