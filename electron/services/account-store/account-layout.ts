// Where things live in the directory and what they are called, from the configuration.
import type { ResolvedDirectorySettings } from '../directory/directory-settings';
import type { MailboxAccount } from '../mailbox/mailbox-provisioner';

type Directory = Pick<
  ResolvedDirectorySettings,
  'baseDn' | 'subtrees' | 'attributes' | 'account' | 'passwordSuspended'
>;

export interface DirectoryLayout {
  baseDn: string;
  peopleDn: string;
  suspendedDn: string;
  aliasesDn: string;
  uidCounterDn: string;
  /** Where the claims live: one entry per staff ID with an account (account-claims.ts). */
  claimsDn: string;
  /** Where the kiosks keep their heartbeat entries and the fleet switch (health/fleet-beacon.ts). */
  kiosksDn: string;
  /** A DN nobody makes: deleting it asks a server whether it takes writes (write-servers.ts). */
  writeProbeDn: string;
  attrs: Directory['attributes'];
  account: Directory['account'];
  passwordSuspended: Directory['passwordSuspended'];
}

export function layoutFromConfig(directory: Directory): DirectoryLayout {
  const under = (rdn: string) => `${rdn},${directory.baseDn}`;
  return {
    baseDn: directory.baseDn,
    peopleDn: under(directory.subtrees.people),
    suspendedDn: under(directory.subtrees.suspended),
    aliasesDn: under(directory.subtrees.aliases),
    uidCounterDn: directory.account.uidCounterDn ?? under('cn=uidNext'),
    claimsDn: under(directory.subtrees.claims),
    kiosksDn: under(directory.subtrees.kiosks),
    writeProbeDn: under('cn=mx-kiosk-write-probe,ou=mx-kiosk-write-probe'),
    attrs: directory.attributes,
    account: directory.account,
    passwordSuspended: directory.passwordSuspended,
  };
}

/** One uidNumber range and the counter entry that hands it out. */
export interface UidCounter {
  counterDn: string;
  min: number;
  max: number;
}

/**
 * The counter a creation on this write server takes its uidNumber from: the server's own range
 * when directory.account.uidRanges names one (multi-provider), the single counter otherwise.
 */
export function uidCounterFor(layout: DirectoryLayout, url: string): UidCounter {
  const range = layout.account.uidRanges?.find((r) => r.server === url);
  if (range)
    return { counterDn: range.counterDn ?? `cn=uidNext-${range.min},${layout.baseDn}`, min: range.min, max: range.max };
  return { counterDn: layout.uidCounterDn, min: layout.account.uidNumberMin, max: layout.account.uidNumberMax };
}

/** Every counter the configuration names, for the doctor's headroom lines. */
export function uidCounters(layout: DirectoryLayout): UidCounter[] {
  const ranges = layout.account.uidRanges;
  return ranges ? ranges.map((r) => uidCounterFor(layout, r.server)) : [uidCounterFor(layout, '')];
}

/** The home directory pattern filled in: {uid} and {uid2} (its first two letters). */
export function homeDirectoryFor(pattern: string, uid: string): string {
  return pattern.replaceAll('{uid2}', uid.slice(0, 2)).replaceAll('{uid}', uid);
}

/** What the mail store is given for an account: its home and gid as its entry has them, else as the layout makes them. */
export function mailboxAccountOf(
  layout: DirectoryLayout['account'],
  account: { uid: string; uidNumber: number; gidNumber?: number; homeDirectory?: string },
): MailboxAccount {
  const { uid, uidNumber } = account;
  return {
    uid,
    uidNumber,
    gidNumber: Number.isInteger(account.gidNumber) ? account.gidNumber! : layout.gidNumber,
    homeDirectory: account.homeDirectory || homeDirectoryFor(layout.homeDirectory, uid),
  };
}

/** True when dn is the given container or below it (DN comparison ignores case and spaces after commas). */
export function isUnder(dn: string, containerDn: string): boolean {
  const norm = (s: string) => s.toLowerCase().replace(/,\s+/g, ',');
  return norm(dn).endsWith(`,${norm(containerDn)}`);
}
