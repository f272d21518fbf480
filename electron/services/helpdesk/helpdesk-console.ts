// What a signed-in helpdesk operator can see and do at the counter: the kiosk's health (the same
// checks as mx-kiosk doctor, plus today's counts), account lookup (account-lookup.ts; never a
// password hash), the fleet check on request, and the out-of-service switch. Every action is
// audited with the operator's uid.
import type { AuditLog } from '../audit/audit-log';
import type { TodayCounts } from '../audit/today-counts';
import type { ContactSettings } from '../contact/contact-settings';
import { hasLiveCode } from '../contact/pending-code';
import type { DirectoryConnection } from '../directory/directory-connection';
import type { WriteServers } from '../directory/write-servers';
import { firstValue } from '../directory/ldap-values';
import { readAuditTrail } from '../audit/audit-chain';
import { fleetLines } from '../health/fleet-lines';
import { runDoctor, type DoctorCheck, type DoctorConfig, type DoctorDeps } from '../health/kiosk-doctor';
import { silentLogger } from '../logger';
import { isUnder, type DirectoryLayout } from '../account-store/account-layout';
import type { FleetBeacon } from '../health/fleet-beacon';
import type { FleetView } from '../health/fleet-entries';
import type { HelpdeskSettings } from './helpdesk-settings';
import type { OperatorSignIn } from './operator-sign-in';
import { lookupTerms } from '../../../shared/names/lookup-terms';
import { findAccounts, type LookupStage } from '../account-store/account-lookup';

export interface LookupResult {
  account: string;
  staffId: string;
  name: string;
  state: 'active' | 'suspended' | 'password-suspended';
  stage: LookupStage;
  created: string | null;
  contact: 'confirmed' | 'pending' | 'none';
}

export class HelpdeskConsole {
  constructor(
    private readonly deps: {
      operators: OperatorSignIn;
      connection: DirectoryConnection;
      /** A staff ID written here recently is looked up on the server that took the write. */
      writes: Pick<WriteServers, 'pinnedServer' | 'at'>;
      layout: DirectoryLayout;
      config: DoctorConfig & {
        contact: Pick<ContactSettings, 'attributes'>;
        helpdesk: Pick<HelpdeskSettings, 'staffDirectory'>;
      };
      configPath: string;
      appVersion: string;
      doctor: DoctorDeps;
      audit: AuditLog;
      /** Today's counts, as today's audit file has them (audit/today-counts.ts). */
      counts: TodayCounts;
      clock: { now(): number };
      /** The switches (this kiosk's and the fleet's) and the fleet's heartbeat entries. */
      fleet: Pick<FleetBeacon, 'switchOwn' | 'switchFleet' | 'refresh'>;
    },
  ) {}

  async health(): Promise<{
    checks: DoctorCheck[];
    counts: Array<{ action: string; result: string; count: number }>;
    appVersion: string;
    configPath: string;
    aisMode: 'simulator' | 'ais';
  }> {
    const operator = this.deps.operators.require();
    const failedWrites = this.deps.audit.failedWrites;
    const checks = [
      ...(await runDoctor(this.deps.config, this.deps.doctor)),
      // The audit policy (audit-log.ts): a line that could not be written is counted and shown here.
      {
        status: failedWrites > 0 ? ('FAIL' as const) : ('OK' as const),
        name: 'audit writes',
        detail: failedWrites > 0 ? `${failedWrites} line(s) could not be written since start-up` : 'every line written',
      },
    ];
    await this.record(operator.uid, 'health', 'ok');
    const login = new URL(this.deps.config.ais.loginUrl);
    return {
      checks,
      counts: this.deps.counts.list(),
      appVersion: this.deps.appVersion,
      configPath: this.deps.configPath,
      // The simulator only ever runs on loopback over plain http.
      aisMode: login.protocol === 'http:' && login.hostname === '127.0.0.1' ? 'simulator' : 'ais',
    };
  }

