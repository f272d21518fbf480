// What the shell logs and compares of a URL: its origin only (never a path or query that may
// carry a token), and for custom schemes such as app:// the scheme and host, since Node's URL
// reports their origin as "null".
export function originOf(url: string): string {
  try {
    const parsed = new URL(url);
    return parsed.protocol === 'http:' || parsed.protocol === 'https:'
      ? parsed.origin
      : `${parsed.protocol}//${parsed.host}`;
  } catch {
    return '(unparsable)';
  }
}
