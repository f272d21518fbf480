// The account entry itself, in the legacy portal's shape (docs/legacy-service.md), added without a
// password under an atomically allocated uidNumber. The name is refused atomically by its DN.
import { AlreadyExistsError, Attribute, ConstraintViolationError } from 'ldapts';
import type { DirectoryConnection } from '../directory/directory-connection';
import { KioskError } from '../kiosk-error';
import { homeDirectoryFor, uidCounterFor, type DirectoryLayout } from './directory-layout';
import { allocateUidNumber, readCounter } from './uid-number-allocator';

export interface NewEntry {
  dn: string;
  uid: string;
  staffId: string;
  /** cn must not be empty; without a Chinese name the caller passes the passport name. */
  name: string;
  clientIp: string;
  now: number;
}

/** The write server url's uid counter as it reads now over connection (a read: nothing is taken). */
export function readUidCounter(connection: DirectoryConnection, url: string, layout: DirectoryLayout): Promise<number> {
  return connection.run((client) => readCounter(client, uidCounterFor(layout, url).counterDn), { idempotent: true });
}

/** A uidNumber from the write server url's range, taken atomically over writer (allocateUidNumber). */
export function allocateEntryNumber(writer: DirectoryConnection, url: string, layout: DirectoryLayout, readAhead?: number): Promise<number> {
  const counter = uidCounterFor(layout, url);
  return writer.run((client) => allocateUidNumber(client, counter.counterDn, layout.baseDn, counter, readAhead), { idempotent: false });
}

/**
 * Adds the entry over writer (connected to the write server url) and returns its uidNumber, from
 * that server's range; NAME_TAKEN when the DN already exists. how.first, when given, is a number
 * already taken for this entry (a creation takes it while it claims the staff ID); how.staffIdHeld
 * says whether another entry holds the staff ID now (the caller's own lookup, asked only after a
 * uniqueness refusal).
 */
export async function addAccountEntry(
  writer: DirectoryConnection,
  url: string,
  layout: DirectoryLayout,
  entry: NewEntry,
  how: { first?: Promise<number>; staffIdHeld: () => Promise<boolean> },
): Promise<number> {
  // A clash on uidNumber (another tool used it meanwhile) just takes the next number.
  for (let attempt = 0; attempt < 3; attempt += 1) {
    const uidNumber = await (attempt === 0 && how.first ? how.first : allocateEntryNumber(writer, url, layout));
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
      if (!(error instanceof ConstraintViolationError)) throw error;
      // slapo-unique refused a duplicate uidNumber (another tool's: take the next number) or staff
      // ID. The claim keeps the kiosk's own creations apart, so a staff ID clash is an entry made
      // by something else; the person's next try reads its standing and is told what it is.
      if (await how.staffIdHeld()) {
        throw new KioskError('APPLICATION_IN_PROGRESS', 'another entry holds this staff ID', { retryAfterSeconds: 5 });
      }
    }
  }
  throw new KioskError('INTERNAL', 'uidNumber kept clashing');
}

