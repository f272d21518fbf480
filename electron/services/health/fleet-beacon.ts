// The counter's place in the fleet, kept in the directory the campus already runs: a heartbeat
// entry per kiosk (version, state, last seen, today's counts; never anything personal) and two
// switches, the kiosk's own and cn=fleet for every kiosk. The kiosk writes its heartbeat every
// heartbeatSeconds and on each change of state, and reads the switches every checkSeconds and
// before each sign-in. Without the directory it keeps its last known state and says it is stale.
import { AlreadyExistsError, Attribute, Change, NoSuchObjectError, type Client, type Entry } from 'ldapts';
import type { ActionCount, TodayCounts } from '../audit/today-counts';
import type { Clock } from '../clock';
import type { DirectoryConnection } from '../directory/directory-connection';
import { firstValue, generalizedTime, parseGeneralizedTime } from '../directory/ldap-values';
import type { WriteServers } from '../directory/write-servers';
import type { Logger } from '../logger';
import type { KioskState, KioskStatus } from './kiosk-status';

export const FLEET_SWITCH_CN = 'fleet';

export interface FleetKiosk {
  kioskId: string;
  state: KioskState;
  lastSeen: string | null;
  version: string;
  counts: ActionCount[];
}

export interface FleetView {
  /** cn=fleet's switch: every kiosk out of service. */
  fleetOutOfService: boolean;
  kiosks: FleetKiosk[];
  /** True when the directory did not answer: this is the last known picture. */
  stale: boolean;
  /** When the directory last answered, ISO time; null if never. */
  checkedAt: string | null;
}

const lastSeenOf = (text: string | undefined) => {
  const ms = parseGeneralizedTime(text);
  return ms === null ? null : new Date(ms).toISOString();
};
const STATES: readonly KioskState[] = ['in-service', 'out-of-service', 'fleet-out-of-service'];

function kioskOf(entry: Entry): FleetKiosk {
  const state = firstValue(entry.mxKioskState) as KioskState | undefined;
  let counts: ActionCount[] = [];
  try {
    counts = JSON.parse(firstValue(entry.mxKioskCounts) ?? '[]') as ActionCount[];
  } catch {
    // A hand-edited entry: show the kiosk without counts.
  }
  return {
    kioskId: firstValue(entry.cn) ?? '',
    state: state && STATES.includes(state) ? state : 'in-service',
    lastSeen: lastSeenOf(firstValue(entry.mxKioskLastSeen)),
    version: firstValue(entry.mxKioskVersion) ?? '',
    counts,
  };
}

export interface FleetBeaconDeps {
  /** Reads (the read servers). */
  connection: DirectoryConnection;
  /** Writes go to a write server only. */
  writes: Pick<WriteServers, 'begin'>;
  kiosksDn: string;
  kioskId: string;
  appVersion: string;
  status: KioskStatus;
  counts: TodayCounts;
  clock: Clock;
  logger: Logger;
  /** A switch just took this kiosk out of service: the person at the counter is wiped. */
  onOutOfService: () => void;
}

export class FleetBeacon {
  private view: FleetView = { fleetOutOfService: false, kiosks: [], stale: true, checkedAt: null };
  /** This kiosk's own switch as the operator set it here, until the directory has it. */
  private pendingOwn: boolean | null = null;

  constructor(private readonly deps: FleetBeaconDeps) {}

  private dnOf(cn: string): string {
    // kioskId is limited to [A-Za-z0-9._-] by the configuration: nothing to escape.
    return `cn=${cn},${this.deps.kiosksDn}`;
  }

  /** Writes this kiosk's entry (adding it the first time). Failures are logged; the next beat retries. */
  async heartbeat(): Promise<boolean> {
    const { status, counts, clock, kioskId, appVersion } = this.deps;
    const own = this.pendingOwn ?? status.isSwitchedOff();
    const attributes = {
      mxKioskVersion: appVersion,
      mxKioskState: status.state(),
      mxKioskLastSeen: generalizedTime(clock.now()),
      mxKioskCounts: JSON.stringify(counts.list()),
      mxKioskOutOfService: own ? 'TRUE' : 'FALSE',
    };
    try {
      const target = await this.deps.writes.begin();
      await target.connection.run((client) => upsert(client, this.dnOf(kioskId), kioskId, attributes), { idempotent: true });
      if (this.pendingOwn === own) this.pendingOwn = null;
      return true;
    } catch (error) {
      this.deps.logger.warn('fleet heartbeat not written; will retry', { error });
      return false;
    }
  }

