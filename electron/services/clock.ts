// Time is injected so tests can move it (token expiry, session lifetime, idle wipe).
export interface Clock {
  /** Milliseconds since the Unix epoch. */
  now(): number;
}

export const systemClock: Clock = { now: () => Date.now() };
