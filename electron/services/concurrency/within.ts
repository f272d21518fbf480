// The one bounded wait: a shutdown, a session's end, a probe or a hand-over to syslog waits for
// work only so long, and the timer never outlives the wait (the lifecycle test counts timers).

/** work's value if it settles within ms, otherwise `otherwise` (work itself goes on). A rejection within ms is passed on. */
export async function within<T, F>(work: Promise<T>, ms: number, otherwise: F): Promise<T | F> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const late = new Promise<F>((resolve) => {
    timer = setTimeout(() => resolve(otherwise), ms);
  });
  try {
    return await Promise.race([work, late]);
  } finally {
    clearTimeout(timer);
  }
}
