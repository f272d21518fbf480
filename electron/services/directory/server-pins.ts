// Read-your-writes across replicas: after a write, the person's later reads and writes go to the
// server that took it, for a while, since a consumer that has not caught up yet never answers them.
import type { Clock } from '../clock';

/** How long the server that took a person's write keeps answering that person's later reads. */
const RECENT_WRITE_MS = 15 * 60_000;

export class ServerPins {
  /** Keys (staff IDs) written recently, in expiry order, and the server that took the write. */
  private readonly recent = new Map<string, { url: string; until: number }>();

  constructor(private readonly clock: Clock) {}

  /** Pins key to url from now on, replacing any older pin of key. */
  pin(key: string, url: string): void {
    const now = this.clock.now();
    // Entries are added in expiry order, so the expired ones are at the front.
    for (const [old, { until }] of this.recent) {
      if (until > now) break;
      this.recent.delete(old);
    }
    this.recent.delete(key);
    this.recent.set(key, { url, until: now + RECENT_WRITE_MS });
  }

  /** The server key is pinned to, if the pin still holds. */
  pinned(key: string): string | undefined {
    const hit = this.recent.get(key);
    if (hit && hit.until > this.clock.now()) return hit.url;
    this.recent.delete(key);
    return undefined;
  }
}