  async lookup(query: string): Promise<{ results: LookupResult[]; tooMany: boolean }> {
    const operator = this.deps.operators.require();
    const terms = lookupTerms(query);
    if (!terms) return { results: [], tooMany: false };
    const { layout } = this.deps;
    const { attrs, passwordSuspended } = layout;
    const contact = this.deps.config.contact.attributes;
    const hr = this.deps.config.helpdesk.staffDirectory;
    const written = this.deps.writes.pinnedServer(terms.plain);
    const connection = written ? this.deps.writes.at(written) : this.deps.connection;
    const { entries, stages, tooMany } = await findAccounts(
      connection,
      {
        baseDn: layout.baseDn,
        claimsDn: this.deps.config.mailbox.mode === 'campus' ? layout.claimsDn : null,
        attrs,
        hr: { dn: `${hr.base},${layout.baseDn}`, id: hr.id, nameEn: hr.nameEn },
        // Asked for by name: never userPassword (whether one is set is asked by a filter).
        attributes: [
          attrs.account,
          attrs.staffId,
          attrs.name,
          'description',
          passwordSuspended.attribute,
          contact.address,
          contact.confirmed,
          contact.pending,
        ],
      },
      terms,
    );
    await this.record(operator.uid, 'lookup', 'ok', `${entries.length} result(s)${tooMany ? ', more not listed' : ''}`);
    const results = entries.map((e) => {
      const created = /^create\((\d+),/.exec(firstValue(e.description) ?? '')?.[1];
      const marker = firstValue(e[passwordSuspended.attribute]);
      return {
        account: firstValue(e[attrs.account]) ?? '',
        staffId: firstValue(e[attrs.staffId]) ?? '',
        name: firstValue(e[attrs.name]) ?? '',
        state: isUnder(e.dn, layout.suspendedDn) ? 'suspended' : marker !== undefined ? 'password-suspended' : 'active',
        stage: stages.get(e.dn.toLowerCase()) ?? 'complete',
        created: created ? new Date(Number(created) * 1000).toISOString() : null,
        contact:
          firstValue(e[contact.confirmed]) === 'TRUE'
            ? 'confirmed'
            : hasLiveCode(firstValue(e[contact.pending]), this.deps.clock.now())
              ? 'pending'
              : 'none',
      } satisfies LookupResult;
    });
    return { results, tooMany };
  }

  /**
   * The fleet check over this kiosk's audit trail (docs/directory.md, "Fleet"). Asked for, not run
   * with every health view: it reads every account, and an account deleted on purpose later stays
   * a finding until the trail that made it is archived.
   */
  async fleetCheck(): Promise<DoctorCheck[]> {
    const operator = this.deps.operators.require();
    const { config, doctor, clock } = this.deps;
    const lines = await fleetLines(config.directory, await readAuditTrail(config.audit.file), {
      connect: doctor.connectLdap,
      clock,
      logger: silentLogger,
    });
    const findings = lines.filter((l) => l.status === 'FAIL').length;
    await this.record(operator.uid, 'fleet check', 'ok', `${findings} finding(s)`);
    return lines;
  }

  /**
   * This kiosk's switch, or the whole fleet's. Nobody is left half-way through a flow the kiosk
   * will now refuse to continue: the beacon wipes the person at the counter when a switch goes on.
   * A switch already in that position (set first by someone else) is left as they set it.
   */
  async setOutOfService(on: boolean, scope: 'kiosk' | 'fleet' = 'kiosk'): Promise<boolean> {
    const operator = this.deps.operators.require();
    const written =
      scope === 'fleet'
        ? await this.deps.fleet.switchFleet(on, operator.uid)
        : await this.deps.fleet.switchOwn(on, operator.uid);
    const { by, from, at } = written.mark;
    await this.record(
      operator.uid,
      `${scope === 'fleet' ? 'fleet ' : ''}out-of-service ${on ? 'on' : 'off'}`,
      'ok',
      written.changed ? undefined : `already, by ${by ?? '?'} from ${from ?? '?'} at ${at ?? '?'}`,
    );
    return written.mark.on;
  }

  /** Every kiosk's heartbeat, read now (or the last known picture, marked stale). */
  async fleetStatus(): Promise<FleetView> {
    this.deps.operators.require();
    return this.deps.fleet.refresh();
  }

  private record(operator: string, what: string, result: 'ok', detail?: string) {
    return this.deps.audit.note({ action: 'operator', result, operator, detail: detail ? `${what}: ${detail}` : what });
  }
}
