// Whether a write server hashes a cleartext userPassword given in an add (OpenLDAP's ppolicy with
// olcPPolicyHashCleartext), asked without trusting its configuration: a probe entry with a random
// password is added, its password read back and the entry removed. Only a server that stores a
// hash it made may be sent a person's password inside an add.
import { firstLine } from '../kiosk-error';
import { randomBytes } from 'node:crypto';
import { ConstraintViolationError, InsufficientAccessError, type Client } from 'ldapts';
import { childDn } from './ldap-names';
import { firstValue } from './ldap-values';

/** How this server gets a new account's password: in the add itself, or by Password Modify after it. */
export type PasswordPath = 'one-add' | 'add-then-modify';

export interface HashingAnswer {
  path: PasswordPath;
  /** Why, in the operator's words (the scheme the server used, or what it did instead). */
  detail: string;
}

const HASHED = /^\{([A-Z0-9.-]+)\}/i;

export async function hashingOnAdd(client: Client, parentDn: string): Promise<HashingAnswer> {
  const cn = `mx-kiosk-hash-probe-${randomBytes(6).toString('hex')}`;
  const dn = childDn('cn', cn, parentDn);
  // Random and used once: nobody's password, so even a server that keeps it as given learns nothing.
  const password = randomBytes(18).toString('base64url');
  try {
    await client.add(dn, { objectClass: ['organizationalRole', 'simpleSecurityObject'], cn, userPassword: password });
  } catch (error) {
    if (error instanceof InsufficientAccessError)
      return {
        path: 'add-then-modify',
        detail: `the service account may not add entries with a password under ${parentDn}`,
      };
    if (error instanceof ConstraintViolationError)
      return {
        path: 'add-then-modify',
        detail: `the password policy refused the probe's password in an add (${firstLine(error)})`,
      };
    throw error;
  }
  let stored: string | undefined;
  try {
    stored = firstValue(
      (await client.search(dn, { scope: 'base', attributes: ['userPassword'] })).searchEntries[0]?.userPassword,
    );
  } finally {
    // The probe's own random DN: nothing else ever writes it, so a plain delete removes only it.
    await client.del(dn).catch(() => undefined);
  }
  const scheme = stored !== undefined && stored !== password ? HASHED.exec(stored)?.[1] : undefined;
  return scheme
    ? { path: 'one-add', detail: `hashes a cleartext userPassword in an add ({${scheme.toUpperCase()}})` }
    : {
        path: 'add-then-modify',
        detail:
          'stores a cleartext userPassword in an add as given (set olcPPolicyHashCleartext: TRUE for the one-add path)',
      };
}
