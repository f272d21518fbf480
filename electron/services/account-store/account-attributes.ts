// What the kiosk's adds carry: a new account entry's attributes and a claim's, built from the
// layout and the records' markers. Pure: the store sends them; nothing here talks to a server.
import { Attribute } from 'ldapts';
import { homeDirectoryFor, type DirectoryLayout } from './account-layout';
import { attemptMarker, createdMarker, type AttemptId, type Claim } from './account-records';

export interface NewAccount {
  dn: string;
  uid: string;
  staffId: string;
  /** cn must not be empty; without a Chinese name the caller passes the passport name. */
  name: string;
  clientIp: string;
  madeBy: AttemptId;
}

/** How a stored userPassword reads back: a hash the server made, the cleartext as sent, or none. */
export type PasswordForm = 'hashed' | 'cleartext' | 'none';

const attribute = (type: string, ...values: string[]) => new Attribute({ type, values });
const HASHED = /^\{[A-Z0-9.-]+\}/i;

export function passwordFormOf(stored: string | undefined): PasswordForm {
  return stored === undefined ? 'none' : HASHED.test(stored) ? 'hashed' : 'cleartext';
}

/** The entry's attributes; with password only where the server hashes a cleartext userPassword on add. */
export function accountAttributes(
  layout: DirectoryLayout,
  entry: NewAccount,
  add: { uidNumber: number; nowMs: number; password?: string },
): Attribute[] {
  return [
    attribute('objectClass', ...layout.account.objectClasses),
    attribute(layout.attrs.account, entry.uid),
    attribute(layout.attrs.name, entry.name),
    attribute(layout.attrs.staffId, entry.staffId),
    attribute('gecos', entry.uid),
    attribute('loginShell', layout.account.loginShell),
    attribute('gidNumber', String(layout.account.gidNumber)),
    attribute('uidNumber', String(add.uidNumber)),
    attribute('homeDirectory', homeDirectoryFor(layout.account.homeDirectory, entry.uid)),
    // The legacy portal's value first, as it wrote it; then the attempt, which cleanups assert.
    attribute('description', createdMarker(add.nowMs, entry.clientIp), attemptMarker(entry.madeBy)),
    ...(add.password === undefined ? [] : [attribute('userPassword', add.password)]),
  ];
}

/** A claim on staffId for accountDn. applicationProcess (core schema: cn, seeAlso, description) needs no schema of our own. */
export function claimAttributes(staffId: string, accountDn: string, claimed: string): Attribute[] {
  return [
    attribute('objectClass', 'applicationProcess'),
    attribute('cn', staffId),
    attribute('seeAlso', accountDn),
    attribute('description', claimed),
  ];
}

/** A claim that refused an add and was gone by the read: another counter gave it back; it counts as in progress. */
export function claimJustGone(dn: string, staffId: string, nowMs: number): Claim {
  return {
    dn,
    staffId,
    accountDn: null,
    createdAt: nowMs,
    madeBy: null,
    mailboxMade: false,
    homeMade: false,
    claimed: null,
  };
}
