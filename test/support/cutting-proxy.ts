// A loopback TCP proxy between the kiosk and a server it calls (slapd over plain LDAP, the mail
// store's line services, SMTP) that counts the messages the kiosk sends, over all its connections,
// and cuts the connection carrying the k-th one: either before the server sees it ('drop'), or
// right after it was passed on, so the server acts on it but its answer never arrives
// ('lose-answer'). A message is one LDAP message (a BER element) or one line. Every later
// connection is passed through untouched. It can also hold back the first message that matches
// (a delay on one request, the rest of its connection queued behind it), cut the first message that
// matches, make the server away for this client only (every connection refused until back), and
// hold the server's answers back to pass them on later, as a slow network or a busy server would.
import { connect, createServer, type Server, type Socket } from 'node:net';

export type Cut = 'drop' | 'lose-answer';

/** Splits a byte stream into whole BER elements (an LDAPMessage is one SEQUENCE). */
class BerSplitter {
  private pending = Buffer.alloc(0);

  push(chunk: Buffer): Buffer[] {
    this.pending = Buffer.concat([this.pending, chunk]);
    const messages: Buffer[] = [];
    for (;;) {
      const length = this.elementLength();
      if (length === null || this.pending.length < length) return messages;
      messages.push(this.pending.subarray(0, length));
      this.pending = this.pending.subarray(length);
    }
  }

  /** Tag, length octets and contents; null until the length octets are all here. */
  private elementLength(): number | null {
    if (this.pending.length < 2) return null;
    const first = this.pending[1]!;
    if (first < 0x80) return 2 + first;
    const octets = first & 0x7f;
    if (this.pending.length < 2 + octets) return null;
    let length = 0;
    for (let i = 0; i < octets; i += 1) length = length * 256 + this.pending[2 + i]!;
    return 2 + octets + length;
  }
}

/** Splits a line protocol's byte stream into whole lines (each with its line feed). */
class LineSplitter {
  private pending = Buffer.alloc(0);

  push(chunk: Buffer): Buffer[] {
    this.pending = Buffer.concat([this.pending, chunk]);
    const lines: Buffer[] = [];
    for (let end = this.pending.indexOf(0x0a); end >= 0; end = this.pending.indexOf(0x0a)) {
      lines.push(this.pending.subarray(0, end + 1));
      this.pending = this.pending.subarray(end + 1);
    }
    return lines;
  }
}

export type Framing = 'ldap' | 'lines';

export interface CuttingProxy {
  /** ldap://127.0.0.1:port (for the LDAP framing). */
  url: string;
  port: number;
  /** Cut at the k-th message from now on (1-based); the count restarts. */
  arm(k: number, how: Cut): void;
  /** Pass everything through again (an armed cut that has not happened is dropped). */
  disarm(): void;
  /** Messages counted since the last arm(). */
  readonly count: number;
  /** The messages themselves, since the last arm() (a test picks which ones to cut by what they say). */
  readonly messages: readonly Buffer[];
  /** Whether the armed cut happened. */
  readonly cut: boolean;
  /** Delays the first message (from now on) for which match is true by ms; the connection's later messages wait behind it. */
  hold(match: (message: Buffer) => boolean, ms: number): void;
  /** Cuts the connection carrying the first message (from now on) for which match is true; then 'away' makes the server away too. */
  cutWhere(match: (message: Buffer) => boolean, how: Cut, then?: 'away'): void;
  /** Whether a held message has been held (and is passed on, or still waiting). */
  readonly held: boolean;
  /** While away, every connection (open or new) is closed at once: the server is gone for this client. */
  away(on: boolean): void;
  /** Keep every answer from now on until releaseAnswers(). */
  holdAnswers(): void;
  /** Pass on the answers held, in order, and stop holding. */
  releaseAnswers(): void;
  close(): Promise<void>;
}

export async function startCuttingProxy(
  upstream: { host: string; port: number },
  framing: Framing = 'ldap',
): Promise<CuttingProxy> {
  let armed: { k: number; how: Cut } | null = null;
  let count = 0;
  let cut = false;
  let messages: Buffer[] = [];
  let holding: { match: (message: Buffer) => boolean; ms: number } | null = null;
  let held = false;
  let cutting: { match: (message: Buffer) => boolean; how: Cut; then?: 'away' } | null = null;
  let gone = false;
  let heldAnswers: Array<() => void> | null = null;
  const sockets = new Set<Socket>();
  const pairs = new Set<() => void>();

  const server: Server = createServer((client) => {
    const server = connect(upstream);
    sockets.add(client);
    sockets.add(server);
    const splitter = framing === 'ldap' ? new BerSplitter() : new LineSplitter();
    const cutBoth = () => {
      client.destroy();
      server.destroy();
    };
    pairs.add(cutBoth);
    if (gone) return cutBoth();
    // Set while a held message waits: this connection's later messages are sent after it, in order.
    let queue: Promise<void> | null = null;
    const pass = (message: Buffer, then?: () => void) => {
      if (queue) queue = queue.then(() => void server.write(message, then));
      else server.write(message, then);
    };
    client.on('data', (chunk: Buffer) => {
      for (const message of splitter.push(chunk)) {
        count += 1;
        messages.push(message);
        const matched = cutting?.match(message) ? cutting : null;
        if ((armed && count === armed.k) || matched) {
          const how = matched ? matched.how : armed!.how;
          if (matched) cutting = null;
          else armed = null;
          cut = true;
          if (matched?.then === 'away') gone = true;
          if (how === 'lose-answer') pass(message, cutBoth);
          else cutBoth();
          return;
        }
        if (holding?.match(message)) {
          const { ms } = holding;
          holding = null;
          held = true;
          const before = queue ?? Promise.resolve();
          queue = before.then(() => new Promise((resolve) => setTimeout(resolve, ms)));
        }
        pass(message);
      }
    });
    server.on('data', (chunk: Buffer) => {
      if (heldAnswers) heldAnswers.push(() => client.write(chunk));
      else client.write(chunk);
    });
    for (const socket of [client, server]) {
      socket.on('error', cutBoth);
      socket.on('close', () => sockets.delete(socket));
    }
    // A server that answers and closes (a line service) has its answer passed on before the close.
    server.on('close', () => client.end());
    client.on('close', () => {
      server.destroy();
      pairs.delete(cutBoth);
    });
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as { port: number }).port;
  return {
    url: `ldap://127.0.0.1:${port}`,
    port,
    arm(k, how) {
      armed = { k, how };
      count = 0;
      cut = false;
      messages = [];
    },
    disarm() {
      armed = null;
    },
    get count() {
      return count;
    },
    get messages() {
      return messages;
    },
    get cut() {
      return cut;
    },
    hold(match, ms) {
      holding = { match, ms };
      held = false;
    },
    cutWhere(match, how, then) {
      cutting = { match, how, then };
      cut = false;
    },
    get held() {
      return held;
    },
    away(on) {
      gone = on;
      if (on) for (const cutPair of pairs) cutPair();
    },
    holdAnswers() {
      heldAnswers ??= [];
    },
    releaseAnswers() {
      const answers = heldAnswers ?? [];
      heldAnswers = null;
      for (const pass of answers) pass();
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
