// One small keyed lock for every limit and every "at most one" the kiosk promises: work for the
// same key (an operator uid, an account, a staff ID) runs one at a time, in arrival order, so a
// check, an await and the count that follows can never interleave with a twin request's.
export class KeyedLock {
  private readonly tails = new Map<string, Promise<unknown>>();

  /** Runs fn after every earlier fn for the same key has settled; other keys are not held up. */
  run<T>(key: string, fn: () => Promise<T>): Promise<T> {
    const previous = this.tails.get(key) ?? Promise.resolve();
    const result = previous.then(fn, fn);
    const tail = result.catch(() => undefined);
    this.tails.set(key, tail);
    // The last one out removes the key, so the map holds only keys with work queued.
    void tail.then(() => {
      if (this.tails.get(key) === tail) this.tails.delete(key);
    });
    return result;
  }

  /** Keys with work queued or running (for tests and the health view). */
  get size(): number {
    return this.tails.size;
  }
}
