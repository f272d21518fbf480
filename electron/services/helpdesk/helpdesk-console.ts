// What a signed-in helpdesk operator can see and do at the counter: the kiosk's health (the same
// checks as mx-kiosk doctor, plus today's counts), account lookup (never a password hash), the
// fleet check on request, and the out-of-service switch. Every action is audited with the
// operator's uid.
import { NotFilter, OrFilter, SubstringFilter, type Entry } from 'ldapts';
import type { AuditLog } from '../audit/audit-log';
import type { TodayCounts } from '../audit/today-counts';
import type { ContactSettings } from '../contact/contact-settings';
import { hasLiveCode } from '../contact/pending-code';
import type { DirectoryConnection } from '../directory/directory-connection';
import type { WriteServers } from '../directory/write-servers';
import { allOf, anyEquals, equals, present } from '../directory/ldap-names';
import { allValues, firstValue } from '../directory/ldap-values';
import { readAuditTrail } from '../audit/audit-chain';
import { fleetLines } from '../health/fleet-lines';
import { runDoctor, type DoctorCheck, type DoctorConfig, type DoctorDeps } from '../health/kiosk-doctor';
import { silentLogger } from '../logger';
import { isUnder, type DirectoryLayout } from '../account-store/account-layout';
import type { FleetBeacon, FleetView } from '../health/fleet-beacon';
import type { HelpdeskSettings } from './helpdesk-settings';
import type { OperatorSignIn } from './operator-sign-in';

export interface LookupResult {
  account: string;
  staffId: string;
  name: string;
  state: 'active' | 'suspended' | 'password-suspended';
  /** How far its creation got (docs/directory.md): without a password, without a mailbox, or complete. */
  stage: 'added' | 'password-set' | 'complete';
  created: string | null;
  contact: 'confirmed' | 'pending' | 'none';
}

