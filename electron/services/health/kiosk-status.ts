// What the Welcome screen's small print shows and what the out-of-service switch decides: whether
// the directory and AIS answer, and whether a helpdesk operator has switched this kiosk off. While
// it is off, every person-facing request is refused with OUT_OF_SERVICE.
import type { StatusResponse } from '../../../shared/contract/schemas';
import { probeAis, type FetchLike } from '../ais/ais-health';
import type { DirectoryHealth } from '../directory/directory-health';
import type { WriteServers } from '../directory/write-servers';
import type { LayoutProblem } from '../account-store/layout-check';
import { KioskError } from '../kiosk-error';
import type { Logger } from '../logger';

/** What the fleet sees of a kiosk: serving, switched off itself, or off with the whole fleet. */
export type KioskState = 'in-service' | 'out-of-service' | 'fleet-out-of-service';

export class KioskStatus {
  /** This kiosk's own switch (the helpdesk at this kiosk, or its entry in the directory). */
  private outOfService = false;
  /** The fleet's switch (cn=fleet in the directory): every kiosk at once. */
  private fleetOutOfService = false;
  /** What keeps the kiosk out of service by itself (a directory not laid out for it), shown as a reference. */
  private layoutProblem: LayoutProblem | null = null;

  constructor(
    private readonly deps: {
      directoryHealth: DirectoryHealth;
      /** Whether any write server takes writes: Welcome says so before anyone signs in. */
      writes: Pick<WriteServers, 'roles'>;
      aisLoginUrl: string;
      fetch: FetchLike;
      appVersion: string;
      kioskId: string;
      logger: Logger;
    },
  ) {}

  /** Off by either switch, or by a directory the kiosk cannot write as it must. */
  isOutOfService(): boolean {
    return this.outOfService || this.fleetOutOfService || this.layoutProblem !== null;
  }

  /** This kiosk's own switch only. */
  isSwitchedOff(): boolean {
    return this.outOfService;
  }

  state(): KioskState {
    return this.fleetOutOfService ? 'fleet-out-of-service' : this.outOfService ? 'out-of-service' : 'in-service';
  }

  setOutOfService(on: boolean): void {
    this.outOfService = on;
  }

  setFleetOutOfService(on: boolean): void {
    this.fleetOutOfService = on;
  }

  /** The layout check's verdict (accounts/housekeeping.ts): a problem, or null once fixed. */
  setLayoutProblem(problem: LayoutProblem | null): void {
    this.layoutProblem = problem;
  }

  /** Throws OUT_OF_SERVICE while the kiosk is switched off (a guard for person-facing requests). */
  refuseWhileOutOfService(): void {
    if (this.fleetOutOfService) throw new KioskError('OUT_OF_SERVICE', 'the whole fleet is switched out of service');
    if (this.outOfService) throw new KioskError('OUT_OF_SERVICE', 'switched out of service by a helpdesk operator');
    if (this.layoutProblem)
      throw new KioskError(
        'OUT_OF_SERVICE',
        `the directory is not laid out for the kiosk: ${this.layoutProblem.detail}`,
      );
  }

  async status(): Promise<StatusResponse> {
    const [servers, ais, roles] = await Promise.all([
      this.deps.directoryHealth.probeAll(),
      probeAis(this.deps.aisLoginUrl, this.deps.fetch),
      this.deps.writes.roles(),
    ]);
    const writable = roles.some((r) => r.role === 'writable');
    const reachable = servers.filter((s) => s.reachable).length;
    for (const s of servers.filter((x) => !x.reachable))
      this.deps.logger.warn('directory server unreachable', { url: s.url, error: s.error });
    return {
      appVersion: this.deps.appVersion,
      kioskId: this.deps.kioskId,
      directory: {
        state: reachable > 0 ? 'online' : 'offline',
        serversConfigured: servers.length,
        serversReachable: reachable,
        writable,
      },
      ais: { state: ais },
      outOfService: this.isOutOfService(),
      reference: this.layoutProblem?.reference ?? null,
      notice: reachable > 0 && !writable ? 'DIRECTORY_READ_ONLY' : null,
    };
  }
}
