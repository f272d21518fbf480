// The write servers (providers) and which one takes a unit of work. A creation, a reset or a
// contact confirmation begins by choosing one: the first in the configured order that answers and
// takes writes now. Servers are asked again every time, so writes resume, and go back to the first
// server, as soon as it answers, without a fixed fail-back wait. Everything the unit reads to
// decide or prove a write then goes to that same server, over a connection that never moves to
// another one (docs/directory.md, "Fleet").
import type { Clock } from '../clock';
import { within } from '../concurrency/within';
import { KioskError } from '../kiosk-error';
import type { Logger } from '../logger';
import type { Secret } from '../secret';
import { DirectoryConnection } from './directory-connection';
import { hashingOnAdd, type HashingAnswer } from './hashing-probe';
import type { LdapConnector } from './ldap-connector';
import { ServerPins } from './server-pins';
import { writability, type WriteRole, type WriteServerRole } from './writability';

/** One server for one unit of work, with the service account's connection to it. */
export interface WriteTarget {
  url: string;
  connection: DirectoryConnection;
  /** How a new account's password reaches this server, as its hashing probe found on this connection. */
  passwords: HashingAnswer;
}

export interface WriteServersSettings {
  urls: readonly string[];
  bindDn: string;
  bindPassword: Secret;
  /** A DN that never exists: deleting it is how writability is asked without changing anything. */
  probeDn: string;
  /**
   * Where the hashing probe adds its entry (the people container): asked once per connection,
   * so a server that starts or stops hashing is noticed at its next reconnect. Without it (an
   * operator's connections, which only write), every server gets the add-then-modify path.
   */
  hashProbeParentDn?: string;
  /**
   * Whether reads go to servers that are not write servers (a fleet's consumers). Then write
   * servers that do not answer leave a readable directory that refuses writes: DIRECTORY_READ_ONLY.
   * Otherwise nothing answers at all: DIRECTORY_UNAVAILABLE.
   */
  readsElsewhere?: boolean;
}

interface Slot {
  connection: DirectoryConnection;
  role: WriteRole;
  /** The connection generation on which `writable` was last seen: a new connection is asked again. */
  verified: number;
  passwords: HashingAnswer;
}

const UNPROBED: HashingAnswer = { path: 'add-then-modify', detail: 'not probed: Password Modify after the add' };

/**
 * How long a unit waits for a server ahead of the one that works now, which did not answer last
 * time. A refused connection answers at once; a host that is down hard would cost every creation
 * a whole connect timeout, so past this the unit goes on without it and the probe finishes alone.
 */
const REPROBE_GRACE_MS = 250;

export class WriteServers {
  private readonly slots = new Map<string, Slot>();
  /** Probes in flight, so a server that is slow to answer is asked once, not by every unit. */
  private readonly probing = new Map<string, Promise<WriteServerRole>>();
  /** Staff IDs written here recently, and the server that took the write. */
  private readonly pins: ServerPins;
  /** The hashing answer last logged per server, so each change is logged once. */
  private readonly lastLogged = new Map<string, string>();
  /** Closed for good: a closed set of connections is never opened again. */
  private closed = false;

  constructor(
    private readonly settings: WriteServersSettings,
    private readonly connect: LdapConnector,
    private readonly clock: Clock,
    private readonly logger: Logger,
  ) {
    this.pins = new ServerPins(clock);
  }

  /**
   * The first write server, in order (prefer first, when given and configured), that takes writes
   * now. When none does, nothing has been written: DIRECTORY_READ_ONLY if one answered that it
   * refuses or refers writes (or reads go elsewhere), DIRECTORY_UNAVAILABLE if nothing answered.
   */
  async begin(prefer?: string): Promise<WriteTarget> {
    const { urls } = this.settings;
    const order = prefer && urls.includes(prefer) ? [prefer, ...urls.filter((u) => u !== prefer)] : urls;
    const working = order.find((url) => this.slot(url).role === 'writable');
    const refused: string[] = [];
    let answered = false;
    for (const url of order) {
      const ahead = working !== undefined && order.indexOf(url) < order.indexOf(working);
      const answer = ahead ? await within(this.probeOnce(url), REPROBE_GRACE_MS, undefined) : await this.probeOnce(url);
      if (!answer) {
        refused.push(`${url}: no answer within ${REPROBE_GRACE_MS} ms yet`);
        continue;
      }
      if (answer.role === 'writable') return this.targetAt(url);
      answered ||= answer.role !== 'unreachable' || this.settings.readsElsewhere === true;
      refused.push(`${url}: ${answer.role}${answer.detail ? ` (${answer.detail})` : ''}`);
    }
    // "Read-only" only when a server said so, or reads still go elsewhere; when nothing answers at
    // all, the truth is that the directory is away, not that writes are paused.
    throw new KioskError(
      answered ? 'DIRECTORY_READ_ONLY' : 'DIRECTORY_UNAVAILABLE',
      `no write server takes writes: ${refused.join('; ')}`,
    );
  }

