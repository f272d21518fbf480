// The account entry itself, in the legacy portal's shape (docs/legacy-service.md), added without a
// password under an atomically allocated uidNumber. The name is refused atomically by its DN.
import { AlreadyExistsError, Attribute, ConstraintViolationError } from 'ldapts';
import type { DirectoryConnection } from '../directory/directory-connection';
import { KioskError } from '../kiosk-error';
import { homeDirectoryFor, uidCounterFor, type DirectoryLayout } from './directory-layout';
import { allocateUidNumber } from './uid-number-allocator';

export interface NewEntry {
  dn: string;
  uid: string;
  staffId: string;
  /** cn must not be empty; without a Chinese name the caller passes the passport name. */
  name: string;
  clientIp: string;
  now: number;
}

/**
 * Adds the entry over writer (connected to the write server url) and returns its uidNumber, from
 * that server's range; NAME_TAKEN when the DN already exists.
 */
export async function addAccountEntry(writer: DirectoryConnection, url: string, layout: DirectoryLayout, entry: NewEntry): Promise<number> {
  const counter = uidCounterFor(layout, url);
  // A clash on uidNumber (another tool used it meanwhile) just takes the next number.
  for (let attempt = 0; attempt < 3; attempt += 1) {
    const uidNumber = await writer.run((client) => allocateUidNumber(client, counter.counterDn, layout.baseDn, counter), { idempotent: false });
    const attributes = [
      new Attribute({ type: 'objectClass', values: [...layout.account.objectClasses] }),
      new Attribute({ type: layout.attrs.account, values: [entry.uid] }),
      new Attribute({ type: layout.attrs.name, values: [entry.name] }),
      new Attribute({ type: layout.attrs.staffId, values: [entry.staffId] }),
      new Attribute({ type: 'gecos', values: [entry.uid] }),
      new Attribute({ type: 'loginShell', values: [layout.account.loginShell] }),
      new Attribute({ type: 'gidNumber', values: [String(layout.account.gidNumber)] }),
      new Attribute({ type: 'uidNumber', values: [String(uidNumber)] }),
      new Attribute({ type: 'homeDirectory', values: [homeDirectoryFor(layout.account.homeDirectory, entry.uid)] }),
      // As the legacy portal wrote it; the sweeper reads the time back to judge an abandoned entry.
      new Attribute({ type: 'description', values: [`create(${Math.floor(entry.now / 1000)},${entry.clientIp});`] }),
    ];
    try {
      await writer.run((client) => client.add(entry.dn, attributes), { idempotent: false });
      return uidNumber;
    } catch (error) {
      if (error instanceof AlreadyExistsError) throw new KioskError('NAME_TAKEN', `${entry.uid} exists`);
      // slapo-unique refused a duplicate uidNumber (another tool's) or staff ID: try the next number;
      // a staff ID clash is caught by the claim before this, and by the caller's next check after it.
      if (error instanceof ConstraintViolationError) continue;
      throw error;
    }
  }
  throw new KioskError('INTERNAL', 'uidNumber kept clashing');
}
