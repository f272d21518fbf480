// Wires the Electron-free services to the dispatcher. Both composition roots (electron/main and
// the browser host) call this, so the two transports serve exactly the same backend.
import type { StatusResponse } from '../../shared/contract/schemas';
import { AisSignIn, type AisLauncher } from './ais/ais-sign-in';
import { AisHandoffVerifier } from './ais/handoff-verifier';
import { createAesGcmCodec, parseAisKey, type AisTokenCodec } from './ais/token-codec';
import type { Clock } from './clock';
import type { KioskConfig } from './config';
import { Dispatcher } from './dispatcher';
import { DirectoryHealth } from './directory/directory-health';
import type { LdapConnector } from './directory/ldap-connector';
import type { Logger } from './logger';
import { KioskSessions } from './session/kiosk-session';

export interface KioskBackendDeps {
  config: KioskConfig;
  appVersion: string;
  clock: Clock;
  logger: Logger;
  connectLdap: LdapConnector;
  /** How this shell shows AIS: given the sign-in service, returns the launcher. */
  makeAisLauncher: (signIn: AisSignIn) => AisLauncher;
  /** A site may plug in AIS's own cipher; the default is the documented AES-256-GCM format. */
  aisCodec?: AisTokenCodec;
}

export interface KioskBackend {
  dispatcher: Dispatcher;
  directoryHealth: DirectoryHealth;
  sessions: KioskSessions;
  aisSignIn: AisSignIn;
}

export function createKioskBackend(deps: KioskBackendDeps): KioskBackend {
  const { config, clock, logger } = deps;
  const dispatcher = new Dispatcher(logger);
  const directoryHealth = new DirectoryHealth(config.directory.urls, deps.connectLdap, clock);
  const sessions = new KioskSessions(clock, config.session, (reason) => logger.info('session ended', { reason }));
  const verifier = new AisHandoffVerifier(deps.aisCodec ?? createAesGcmCodec(parseAisKey(config.ais.key.reveal())), clock, {
    validitySeconds: config.ais.validitySeconds,
    futureSkewSeconds: config.ais.futureSkewSeconds,
    eligibility: config.eligibility,
  });
  const aisSignIn = new AisSignIn(verifier, sessions, logger);
  const launcher = deps.makeAisLauncher(aisSignIn);

  dispatcher.handle('status', async (): Promise<StatusResponse> => {
    const servers = await directoryHealth.probeAll();
    const reachable = servers.filter((s) => s.reachable).length;
    for (const s of servers.filter((x) => !x.reachable)) logger.warn('directory server unreachable', { url: s.url, error: s.error });
    return {
      appVersion: deps.appVersion,
      kioskId: config.kioskId,
      directory: { state: reachable > 0 ? 'online' : 'offline', serversConfigured: servers.length, serversReachable: reachable },
    };
  });
  dispatcher.handle('beginSignIn', async ({ purpose }) => aisSignIn.begin(purpose, launcher));
  dispatcher.handle('cancelSignIn', async () => ({ cancelled: launcher.cancel() }));
  dispatcher.handle('currentSession', async () => {
    const session = sessions.require();
    return { profile: session.profile, purpose: session.purpose, expiresAt: session.expiresAt };
  });
  dispatcher.handle('endSession', async ({ reason }) => ({ ended: sessions.end(reason) }));

  const missing = dispatcher.missingHandlers();
  if (missing.length > 0) throw new Error(`contract methods without a handler: ${missing.join(', ')}`);
  return { dispatcher, directoryHealth, sessions, aisSignIn };
}
