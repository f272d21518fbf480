// What the backend owns and must give back when it closes: every timer, socket, worker and file
// handle is registered where it is made (in the style of VS Code's Disposable store), and close()
// first waits for the work in flight (bounded: a directory that hangs cannot hold a shutdown), then
// disposes in reverse order of registration, so what was made last, on top of the rest, goes first.
import type { Logger } from './logger';
import { within } from './concurrency/within';

export interface Disposable {
  dispose(): unknown;
}

/** How long close() waits for work in flight before it disposes anyway. */
export const CLOSE_WAIT_MS = 10_000;

export class Lifecycle {
  private readonly owned: Array<{ name: string; dispose: () => unknown }> = [];
  private readonly inFlight = new Set<Promise<unknown>>();
  private closing: Promise<void> | undefined;

  constructor(private readonly logger: Logger) {}

  /** Registers what must be given back at close (named for the log when its disposal fails); returns it. */
  own<T>(name: string, resource: T, dispose: (resource: T) => unknown): T {
    if (this.closing) throw new Error(`${name} was made after the backend began to close`);
    this.owned.push({ name, dispose: () => dispose(resource) });
    return resource;
  }

  /** Work close() waits for (a creation, a reset): returned as given. */
  track<T>(work: Promise<T>): Promise<T> {
    this.inFlight.add(work);
    const done = () => this.inFlight.delete(work);
    work.then(done, done);
    return work;
  }

  get closed(): boolean {
    return this.closing !== undefined;
  }

  /** Waits for the work in flight (at most waitMs), then disposes everything, last registered first. Once. */
  close(waitMs = CLOSE_WAIT_MS): Promise<void> {
    this.closing ??= (async () => {
      await this.settled(waitMs);
      for (const { name, dispose } of this.owned.reverse()) {
        try {
          await dispose();
        } catch (error) {
          this.logger.warn('closing: a resource could not be given back', { name, error });
        }
      }
    })();
    return this.closing;
  }

  private async settled(waitMs: number): Promise<void> {
    if (this.inFlight.size === 0) return;
    const late = await within(
      Promise.allSettled([...this.inFlight]).then(() => false),
      waitMs,
      true,
    );
    if (late)
      this.logger.warn('closing: work still in flight after the wait; closing anyway', {
        inFlight: this.inFlight.size,
        waitMs,
      });
  }
}