  /** Every write server's role now (for the doctor and the kiosk's status). */
  roles(): Promise<WriteServerRole[]> {
    return Promise.all(this.settings.urls.map((url) => this.probeOnce(url)));
  }

  /** The connection pinned to url: it reconnects to url only, never to another server. */
  at(url: string): DirectoryConnection {
    return this.slot(url).connection;
  }

  /** url as a unit's server without asking it anything (cleanups on the server that took a write). */
  targetAt(url: string): WriteTarget {
    const slot = this.slot(url);
    return { url, connection: slot.connection, passwords: slot.passwords };
  }

  /**
   * Pins a person's later reads and writes (key: their staff ID) to the server that took their
   * write, for a while: a consumer that has not caught up yet never answers them.
   */
  pinToServer(key: string, url: string): void {
    this.pins.pin(key, url);
  }

  /** The server key is pinned to (pinToServer), if the pin still holds. */
  pinnedServer(key: string): string | undefined {
    return this.pins.pinned(key);
  }

  /**
   * A read-back found a password stored as sent on url, though its probe said it hashes (its
   * configuration changed under a live connection): until its next connection, url gets the
   * add-then-modify path.
   */
  distrustHashing(url: string, detail: string): void {
    this.slot(url).passwords = { path: 'add-then-modify', detail };
    this.logger.error('directory: a password in an add was stored as sent; the add-then-modify path is used', {
      url,
      detail,
    });
  }

  /** Closes every connection for good; a later unit is refused instead of opening a new one. */
  async close(): Promise<void> {
    this.closed = true;
    await Promise.all([...this.slots.values()].map((slot) => slot.connection.close()));
  }

  private slot(url: string): Slot {
    let slot = this.slots.get(url);
    if (!slot) {
      const { bindDn, bindPassword } = this.settings;
      // failbackMs 0: one URL has nothing to fail back to.
      slot = {
        connection: new DirectoryConnection(
          { urls: [url], bindDn, bindPassword, failbackMs: 0 },
          this.connect,
          this.clock,
          this.logger,
        ),
        role: 'unreachable',
        verified: -1,
        passwords: UNPROBED,
      };
      // A slot made after close() is closed from the start: nothing reopens a closed set.
      if (this.closed) void slot.connection.close();
      this.slots.set(url, slot);
    }
    return slot;
  }

  private probeOnce(url: string): Promise<WriteServerRole> {
    let running = this.probing.get(url);
    if (!running) {
      running = this.probe(url).finally(() => this.probing.delete(url));
      this.probing.set(url, running);
    }
    return running;
  }

  private async probe(url: string): Promise<WriteServerRole> {
    const slot = this.slot(url);
    let role: WriteRole;
    let detail = '';
    try {
      role = await slot.connection.run(
        async (client) => {
          const generation = slot.connection.generation;
          if (slot.role === 'writable' && slot.verified === generation) return 'writable';
          const now = await writability(client, this.settings.probeDn);
          // A new connection (perhaps to a server restarted with another configuration) is asked again.
          const parent = this.settings.hashProbeParentDn;
          if (now === 'writable') slot.passwords = parent ? await hashingOnAdd(client, parent) : UNPROBED;
          slot.verified = generation;
          return now;
        },
        { idempotent: true },
      );
    } catch (error) {
      role = 'unreachable';
      detail = error instanceof KioskError ? (error.detail ?? error.code) : (error as Error).message;
    }
    if (
      role === 'writable' &&
      slot.passwords.path === 'add-then-modify' &&
      this.settings.hashProbeParentDn &&
      slot.passwords.detail !== this.lastLogged.get(url)
    ) {
      this.lastLogged.set(url, slot.passwords.detail);
      this.logger.warn(
        'directory: write server does not hash a password in an add; new accounts get Password Modify after the add',
        { url, detail: slot.passwords.detail },
      );
    }
    if (role !== slot.role) {
      this.logger[role === 'writable' ? 'info' : 'warn'](
        role === 'referral'
          ? 'directory: write server answered with a referral; not followed, the next one is tried'
          : `directory: write server is ${role}`,
        { url, detail },
      );
    }
    slot.role = role;
    return { url, role, detail };
  }
}
