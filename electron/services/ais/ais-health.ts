// Whether the AIS login page answers at all, for the Welcome screen's small print. Any HTTP reply
// counts as online: the page may well answer 403 to a request without a browser session.
export type FetchLike = (
  url: string,
  init: { method: string; signal: AbortSignal; redirect: 'manual' },
) => Promise<unknown>;

export async function probeAis(loginUrl: string, fetchFn: FetchLike, timeoutMs = 2500): Promise<'online' | 'offline'> {
  try {
    await fetchFn(loginUrl, { method: 'HEAD', signal: AbortSignal.timeout(timeoutMs), redirect: 'manual' });
    return 'online';
  } catch {
    return 'offline';
  }
}
