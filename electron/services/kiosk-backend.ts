// Wires the Electron-free services to the dispatcher. Both composition roots (electron/main and
// the browser host) call this, so the two transports serve exactly the same backend.
import type { StatusResponse } from '../../shared/contract/schemas';
import type { Clock } from './clock';
import type { KioskConfig } from './config';
import { Dispatcher } from './dispatcher';
import { DirectoryHealth } from './directory/directory-health';
import type { LdapConnector } from './directory/ldap-connector';
import type { Logger } from './logger';

export interface KioskBackendDeps {
  config: KioskConfig;
  appVersion: string;
  clock: Clock;
  logger: Logger;
  connectLdap: LdapConnector;
}

export interface KioskBackend {
  dispatcher: Dispatcher;
  directoryHealth: DirectoryHealth;
}

export function createKioskBackend(deps: KioskBackendDeps): KioskBackend {
  const dispatcher = new Dispatcher(deps.logger);
  const directoryHealth = new DirectoryHealth(deps.config.directory.urls, deps.connectLdap, deps.clock);

  dispatcher.handle('status', async (): Promise<StatusResponse> => {
    const servers = await directoryHealth.probeAll();
    const reachable = servers.filter((s) => s.reachable).length;
    for (const s of servers.filter((x) => !x.reachable)) deps.logger.warn('directory server unreachable', { url: s.url, error: s.error });
    return {
      appVersion: deps.appVersion,
      kioskId: deps.config.kioskId,
      directory: { state: reachable > 0 ? 'online' : 'offline', serversConfigured: servers.length, serversReachable: reachable },
    };
  });

  const missing = dispatcher.missingHandlers();
  if (missing.length > 0) throw new Error(`contract methods without a handler: ${missing.join(', ')}`);
  return { dispatcher, directoryHealth };
}
