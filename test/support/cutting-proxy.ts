// A loopback TCP proxy between the kiosk and a server it calls (slapd over plain LDAP, the mail
// store's line services, SMTP) that counts the messages the kiosk sends, over all its connections,
// and cuts the connection carrying the k-th one: either before the server sees it ('drop'), or
// right after it was passed on, so the server acts on it but its answer never arrives
// ('lose-answer'). A message is one LDAP message (a BER element) or one line. Every later
// connection is passed through untouched. It can also hold the server's answers back and pass
// them on later, as a slow network or a busy server would.
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
  /** Keep every answer from now on until release(). */
  hold(): void;
  /** Pass on the answers held, in order, and stop holding. */
  release(): void;
  close(): Promise<void>;
}

export async function startCuttingProxy(upstream: { host: string; port: number }, framing: Framing = 'ldap'): Promise<CuttingProxy> {
  let armed: { k: number; how: Cut } | null = null;
  let count = 0;
  let cut = false;
  let messages: Buffer[] = [];
  let held: Array<() => void> | null = null;
  const sockets = new Set<Socket>();

  const server: Server = createServer((client) => {
    const server = connect(upstream);
    sockets.add(client);
    sockets.add(server);
    const splitter = framing === 'ldap' ? new BerSplitter() : new LineSplitter();
    const cutBoth = () => {
      client.destroy();
      server.destroy();
    };
    client.on('data', (chunk: Buffer) => {
      for (const message of splitter.push(chunk)) {
        count += 1;
        messages.push(message);
        if (armed && count === armed.k) {
          const how = armed.how;
          armed = null;
          cut = true;
          if (how === 'lose-answer') server.write(message, cutBoth);
          else cutBoth();
          return;
        }
        server.write(message);
      }
    });
    server.on('data', (chunk: Buffer) => {
      if (held) held.push(() => client.write(chunk));
      else client.write(chunk);
    });
    for (const socket of [client, server]) {
      socket.on('error', cutBoth);
      socket.on('close', () => sockets.delete(socket));
    }
    // A server that answers and closes (a line service) has its answer passed on before the close.
    server.on('close', () => client.end());
    client.on('close', () => server.destroy());
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
    hold() {
      held ??= [];
    },
    release() {
      const answers = held ?? [];
      held = null;
      for (const pass of answers) pass();
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
