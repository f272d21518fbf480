// The fleet check: the audit trail reconciled with the directory. Names and staff IDs cannot be
// kept unique across a partition of multi-provider nodes without a global lock, and after a heal
// one person's entry can silently replace another's under the same DN. So every account an audit
// file says was created must still exist with that staff ID and uidNumber; and across the
// directory no uid, uidNumber or staff ID may appear twice, no claim may lack its account, and no
// kiosk-made entry may lack a password. Hashes are never read: "has a password" is asked by a filter.
import type { AccountReads } from '../account-store/account-reads';
import type { DirectoryConnection } from '../directory/directory-connection';
import { allOf, equals, not, present } from '../directory/ldap-names';

/** A creation an audit file reports as complete. */
export interface AuditedCreation {
  staffId: string;
  account: string;
  uidNumber?: number;
  kioskId: string;
  time: string;
}

export type FleetFindingKind =
  | 'lost'
  | 'duplicate-uid'
  | 'duplicate-uidNumber'
  | 'duplicate-staff-id'
  | 'claim-without-account'
  | 'entry-without-password';

export interface FleetFinding {
  kind: FleetFindingKind;
  /** What the finding is about: the staff ID, the uid or the uidNumber. */
  key: string;
  detail: string;
}

export interface FleetReport {
  audited: number;
  accounts: number;
  findings: FleetFinding[];
}

/** The completed creations in audit lines (JSON lines, as audit-log.ts writes them); other lines are skipped. */
export function auditedCreations(lines: Iterable<string>): AuditedCreation[] {
  const found: AuditedCreation[] = [];
  for (const line of lines) {
    if (!line.trim()) continue;
    let event: Record<string, unknown>;
    try {
      event = JSON.parse(line) as Record<string, unknown>;
    } catch {
      continue;
    }
    if (
      event.action !== 'create' ||
      event.result !== 'ok' ||
      typeof event.staffId !== 'string' ||
      typeof event.account !== 'string'
    )
      continue;
    found.push({
      staffId: event.staffId.toLowerCase(),
      account: event.account.toLowerCase(),
      uidNumber: typeof event.uidNumber === 'number' ? event.uidNumber : undefined,
      kioskId: String(event.kioskId ?? ''),
      time: String(event.time ?? ''),
    });
  }
  return found;
}

interface Account {
  dn: string;
  uid: string;
  staffId: string;
  uidNumber: string;
}

export async function fleetCheck(
  reads: AccountReads,
  connection: DirectoryConnection,
  audited: readonly AuditedCreation[],
): Promise<FleetReport> {
  const { layout } = reads;
  const [entries, withoutPassword, claims] = await Promise.all([
    reads.accounts(connection),
    reads.accounts(
      connection,
      layout.baseDn,
      allOf(equals('objectClass', 'posixAccount'), not(present('userPassword'))),
    ),
    reads.claims(connection),
  ]);
  const accounts: Account[] = entries.map((e) => ({
    dn: e.dn.toLowerCase(),
    uid: e.uid.toLowerCase(),
    staffId: e.staffId,
    uidNumber: Number.isNaN(e.uidNumber) ? '' : String(e.uidNumber),
  }));
  const findings: FleetFinding[] = [];

  for (const creation of audited) {
    const kept = accounts.some(
      (a) =>
        a.uid === creation.account &&
        a.staffId === creation.staffId &&
        (creation.uidNumber === undefined || a.uidNumber === String(creation.uidNumber)),
    );
    if (kept) continue;
    const now = accounts
      .filter((a) => a.uid === creation.account)
      .map((a) => `${a.uid} now has staff ID ${a.staffId}, uidNumber ${a.uidNumber}`);
    findings.push({
      kind: 'lost',
      key: creation.staffId,
      detail: `${creation.account} (uidNumber ${creation.uidNumber ?? '?'}) created at ${creation.kioskId || 'a kiosk'} ${creation.time} is missing: ${now.join('; ') || 'no such entry'}`,
    });
  }

  for (const [kind, field] of [
    ['duplicate-uid', 'uid'],
    ['duplicate-uidNumber', 'uidNumber'],
    ['duplicate-staff-id', 'staffId'],
  ] as const) {
    const groups = new Map<string, Account[]>();
    for (const account of accounts)
      if (account[field]) groups.set(account[field], [...(groups.get(account[field]) ?? []), account]);
    for (const [key, group] of groups)
      if (group.length > 1)
        findings.push({ kind, key, detail: `${group.length} entries: ${group.map((a) => a.dn).join('; ')}` });
  }

  for (const claim of claims) {
    const { staffId } = claim;
    const account = claim.accountDn ? accounts.find((a) => a.dn === claim.accountDn!.toLowerCase()) : undefined;
    if (account && account.staffId === staffId) continue;
    // A claim younger than a creation takes may be one in progress; the operator sees when it was made.
    const made = claim.createdAt ? new Date(claim.createdAt).toISOString() : 'an unknown time';
    findings.push({
      kind: 'claim-without-account',
      key: staffId,
      detail: `claim made ${made} at ${claim.madeBy?.kioskId || 'a kiosk'} names ${claim.accountDn ?? 'no account'}${account ? `, which belongs to ${account.staffId}` : ', which does not exist'}`,
    });
  }

  for (const e of withoutPassword) {
    findings.push({
      kind: 'entry-without-password',
      key: e.staffId,
      detail: `${e.dn} has no password (an interrupted creation the sweeper removes, or one to finish by hand)`,
    });
  }
  return { audited: audited.length, accounts: accounts.length, findings };
}
