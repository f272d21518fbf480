// What the kiosk writes on an account entry and on a claim, and how it reads them back: the one
// place that knows the description markers (create(…), attempt(…), claimed(…), mailbox(…),
// home(…)) and what a person's entries say about their account. Pure: no request is sent here.
import type { Entry } from 'ldapts';
import { allValues, firstValue } from '../directory/ldap-values';
import { isUnder, type DirectoryLayout } from './account-layout';

/**
 * Which attempt wrote something: the kiosk, and the attempt within that kiosk's process
 * (`<process>.<n>`). A cleanup deletes only what carries its own attempt, so it can never remove
 * another counter's work, and a kiosk knows which of its own attempts have ended.
 */
export interface AttemptId {
  kioskId: string;
  attempt: string;
}

const seconds = (ms: number) => Math.floor(ms / 1000);

/** The account entry's legacy marker, as the old portal wrote it: when, and from which client. */
export const createdMarker = (nowMs: number, clientIp: string) => `create(${seconds(nowMs)},${clientIp});`;
/** The account entry's second marker: the attempt that added it. */
export const attemptMarker = (id: AttemptId) => `attempt(${id.kioskId},${id.attempt})`;
/** The claim's marker: when, and by which attempt it was taken. */
export const claimedMarker = (nowMs: number, id: AttemptId) => `claimed(${seconds(nowMs)},${id.kioskId},${id.attempt})`;
/** A claim's mark after the mail store: the mailbox is made, or only its home directory is. */
export const stageMarker = (what: 'mailbox' | 'home', nowMs: number) => `${what}(${seconds(nowMs)})`;

const CREATED = /^create\((\d+),/;
const ATTEMPT = /^attempt\(([^,)]*),([^)]*)\)$/;
// Claims written before attempts were named carry only the kiosk.
const CLAIMED = /^claimed\((\d+),([^,)]*)(?:,([^)]*))?\)$/;

export interface Claim {
  dn: string;
  staffId: string;
  /** The account this claim is for; the entry may not exist yet, or any more. */
  accountDn: string | null;
  createdAt: number;
  /** Who took it; attempt is '' on a claim written before attempts were named. */
  madeBy: AttemptId | null;
  mailboxMade: boolean;
  /** The mail store made the home directory, though the mailbox was not finished then. */
  homeMade: boolean;
  /** Its claimed(…) value as read: what a guarded release asserts. Null when no kiosk wrote it. */
  claimed: string | null;
}

/** What a claim entry is asked for: the same list wherever one is read. */
export const CLAIM_ATTRIBUTES = ['cn', 'seeAlso', 'description'];

export function readClaim(entry: Entry): Claim {
  const descriptions = allValues(entry.description);
  const claimed = descriptions.map((d) => CLAIMED.exec(d)).find(Boolean);
  return {
    dn: entry.dn,
    staffId: (firstValue(entry.cn) ?? '').toLowerCase(),
    accountDn: firstValue(entry.seeAlso) ?? null,
    createdAt: Number(claimed?.[1] ?? 0) * 1000,
    madeBy: claimed ? { kioskId: claimed[2] ?? '', attempt: claimed[3] ?? '' } : null,
    mailboxMade: descriptions.some((d) => d.startsWith('mailbox(')),
    homeMade: descriptions.some((d) => d.startsWith('home(')),
    claimed: claimed?.[0] ?? null,
  };
}

/** One account entry as the kiosk reads it. The password's value is never kept, only whether it is set. */
export interface AccountEntry {
  dn: string;
  uid: string;
  staffId: string;
  uidNumber: number;
  gidNumber: number;
  homeDirectory: string;
  /** The name attribute (cn: the Chinese name, or the passport name). */
  name: string;
  /** Whether userPassword is set; null where it was not asked (a bulk read never fetches hashes). */
  hasPassword: boolean | null;
  /** The create(…) value, when the kiosk (or the old portal) made it. */
  created: string | null;
  createdAt: number;
  /** The attempt(…) value, when a kiosk attempt that names itself made it. */
  attempt: string | null;
  madeBy: AttemptId | null;
  /** The password-suspended marker's value, if the entry carries it. */
  suspendedMarker?: string;
}

/** What an account entry is asked for; userPassword, when asked, only to see whether it is set. */
export function accountAttributes(
  layout: DirectoryLayout,
  password: 'password' | 'no-password' = 'password',
): string[] {
  const common = [
    layout.attrs.account,
    layout.attrs.staffId,
    layout.attrs.name,
    'uidNumber',
    'gidNumber',
    'homeDirectory',
    'description',
    layout.passwordSuspended.attribute,
  ];
  return password === 'password' ? [...common, 'userPassword'] : common;
}

