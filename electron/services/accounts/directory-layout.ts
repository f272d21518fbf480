// Where things live in the directory and what they are called, from the configuration.
import type { ResolvedDirectorySettings } from '../directory/directory-settings';

type Directory = Pick<ResolvedDirectorySettings, 'baseDn' | 'subtrees' | 'attributes' | 'account' | 'passwordSuspended'>;

export interface DirectoryLayout {
  baseDn: string;
  peopleDn: string;
  suspendedDn: string;
  aliasesDn: string;
  uidCounterDn: string;
  /** Where the claims live: one entry per staff ID with an account (account-claims.ts). */
  claimsDn: string;
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
    attrs: directory.attributes,
    account: directory.account,
    passwordSuspended: directory.passwordSuspended,
  };
}

/** The home directory pattern filled in: {uid} and {uid2} (its first two letters). */
export function homeDirectoryFor(pattern: string, uid: string): string {
  return pattern.replaceAll('{uid2}', uid.slice(0, 2)).replaceAll('{uid}', uid);
}

/** True when dn is the given container or below it (DN comparison ignores case and spaces after commas). */
export function isUnder(dn: string, containerDn: string): boolean {
  const norm = (s: string) => s.toLowerCase().replace(/,\s+/g, ',');
  return norm(dn).endsWith(`,${norm(containerDn)}`);
}