  /** Reads both switches and applies them; keeps the last known state when the directory is away. */
  async refresh(): Promise<FleetView> {
    const { status, clock, connection, kiosksDn } = this.deps;
    try {
      const { searchEntries } = await connection.run((client) => client.search(kiosksDn, { scope: 'one', filter: '(objectClass=mxKiosk)', attributes: ['cn', 'mxKioskVersion', 'mxKioskState', 'mxKioskLastSeen', 'mxKioskCounts', 'mxKioskOutOfService'] }), { idempotent: true });
      const byCn = new Map(searchEntries.map((e) => [String(firstValue(e.cn)), e]));
      const fleetOff = firstValue(byCn.get(FLEET_SWITCH_CN)?.mxKioskOutOfService) === 'TRUE';
      const ownOff = this.pendingOwn ?? firstValue(byCn.get(this.deps.kioskId)?.mxKioskOutOfService) === 'TRUE';
      const before = status.state();
      status.setFleetOutOfService(fleetOff);
      status.setOutOfService(ownOff);
      this.view = {
        fleetOutOfService: fleetOff,
        kiosks: searchEntries.filter((e) => firstValue(e.cn) !== FLEET_SWITCH_CN).map(kioskOf).sort((a, b) => a.kioskId.localeCompare(b.kioskId)),
        stale: false,
        checkedAt: new Date(clock.now()).toISOString(),
      };
      if (status.state() !== before) {
        if (before === 'in-service') this.deps.onOutOfService();
        await this.heartbeat();
      }
    } catch (error) {
      this.deps.logger.warn('fleet switches not read; keeping the last known state', { error });
      this.view = { ...this.view, stale: true };
    }
    return this.view;
  }

  /** The helpdesk's switch for this kiosk: applied here at once, and written for the fleet to see. */
  async switchOwn(on: boolean): Promise<void> {
    const before = this.deps.status.state();
    this.pendingOwn = on;
    this.deps.status.setOutOfService(on);
    if (before === 'in-service' && on) this.deps.onOutOfService();
    await this.heartbeat();
  }

  /** The helpdesk's switch for every kiosk (cn=fleet); each kiosk sees it within checkSeconds. */
  async switchFleet(on: boolean): Promise<void> {
    const target = await this.deps.writes.begin();
    await target.connection.run((client) => upsert(client, this.dnOf(FLEET_SWITCH_CN), FLEET_SWITCH_CN, { mxKioskOutOfService: on ? 'TRUE' : 'FALSE' }), { idempotent: true });
    await this.refresh();
  }

  /** Heartbeat and switches now, then at their intervals; returns the stop function. */
  start(settings: { heartbeatSeconds: number; checkSeconds: number }): () => void {
    void this.refresh().then(() => this.heartbeat());
    const beats = setInterval(() => void this.heartbeat(), settings.heartbeatSeconds * 1000);
    const checks = setInterval(() => void this.refresh(), settings.checkSeconds * 1000);
    beats.unref?.();
    checks.unref?.();
    return () => {
      clearInterval(beats);
      clearInterval(checks);
    };
  }
}

/**
 * Replaces the attributes, or adds the entry when it is not there yet. Two writers racing to add
 * it (a heartbeat on a change of state beside the timer's, two operators on cn=fleet): the add
 * that loses finds the entry there and replaces instead.
 */
async function upsert(client: Client, dn: string, cn: string, attributes: Record<string, string>): Promise<void> {
  const replace = () => client.modify(dn, Object.entries(attributes).map(([type, value]) => new Change({ operation: 'replace', modification: new Attribute({ type, values: [value] }) })));
  try {
    await replace();
  } catch (error) {
    if (!(error instanceof NoSuchObjectError)) throw error;
    try {
      await client.add(dn, { objectClass: 'mxKiosk', cn, ...attributes });
    } catch (addError) {
      if (!(addError instanceof AlreadyExistsError)) throw addError;
      await replace();
    }
  }
}