export function readAccount(entry: Entry, layout: DirectoryLayout): AccountEntry {
  // ldapts lists a requested attribute the entry lacks as an empty list, and leaves out one not asked for.
  const password = entry.userPassword === undefined ? null : allValues(entry.userPassword).length > 0;
  const descriptions = allValues(entry.description);
  const created = descriptions.find((d) => CREATED.test(d)) ?? null;
  const attempt = descriptions.map((d) => ATTEMPT.exec(d)).find(Boolean);
  return {
    dn: entry.dn,
    uid: firstValue(entry[layout.attrs.account]) ?? '',
    staffId: (firstValue(entry[layout.attrs.staffId]) ?? '').toLowerCase(),
    uidNumber: Number(firstValue(entry.uidNumber)),
    gidNumber: Number(firstValue(entry.gidNumber)),
    homeDirectory: firstValue(entry.homeDirectory) ?? '',
    name: firstValue(entry[layout.attrs.name]) ?? '',
    hasPassword: password,
    created,
    createdAt: Number(CREATED.exec(created ?? '')?.[1] ?? 0) * 1000,
    attempt: attempt?.[0] ?? null,
    madeBy: attempt ? { kioskId: attempt[1]!, attempt: attempt[2]! } : null,
    suspendedMarker: firstValue(entry[layout.passwordSuspended.attribute]),
  };
}

type Found =
  | { state: 'none' }
  | { state: 'active'; dn: string; uid: string; uidNumber: number }
  | { state: 'suspended'; dn: string; uid: string }
  | { state: 'password-suspended'; dn: string; uid: string }
  /** An entry left without a password by an interrupted creation (the add-then-set path). */
  | { state: 'incomplete'; entry: AccountEntry; dn: string; uid: string; uidNumber: number; createdAt: number };

/** The person's account as the directory shows it, with the claim on their staff ID (if any). */
export type AccountState = Found & { claim?: Claim };

/** A person's state from all their entries: suspension anywhere wins, then the password lock. */
export function classify(entries: readonly AccountEntry[], layout: DirectoryLayout): Found {
  if (entries.length === 0) return { state: 'none' };
  const { passwordSuspended } = layout;
  const suspended = entries.find((e) => isUnder(e.dn, layout.suspendedDn));
  if (suspended) return { state: 'suspended', dn: suspended.dn, uid: suspended.uid };
  const marked = entries.find(
    (e) =>
      e.suspendedMarker !== undefined &&
      (passwordSuspended.value === undefined || e.suspendedMarker === passwordSuspended.value),
  );
  if (marked) return { state: 'password-suspended', dn: marked.dn, uid: marked.uid };
  // An entry nobody of ours made is an account whatever it holds: only the kiosk's own are ever incomplete.
  const active = entries.find((e) => e.hasPassword !== false || e.created === null);
  if (active) return { state: 'active', dn: active.dn, uid: active.uid, uidNumber: active.uidNumber };
  const incomplete = entries[0]!;
  return {
    state: 'incomplete',
    entry: incomplete,
    dn: incomplete.dn,
    uid: incomplete.uid,
    uidNumber: incomplete.uidNumber,
    createdAt: incomplete.createdAt,
  };
}

/**
 * How far a creation got, as the directory shows it (docs/directory.md): claimed (a claim, no
 * entry), added (an entry without a password: only the add-then-set path has this stage),
 * password-set (the mailbox still to be made, in campus mode), complete.
 */
export type CreationStage = 'none' | 'claimed' | 'added' | 'password-set' | 'complete';

export function creationStage(account: AccountState, mailboxMode: 'none' | 'campus'): CreationStage {
  switch (account.state) {
    case 'none':
      return account.claim ? 'claimed' : 'none';
    case 'incomplete':
      return 'added';
    case 'active':
      // Accounts older than claims have none: they were finished by whoever made them.
      return mailboxMode === 'campus' && account.claim && !account.claim.mailboxMade ? 'password-set' : 'complete';
    default:
      return 'complete';
  }
}

/** Whether the entry or claim was written by this exact attempt. */
export function sameAttempt(a: AttemptId | null, b: AttemptId | null): boolean {
  return a !== null && b !== null && a.kioskId === b.kioskId && a.attempt === b.attempt && a.attempt !== '';
}
