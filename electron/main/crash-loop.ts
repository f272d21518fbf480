// A renderer that keeps crashing or hanging is not helped by loading it again: after 3 recoveries
// within 5 minutes the shell stops reloading and shows out of service for the operator.
export const CRASH_LOOP = { limit: 3, windowMs: 5 * 60_000 };

export class CrashLoopGuard {
  private recent: number[] = [];

  constructor(private readonly clock: { now(): number } = Date) {}

  /** Counts one recovery; true when this one completes a loop (time to stop reloading). */
  looping(): boolean {
    const now = this.clock.now();
    this.recent = [...this.recent.filter((t) => now - t < CRASH_LOOP.windowMs), now];
    return this.recent.length >= CRASH_LOOP.limit;
  }
}
