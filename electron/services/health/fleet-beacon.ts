// The counter's place in the fleet, kept in the directory the campus already runs: a heartbeat
// entry per kiosk (version, state, last seen, today's counts; never anything personal) and two
// switches, the kiosk's own and cn=fleet for every kiosk. The kiosk writes its heartbeat every
// heartbeatSeconds and on each change of state, and reads the switches every checkSeconds and
// before each sign-in. The heartbeat never writes a switch (fleet-switch.ts does, on command);
// the local state follows what the directory holds. Without the directory it keeps its last known
// state and says it is stale.
import type { Entry } from 'ldapts';
import type { TodayCounts } from '../audit/today-counts';
import type { Clock } from '../clock';
import type { DirectoryConnection } from '../directory/directory-connection';
import { firstValue, generalizedTime } from '../directory/ldap-values';
import type { WriteServers } from '../directory/write-servers';
import type { Logger } from '../logger';
import { csnOf, markOf, SWITCH_UNSET, writeSwitch, type SwitchWritten } from './fleet-switch';
import type { KioskStatus } from './kiosk-status';
import { FLEET_SWITCH_CN, KIOSK_ENTRY_ATTRIBUTES, kioskOf, writeHeartbeat, type FleetView } from './fleet-entries';

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
  private view: FleetView = {
    fleetOutOfService: false,
    fleetSwitch: SWITCH_UNSET,
    kiosks: [],
    stale: true,
    checkedAt: null,
  };
  /** Counts this kiosk's switch writes, begun and ended: a read that saw another count started before one. */
  private switchWrites = 0;
  /** The entryCSN of each switch entry as this kiosk's last write left it: a copy older than that is stale. */
  private readonly floors = new Map<string, string>();

  constructor(private readonly deps: FleetBeaconDeps) {}

  private dnOf(cn: string): string {
    // kioskId is limited to [A-Za-z0-9._-] by the configuration: nothing to escape.
    return `cn=${cn},${this.deps.kiosksDn}`;
  }

  /** Writes this kiosk's entry (adding it the first time). Failures are logged; the next beat retries. */
  async heartbeat(): Promise<boolean> {
    const { status, counts, clock, kioskId, appVersion } = this.deps;
    const attributes = {
      mxKioskVersion: appVersion,
      mxKioskState: status.state(),
      mxKioskLastSeen: generalizedTime(clock.now()),
      mxKioskCounts: JSON.stringify(counts.list()),
    };
    try {
      const target = await this.deps.writes.begin();
      await target.connection.run((client) => writeHeartbeat(client, this.dnOf(kioskId), kioskId, attributes), {
        idempotent: true,
      });
      return true;
    } catch (error) {
      this.deps.logger.warn('fleet heartbeat not written; will retry', { error });
      return false;
    }
  }

  /** Reads both switches and applies them; keeps the last known state when the directory is away. */
  async refresh(): Promise<FleetView> {
    const { clock, connection, kiosksDn, kioskId, logger } = this.deps;
    const started = this.switchWrites;
    try {
      const { searchEntries } = await connection.run(
        (client) =>
          client.search(kiosksDn, {
            scope: 'one',
            filter: '(objectClass=mxKiosk)',
            attributes: KIOSK_ENTRY_ATTRIBUTES,
          }),
        { idempotent: true },
      );
      const byCn = new Map(searchEntries.map((e) => [String(firstValue(e.cn)), e]));
      // A read that started before this kiosk's own last switch write, or that a lagging replica
      // answered with an entry older than that write, would turn the switch back: it is dropped.
      if (
        started !== this.switchWrites ||
        [FLEET_SWITCH_CN, kioskId].some((cn) => this.olderThanOwnWrite(cn, byCn.get(cn)))
      ) {
        logger.info("fleet read older than this kiosk's last switch; dropped");
        return this.view;
      }
      const fleetSwitch = markOf(byCn.get(FLEET_SWITCH_CN));
      this.view = {
        fleetOutOfService: fleetSwitch.on,
        fleetSwitch,
        kiosks: searchEntries
          .filter((e) => firstValue(e.cn) !== FLEET_SWITCH_CN)
          .map(kioskOf)
          .sort((a, b) => a.kioskId.localeCompare(b.kioskId)),
        stale: false,
        checkedAt: new Date(clock.now()).toISOString(),
      };
      await this.follow(fleetSwitch.on, markOf(byCn.get(kioskId)).on);
    } catch (error) {
      logger.warn('fleet switches not read; keeping the last known state', { error });
      this.view = { ...this.view, stale: true };
    }
    return this.view;
  }

  /** The helpdesk's switch for this kiosk: written over the value it replaces, then followed here. */
  switchOwn(on: boolean, operator: string): Promise<SwitchWritten> {
    return this.switchEntry(this.deps.kioskId, on, operator);
  }

  /** The helpdesk's switch for every kiosk (cn=fleet); each kiosk sees it within checkSeconds. */
  switchFleet(on: boolean, operator: string): Promise<SwitchWritten> {
    return this.switchEntry(FLEET_SWITCH_CN, on, operator);
  }

  private async switchEntry(cn: string, on: boolean, operator: string): Promise<SwitchWritten> {
    const { writes, kioskId, clock } = this.deps;
    this.switchWrites += 1;
    try {
      const target = await writes.begin();
      const written = await target.connection.run(
        (client) => writeSwitch(client, { dn: this.dnOf(cn), cn, on, who: { operator, kioskId }, nowMs: clock.now() }),
        { idempotent: false },
      );
      const floor = this.floors.get(cn);
      if (written.csn && (!floor || written.csn > floor)) this.floors.set(cn, written.csn);
      // The directory holds this now (ours, or the same position another console set first).
      const fleetSwitch = cn === FLEET_SWITCH_CN ? written.mark : this.view.fleetSwitch;
      this.view = {
        ...this.view,
        fleetOutOfService: fleetSwitch.on,
        fleetSwitch,
        kiosks: this.view.kiosks.map((k) => (k.kioskId === cn ? { ...k, ownSwitch: written.mark } : k)),
      };
      await this.follow(fleetSwitch.on, cn === kioskId ? written.mark.on : this.deps.status.isSwitchedOff());
      return written;
    } finally {
      this.switchWrites += 1;
    }
  }

  private olderThanOwnWrite(cn: string, entry: Entry | undefined): boolean {
    const floor = this.floors.get(cn);
    const csn = csnOf(entry);
    return floor !== undefined && (csn === null || csn < floor);
  }

  /** Sets the local state to the directory's switches; a change is announced with a heartbeat. */
  private async follow(fleetOff: boolean, ownOff: boolean): Promise<void> {
    const { status } = this.deps;
    const before = status.state();
    status.setFleetOutOfService(fleetOff);
    status.setOutOfService(ownOff);
    if (status.state() === before) return;
    if (before === 'in-service') this.deps.onOutOfService();
    await this.heartbeat();
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
