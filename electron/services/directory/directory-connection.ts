// One reused, bound connection to the directory as the kiosk's service account. Servers are tried
// in their configured order; a broken connection fails over to the next, and a connection to a
// fallback server is dropped after a while so the primary is used again once it is back. A referral
// (a read-only consumer asked to write) is never followed: it answers DIRECTORY_READ_ONLY.
import { NoSuchObjectError, ResultCodeError, type Client } from 'ldapts';
import type { Clock } from '../clock';
import { KioskError } from '../kiosk-error';
import type { Logger } from '../logger';
import type { Secret } from '../secret';
import type { LdapConnector } from './ldap-connector';

export interface DirectoryConnectionSettings {
  urls: readonly string[];
  bindDn: string;
  bindPassword: Secret;
  /** How long to stay on a fallback server before trying the primary again. */
  failbackMs: number;
}

interface Live {
  client: Client;
  urlIndex: number;
  since: number;
}

/**
 * A referral (result code 10): the server is a consumer that sends writes elsewhere. ldapts knows no
 * class for it and raises UnknownStatusCodeError. Following it would hand the kiosk's credentials to
 * whatever server the referral names, so the kiosk never does.
 */
export function isReferral(error: unknown): boolean {
  return error instanceof ResultCodeError && error.code === 10;
}

/** "No such object" (32): the entry or its container is not there. The one test for it. */
export function isNoSuchObject(error: unknown): boolean {
  return error instanceof NoSuchObjectError || (error as { code?: number } | null)?.code === 32;
}

/** Errors from the server's answer (LDAP result codes other than busy/unavailable) are not outages. */
export function isOutage(error: unknown): boolean {
  // A KioskError is a decision already made (e.g. the directory's policy refused a password).
  if (error instanceof KioskError) return false;
  if (error instanceof ResultCodeError) return error.code === 51 || error.code === 52; // busy, unavailable
  return true;
}

export class DirectoryConnection {
  private live: Live | null = null;
  private connecting: Promise<Live> | null = null;
  private opened = 0;
  /** Closed for good: work that comes later is refused, never given a new connection. */
  private closed = false;

  constructor(
    private readonly settings: DirectoryConnectionSettings,
    private readonly connect: LdapConnector,
    private readonly clock: Clock,
    private readonly logger: Logger,
  ) {}

  /**
   * Runs fn with the bound client. Reads (idempotent: true) are retried once on another
   * connection after an outage; writes are not, since the first attempt may have reached the server.
   */
  async run<T>(fn: (client: Client) => Promise<T>, options: { idempotent: boolean }): Promise<T> {
    for (let attempt = 1; ; attempt++) {
      const held = await this.acquire();
      try {
        return await fn(held.client);
      } catch (error) {
        if (isReferral(error)) {
          // The server no longer takes writes: a new connection makes whoever chose it ask again.
          this.drop(held, error);
          throw new KioskError(
            'DIRECTORY_READ_ONLY',
            `${this.settings.urls[held.urlIndex]} answered with a referral; not followed`,
          );
        }
        if (!isOutage(error)) throw error;
        this.drop(held, error);
        if (!options.idempotent)
          throw new KioskError('DIRECTORY_UNAVAILABLE', `write interrupted: ${(error as Error).message}`);
        if (attempt === 2) throw new KioskError('DIRECTORY_UNAVAILABLE', (error as Error).message);
      }
    }
  }

  /** Counts the connections opened so far: a change means a new connection (perhaps another server). */
  get generation(): number {
    return this.opened;
  }

  /** Closes the connection for good: a later run() is refused, and nothing opens it again. */
  async close(): Promise<void> {
    this.closed = true;
    const live = this.live ?? (await this.connecting?.catch(() => null)) ?? null;
    this.live = null;
    await live?.client.unbind().catch(() => undefined);
  }

  get isClosed(): boolean {
    return this.closed;
  }

  private async acquire(): Promise<Live> {
    if (this.closed)
      throw new KioskError('DIRECTORY_UNAVAILABLE', 'the connection was closed (its session or the kiosk ended)');
    const live = this.live;
    if (live && live.client.isConnected) {
      const onFallback = live.urlIndex > 0 && this.clock.now() - live.since >= this.settings.failbackMs;
      if (!onFallback) return live;
      this.drop(live, new Error('failing back to the primary server'));
    }
    // Concurrent callers share one connection attempt instead of opening one each.
    this.connecting ??= this.open().finally(() => {
      this.connecting = null;
    });
    return this.connecting;
  }

  private async open(): Promise<Live> {
    const failures: string[] = [];
    for (const [urlIndex, url] of this.settings.urls.entries()) {
      let client: Client | undefined;
      try {
        client = await this.connect(url);
        await client.bind(this.settings.bindDn, this.settings.bindPassword.reveal());
        if (this.closed) {
          // Closed while this connection was being opened: it is not kept.
          await client.unbind().catch(() => undefined);
          throw new KioskError('DIRECTORY_UNAVAILABLE', 'the connection was closed (its session or the kiosk ended)');
        }
        this.live = { client, urlIndex, since: this.clock.now() };
        this.opened += 1;
        if (urlIndex > 0) this.logger.warn('directory: using a fallback server', { url, failures });
        return this.live;
      } catch (error) {
        await client?.unbind().catch(() => undefined);
        if (this.closed) throw error;
        failures.push(`${url}: ${(error as Error).message}`);
      }
    }
    this.logger.error('directory: no server answered', { failures });
    throw new KioskError('DIRECTORY_UNAVAILABLE', failures.join('; '));
  }

  private drop(live: Live, reason: unknown): void {
    if (this.live === live) this.live = null;
    this.logger.warn('directory: connection dropped', { reason: (reason as Error).message });
    void live.client.unbind().catch(() => undefined);
  }
}