export class HelpdeskConsole {
  constructor(
    private readonly deps: {
      operators: OperatorSignIn;
      connection: DirectoryConnection;
      /** A staff ID written here recently is looked up on the server that took the write. */
      writes: Pick<WriteServers, 'recall' | 'at'>;
      layout: DirectoryLayout;
      config: DoctorConfig & { contact: Pick<ContactSettings, 'attributes'>; helpdesk: Pick<HelpdeskSettings, 'staffDirectory'> };
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

  async health(): Promise<{ checks: DoctorCheck[]; counts: Array<{ action: string; result: string; count: number }>; appVersion: string; configPath: string; aisMode: 'simulator' | 'ais' }> {
    const operator = this.deps.operators.require();
    const failedWrites = this.deps.audit.failedWrites;
    const checks = [
      ...(await runDoctor(this.deps.config, this.deps.doctor)),
      // The audit policy (audit-log.ts): a line that could not be written is counted and shown here.
      { status: failedWrites > 0 ? ('FAIL' as const) : ('OK' as const), name: 'audit writes', detail: failedWrites > 0 ? `${failedWrites} line(s) could not be written since start-up` : 'every line written' },
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

  async lookup(query: string): Promise<LookupResult[]> {
    const operator = this.deps.operators.require();
    const text = query.trim().toLowerCase();
    if (text.length < 2) return [];
    const { layout } = this.deps;
    const { attrs, passwordSuspended } = layout;
    const contact = this.deps.config.contact.attributes;
    // Mailbox entries carry no English name; the HR records do, so an English name is first turned
    // into the staff IDs whose passport name contains it.
    const byEnglishName = await this.staffIdsByEnglishName(query.trim());
    // Only mailbox entries: HR records share names with them and would crowd the 20 results out.
    const filter = allOf(
      equals('objectClass', 'posixAccount'),
      new OrFilter({
        filters: [
          equals(attrs.staffId, text),
          equals(attrs.account, text),
          new SubstringFilter({ attribute: attrs.name, any: [query.trim()] }),
          ...(byEnglishName.length > 0 ? [anyEquals(attrs.staffId, byEnglishName)] : []),
        ],
      }),
    );
    const written = this.deps.writes.recall(text);
    const connection = written ? this.deps.writes.at(written) : this.deps.connection;
    const entries = await connection.run(
      async (client) =>
        (
          await client.search(layout.baseDn, {
            scope: 'sub',
            filter,
            sizeLimit: 20,
            // Asked for by name: never userPassword (whether one is set is asked below, by a filter).
            attributes: [attrs.account, attrs.staffId, attrs.name, 'description', passwordSuspended.attribute, contact.address, contact.confirmed, contact.pending],
          }).catch((error: unknown) => {
            if ((error as { code?: number }).code === 4) return { searchEntries: [] as Entry[] }; // more than 20: ask for more detail
            throw error;
          })
        ).searchEntries,
      { idempotent: true },
    );
    const stages = await this.stagesOf(connection, entries);
    await this.record(operator.uid, 'lookup', 'ok', `${entries.length} result(s)`);
    return entries.map((e) => {
      const created = /^create\((\d+),/.exec(firstValue(e.description) ?? '')?.[1];
      const marker = firstValue(e[passwordSuspended.attribute]);
      return {
        account: firstValue(e[attrs.account]) ?? '',
        staffId: firstValue(e[attrs.staffId]) ?? '',
        name: firstValue(e[attrs.name]) ?? '',
        state: isUnder(e.dn, layout.suspendedDn) ? 'suspended' : marker !== undefined ? 'password-suspended' : 'active',
        stage: stages.get(e.dn.toLowerCase()) ?? 'complete',
        created: created ? new Date(Number(created) * 1000).toISOString() : null,
        contact: firstValue(e[contact.confirmed]) === 'TRUE' ? 'confirmed' : hasLiveCode(firstValue(e[contact.pending]), this.deps.clock.now()) ? 'pending' : 'none',
      } satisfies LookupResult;
    });
  }

  /**
   * Staff IDs whose HR record's passport name contains the text. The filter is an object (ldapts
   * escapes its value), and the directory's case-insensitive matching makes "wang" find "WANG,…".
   */
  private async staffIdsByEnglishName(text: string): Promise<string[]> {
    const hr = this.deps.config.helpdesk.staffDirectory;
    const records = await this.deps.connection.run(
      async (client) =>
        (
          await client
            .search(`${hr.base},${this.deps.layout.baseDn}`, { scope: 'sub', filter: new SubstringFilter({ attribute: hr.nameEn, any: [text] }), sizeLimit: 20, attributes: [hr.id] })
            .catch((error: unknown) => {
              // No HR records here (code 32), or more than 20 (code 4): the other criteria still answer.
              const code = (error as { code?: number }).code;
              if (code === 32 || code === 4) return { searchEntries: [] as Entry[] };
              throw error;
            })
        ).searchEntries,
      { idempotent: true },
    );
    return records.map((r) => (firstValue(r[hr.id]) ?? '').toLowerCase()).filter(Boolean);
  }

  /**
   * The stage of each entry found: which have no password yet (asked by a filter, so no hash is
   * ever read), and in campus mode which claims have no mailbox mark. Complete is not listed.
   */
  private async stagesOf(connection: DirectoryConnection, entries: Entry[]): Promise<Map<string, LookupResult['stage']>> {
    const stages = new Map<string, LookupResult['stage']>();
    if (entries.length === 0) return stages;
    const { layout } = this.deps;
    const staffIds = entries.map((e) => firstValue(e[layout.attrs.staffId]) ?? '').filter(Boolean);
    const [withoutPassword, claims] = await connection.run(
      (client) =>
        Promise.all([
          client
            .search(layout.baseDn, { scope: 'sub', filter: allOf(anyEquals('entryDN', entries.map((e) => e.dn)), new NotFilter({ filter: present('userPassword') })), attributes: ['dn'] })
            .then((r) => r.searchEntries),
          this.deps.config.mailbox.mode === 'campus' && staffIds.length > 0
            ? client.search(layout.claimsDn, { scope: 'one', filter: anyEquals('cn', staffIds), attributes: ['cn', 'description'] }).then((r) => r.searchEntries, () => [] as Entry[])
            : Promise.resolve([] as Entry[]),
        ]),
      { idempotent: true },
    );
    const noMailbox = new Set(claims.filter((c) => !allValues(c.description).some((d) => d.startsWith('mailbox('))).map((c) => (firstValue(c.cn) ?? '').toLowerCase()));
    for (const e of entries) if (noMailbox.has((firstValue(e[layout.attrs.staffId]) ?? '').toLowerCase())) stages.set(e.dn.toLowerCase(), 'password-set');
    for (const e of withoutPassword) stages.set(e.dn.toLowerCase(), 'added');
    return stages;
  }

  /**
   * The fleet check over this kiosk's audit trail (docs/directory.md, "Fleet"). Asked for, not run
   * with every health view: it reads every account, and an account deleted on purpose later stays
   * a finding until the trail that made it is archived.
   */
  async fleetCheck(): Promise<DoctorCheck[]> {
    const operator = this.deps.operators.require();
    const { config, doctor, clock } = this.deps;
    const lines = await fleetLines(config.directory, doctor.connectLdap, await readAuditTrail(config.audit.file), { now: () => clock.now() }, silentLogger);
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
    const written = scope === 'fleet' ? await this.deps.fleet.switchFleet(on, operator.uid) : await this.deps.fleet.switchOwn(on, operator.uid);
    const { by, from, at } = written.mark;
    await this.record(operator.uid, `${scope === 'fleet' ? 'fleet ' : ''}out-of-service ${on ? 'on' : 'off'}`, 'ok', written.changed ? undefined : `already, by ${by ?? '?'} from ${from ?? '?'} at ${at ?? '?'}`);
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
