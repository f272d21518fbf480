// A loopback TCP proxy between the kiosk and slapd (plain LDAP) that counts the LDAP messages the
// kiosk sends, over all its connections, and cuts the connection carrying the k-th one: either
// before slapd sees it ('drop'), or right after it was passed on, so slapd acts on it but its
// answer never arrives ('lose-answer'). Every later connection is passed through untouched.
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

export interface CuttingProxy {
  url: string;
  /** Cut at the k-th message from now on (1-based); the count restarts. */
  arm(k: number, how: Cut): void;
  /** Pass everything through again (an armed cut that has not happened is dropped). */
  disarm(): void;
  /** Messages counted since the last arm(). */
  readonly count: number;
  /** Whether the armed cut happened. */
  readonly cut: boolean;
  close(): Promise<void>;
}

export async function startCuttingProxy(upstream: { host: string; port: number }): Promise<CuttingProxy> {
  let armed: { k: number; how: Cut } | null = null;
  let count = 0;
  let cut = false;
  const sockets = new Set<Socket>();

  const server: Server = createServer((client) => {
    const server = connect(upstream);
    sockets.add(client);
    sockets.add(server);
    const splitter = new BerSplitter();
    const cutBoth = () => {
      client.destroy();
      server.destroy();
    };
    client.on('data', (chunk: Buffer) => {
      for (const message of splitter.push(chunk)) {
        count += 1;
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
    server.on('data', (chunk: Buffer) => client.write(chunk));
    for (const socket of [client, server]) {
      socket.on('error', cutBoth);
      socket.on('close', () => {
        sockets.delete(socket);
        cutBoth();
      });
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as { port: number }).port;
  return {
    url: `ldap://127.0.0.1:${port}`,
    arm(k, how) {
      armed = { k, how };
      count = 0;
      cut = false;
    },
    disarm() {
      armed = null;
    },
    get count() {
      return count;
    },
    get cut() {
      return cut;
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        server.close(() => resolve());
      }),
  };
}
