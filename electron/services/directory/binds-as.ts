// Whether a DN binds with a password, on the first server that answers: how a person's or an
// operator's own password is checked. A refusal is final; only an outage moves on to the next server.
import type { Client } from 'ldapts';
import { KioskError } from '../kiosk-error';
import { isOutage } from './directory-connection';
import type { LdapConnector } from './ldap-connector';

export async function bindsAs(
  connect: LdapConnector,
  urls: readonly string[],
  dn: string,
  password: string,
): Promise<boolean> {
  // An empty password would be an unauthenticated bind, which "succeeds": never count it.
  if (!password) return false;
  for (const url of urls) {
    let client: Client | undefined;
    try {
      client = await connect(url);
      await client.bind(dn, password);
      return true;
    } catch (error) {
      if (!isOutage(error)) return false;
    } finally {
      await client?.unbind().catch(() => undefined);
    }
  }
  throw new KioskError('DIRECTORY_UNAVAILABLE', 'no server to bind on');
}
