// Directory reachability, proven by reading each server's root DSE (anonymous, no bind):
// it exercises TCP, TLS and the LDAP protocol without touching any account.
import type { Clock } from '../clock';
import type { LdapConnector } from './ldap-connector';
import { allValues } from './ldap-values';

export interface ServerHealth {
  url: string;
  reachable: boolean;
  latencyMs: number;
  /** Root DSE facts when reachable, the failure's message otherwise. */
  namingContexts?: string[];
  error?: string;
}

export class DirectoryHealth {
  constructor(
    private readonly urls: readonly string[],
    private readonly connect: LdapConnector,
    private readonly clock: Clock,
  ) {}

  async probeAll(): Promise<ServerHealth[]> {
    return Promise.all(this.urls.map((url) => this.probe(url)));
  }

  async probe(url: string): Promise<ServerHealth> {
    const started = this.clock.now();
    let client: Awaited<ReturnType<LdapConnector>> | undefined;
    try {
      client = await this.connect(url);
      const { searchEntries } = await client.search('', {
        scope: 'base',
        filter: '(objectClass=*)',
        attributes: ['namingContexts'],
      });
      const namingContexts = allValues(searchEntries[0]?.namingContexts);
      return { url, reachable: true, latencyMs: this.clock.now() - started, namingContexts };
    } catch (error) {
      return { url, reachable: false, latencyMs: this.clock.now() - started, error: (error as Error).message };
    } finally {
      await client?.unbind().catch(() => undefined);
    }
  }
}
