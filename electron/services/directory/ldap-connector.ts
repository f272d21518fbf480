// Opens ldapts connections the way the configuration demands (ldaps, StartTLS, CA, timeouts).
// Services receive this connector instead of constructing clients, so tests can point it at
// a throwaway slapd and nothing else needs to know about TLS.
import { isIP } from 'node:net';
import { Client } from 'ldapts';

export interface LdapConnectionSettings {
  startTls: boolean;
  caPem?: string;
  connectTimeoutMs: number;
  timeoutMs: number;
}

export type LdapConnector = (url: string) => Promise<Client>;

export function createLdapConnector(settings: LdapConnectionSettings): LdapConnector {
  // Certificate checks are never switched off: without a CA we rely on the system store.
  const tlsOptions = {
    ca: settings.caPem ? [settings.caPem] : undefined,
    rejectUnauthorized: true,
    minVersion: 'TLSv1.2' as const,
  };
  return async (url) => {
    const client = new Client({
      url,
      timeout: settings.timeoutMs,
      connectTimeout: settings.connectTimeoutMs,
      tlsOptions: url.startsWith('ldaps://') ? tlsOptions : undefined,
      strictDN: true,
    });
    if (settings.startTls && url.startsWith('ldap://')) {
      // ldapts does not tell the TLS layer which server it upgrades, so Node would check the
      // certificate against "localhost". Name the host (and send SNI for DNS names) ourselves.
      const host = new URL(url).hostname.replace(/^\[|\]$/g, '');
      try {
        await client.startTLS({ ...tlsOptions, host, servername: isIP(host) ? undefined : host });
      } catch (error) {
        await client.unbind().catch(() => undefined);
        throw error;
      }
    }
    return client;
  };
}
