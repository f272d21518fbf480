// The contact address's fields on an account entry (docs/directory.md, "The contact address"): the
// pending value (a code and its tries, as JSON), the confirmed address and its flag, under an
// auxiliary class added with the first pending value. Read as stored, and written only while the
// entry still holds what was read (RFC 4528), so two kiosks never overwrite each other's count.
import { assertionFailed, whileAsRead } from '../directory/assertion-control';
import type { DirectoryConnection } from '../directory/directory-connection';
import { allValues, firstValue } from '../directory/ldap-values';
import { change } from '../directory/ldap-changes';

/** The attribute names the configuration gives the contact fields. */
export interface ContactAttributes {
  pending: string;
  address: string;
  confirmed: string;
  objectClass: string;
}

/** What the entry holds now: its pending value as stored, and whether it has the contact class yet. */
export interface PendingAsRead {
  raw: string | undefined;
  hasClass: boolean;
}

export async function readPending(
  connection: DirectoryConnection,
  dn: string,
  attributes: ContactAttributes,
): Promise<PendingAsRead> {
  const { searchEntries } = await connection.run(
    (client) => client.search(dn, { scope: 'base', attributes: [attributes.pending, 'objectClass'] }),
    { idempotent: true },
  );
  const entry = searchEntries[0];
  const hasClass = allValues(entry?.objectClass).some((c) => c.toLowerCase() === attributes.objectClass.toLowerCase());
  return { raw: firstValue(entry?.[attributes.pending]), hasClass };
}

/**
 * Writes the next pending value (and, once confirmed, the address and its flag) only while the
 * entry still holds what was read. False when another kiosk wrote in between: read and decide again.
 */
export async function writePending(
  connection: DirectoryConnection,
  dn: string,
  attributes: ContactAttributes,
  write: { asRead: PendingAsRead; next: string; confirmed?: string },
): Promise<boolean> {
  const replace = (type: string, value: string) => change('replace', type, value);
  const changes = [
    // The auxiliary class is added once, with the first pending value.
    ...(write.asRead.hasClass ? [] : [change('add', 'objectClass', attributes.objectClass)]),
    replace(attributes.pending, write.next),
    ...(write.confirmed ? [replace(attributes.address, write.confirmed), replace(attributes.confirmed, 'TRUE')] : []),
  ];
  try {
    await connection.run((client) => client.modify(dn, changes, whileAsRead(attributes.pending, write.asRead.raw)), {
      idempotent: false,
    });
    return true;
  } catch (error) {
    if (assertionFailed(error)) return false;
    throw error;
  }
}
