// The doctor's fleet lines (`mx-kiosk doctor --fleet`, and the helpdesk's health view): the fleet
// check (accounts/fleet-check.ts) run on the directory as the service account, one line per finding.
import { firstLine } from '../kiosk-error';
import { auditedCreations, fleetCheck } from '../accounts/fleet-check';
import { layoutFromConfig } from '../account-store/account-layout';
import { AccountReads } from '../account-store/account-reads';
import type { Clock } from '../clock';
import { DirectoryConnection } from '../directory/directory-connection';
import { allDirectoryServers, type ResolvedDirectorySettings } from '../directory/directory-settings';
import type { LdapConnector } from '../directory/ldap-connector';
import type { Logger } from '../logger';

export interface FleetLine {
  status: 'OK' | 'FAIL';
  name: string;
  detail: string;
}

/**
 * Reconciles auditLines (every kiosk's audit trail that should be accounted for) with the directory,
 * read from the first server that answers, write servers first: after replication has converged,
 * every server shows the same.
 */
export async function fleetLines(
  directory: ResolvedDirectorySettings,
  auditLines: Iterable<string>,
  { connect, clock, logger }: { connect: LdapConnector; clock: Clock; logger: Logger },
): Promise<FleetLine[]> {
  const { bindDn, bindPassword } = directory;
  const connection = new DirectoryConnection(
    { urls: allDirectoryServers(directory), bindDn, bindPassword, failbackMs: 0 },
    connect,
    clock,
    logger,
  );
  try {
    const report = await fleetCheck(
      new AccountReads(connection, layoutFromConfig(directory)),
      connection,
      auditedCreations(auditLines),
    );
    const lines: FleetLine[] = report.findings.map((f) => ({
      status: 'FAIL',
      name: `fleet ${f.kind}`,
      detail: `${f.key}: ${f.detail}`,
    }));
    if (lines.length === 0) {
      lines.push({
        status: 'OK',
        name: 'fleet',
        detail: `${report.audited} audited creation(s) all present with their staff ID and uidNumber; ${report.accounts} account(s), no duplicate uid, uidNumber or staff ID, no claim without its account, no entry without a password`,
      });
    }
    return lines;
  } catch (error) {
    return [{ status: 'FAIL', name: 'fleet', detail: `the check could not run: ${firstLine(error)}` }];
  } finally {
    await connection.close();
  }
}
