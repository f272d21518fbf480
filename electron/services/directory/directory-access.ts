// How the kiosk reaches its directory, built once from the settings: the service account's read
// connection, its write servers (providers only), the health view over every server, and a factory
// for an operator's own write connections. Every connection opened here is owned by the lifecycle.
import type { Clock } from '../clock';
import type { Lifecycle } from '../lifecycle';
import type { Logger } from '../logger';
import type { Secret } from '../secret';
import { DirectoryConnection } from './directory-connection';
import { DirectoryHealth } from './directory-health';
import { allDirectoryServers, directoryServers, type ResolvedDirectorySettings } from './directory-settings';
import type { LdapConnector } from './ldap-connector';
import { WriteServers } from './write-servers';

export interface DirectoryAccess {
  /** Where reads go, in order (consumers first). */
  readUrls: readonly string[];
  /** The service account's connection to the read servers. */
  connection: DirectoryConnection;
  /** The service account's write servers (the providers). */
  writes: WriteServers;
  health: DirectoryHealth;
  /** An operator's write servers, bound as them: they only write, so they get the add-then-modify path (no hashing probe). */
  operatorWrites(bindDn: string, bindPassword: Secret): WriteServers;
}

export function openDirectoryAccess(
  settings: ResolvedDirectorySettings,
  where: { probeDn: string; hashProbeParentDn: string },
  deps: { connect: LdapConnector; clock: Clock; logger: Logger; lifecycle: Lifecycle },
): DirectoryAccess {
  const { connect, clock, logger, lifecycle } = deps;
  const { bindDn, bindPassword } = settings;
  const { read: readUrls, write: urls } = directoryServers(settings);
  const servers = allDirectoryServers(settings);
  const writes = lifecycle.own(
    'write-server connections',
    new WriteServers(
      { urls, bindDn, bindPassword, ...where, readsElsewhere: servers.some((url) => !urls.includes(url)) },
      connect,
      clock,
      logger,
    ),
    (w) => w.close(),
  );
  const connection = lifecycle.own(
    'read connection',
    new DirectoryConnection(
      { urls: readUrls, bindDn, bindPassword, failbackMs: settings.failbackSeconds * 1000 },
      connect,
      clock,
      logger,
    ),
    (c) => c.close(),
  );
  return {
    readUrls,
    connection,
    writes,
    health: new DirectoryHealth(servers, connect, clock),
    operatorWrites: (operatorDn, operatorPassword) =>
      new WriteServers(
        { urls, bindDn: operatorDn, bindPassword: operatorPassword, probeDn: where.probeDn },
        connect,
        clock,
        logger,
      ),
  };
}
