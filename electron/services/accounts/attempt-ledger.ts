// This kiosk's own creation attempts: which are running, which have ended (and whether the person
// was told it worked), and what an ended one may have left in the directory. A claim or an entry
// names the attempt that wrote it (account-records.ts), so the kiosk knows its own ended work when
// it meets it again and can clear it away at once instead of waiting for the abandon age, while
// another counter's work, which it cannot know has ended, is left to that age.
import { randomBytes } from 'node:crypto';
import type { AttemptId } from '../account-store/account-records';

/** What an ended attempt may have left on one write server, as it wrote it. */
export interface Leftover {
  staffId: string;
  url: string;
  /** The claim's claimed(…) value this attempt wrote, or may have written (its add was cut off). */
  claimed: string;
  /** The account entry it may have made, when the directory could not say whether it did. */
  entryDn?: string;
  /** The entry exists with a password whose read-back never came: remove it unless it reads back hashed. */
  unverified?: boolean;
  madeBy: AttemptId;
}

/** How long an attempt that ended without telling the person it worked is remembered. */
const UNTOLD_FOR_MS = 30 * 60_000;

export class AttemptLedger {
  /** This process, so that another process of the same kiosk is never taken for this one. */
  private readonly process = randomBytes(4).toString('hex');
  private next = 0;
  private readonly running = new Set<string>();
  /** Attempts that ended without "it worked", until when: a retry may find their account made after all. */
  private readonly untold = new Map<string, number>();
  private readonly left = new Map<string, Leftover>();

  constructor(
    readonly kioskId: string,
    private readonly clock: { now(): number },
  ) {}

  begin(): AttemptId {
    this.next += 1;
    const id = { kioskId: this.kioskId, attempt: `${this.process}.${this.next}` };
    this.running.add(id.attempt);
    return id;
  }

  end(id: AttemptId, toldItWorked: boolean): void {
    this.running.delete(id.attempt);
    const now = this.clock.now();
    for (const [attempt, until] of this.untold) if (until <= now) this.untold.delete(attempt);
    if (!toldItWorked) this.untold.set(id.attempt, now + UNTOLD_FOR_MS);
  }

  /** True for an attempt of this process that is no longer running: what it left is nobody's work now. */
  hasEnded(madeBy: AttemptId | null): boolean {
    return this.isOurs(madeBy) && !this.running.has(madeBy!.attempt);
  }

  /** An attempt of this process that ended without telling the person it worked (and not long ago). */
  endedUntold(madeBy: AttemptId | null): boolean {
    return this.hasEnded(madeBy) && (this.untold.get(madeBy!.attempt) ?? 0) > this.clock.now();
  }

  /** An ended attempt left this behind: removed, as written, once its server answers. */
  leave(leftover: Leftover): void {
    this.left.set(leftover.madeBy.attempt, leftover);
  }

  leftoversAt(url: string): Leftover[] {
    return [...this.left.values()].filter((l) => l.url === url);
  }

  allLeftovers(): Leftover[] {
    return [...this.left.values()];
  }

  cleared(leftover: Leftover): void {
    this.left.delete(leftover.madeBy.attempt);
  }

  private isOurs(madeBy: AttemptId | null): boolean {
    return madeBy !== null && madeBy.kioskId === this.kioskId && madeBy.attempt.startsWith(`${this.process}.`);
  }
}
