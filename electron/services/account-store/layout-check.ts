// Whether a write server is laid out the way the kiosk writes it, asked instead of assumed: each
// container the kiosk adds to (people, claims) takes a probe entry that is removed at once, and each
// entry it changes in place (the uid counter, this kiosk's heartbeat entry) is asked with a change
// that cannot apply (deleting a value that is not there): a server that would let the kiosk write
// answers "no such value", one that would not answers "insufficient access". Nothing is left behind.
import { firstLine, KioskError } from '../kiosk-error';
import { randomBytes } from 'node:crypto';
import { InsufficientAccessError, NoSuchAttributeError, type Client } from 'ldapts';
import { childDn } from '../directory/ldap-names';
import { isNoSuchObject } from '../directory/directory-connection';
import type { DirectoryLayout } from './account-layout';
import { uidCounterFor } from './account-layout';
import { change } from '../directory/ldap-changes';

export interface LayoutFinding {
  /** What the kiosk uses it for, in the operator's words. */
  part: 'people' | 'claims' | 'uid-counter' | 'kiosks';
  dn: string;
  ok: boolean;
  detail: string;
}

/** A probe entry added under dn and removed: may the service account add and delete there? */
async function addAndDelete(
  client: Client,
  dn: string,
  entry: Record<string, string[]>,
): Promise<{ ok: boolean; detail: string }> {
  const cn = `mx-kiosk-layout-probe-${randomBytes(6).toString('hex')}`;
  const probe = childDn('cn', cn, dn);
  try {
    await client.add(probe, { ...entry, cn: [cn] });
  } catch (error) {
    if (isNoSuchObject(error))
      return { ok: false, detail: `${dn} does not exist: add it (docs/directory.md, "Layout")` };
    if (error instanceof InsufficientAccessError)
      return {
        ok: false,
        detail: `the service account may not add entries under ${dn}: grant it write there (docs/directory.md, "What the service account needs")`,
      };
    return { ok: false, detail: `a probe entry could not be added under ${dn}: ${firstLine(error)}` };
  }
  try {
    await client.del(probe);
  } catch (error) {
    return {
      ok: false,
      detail: `the service account may add but not delete under ${dn} (${firstLine(error)}); remove ${probe} by hand and grant delete`,
    };
  }
  return { ok: true, detail: `the service account adds and deletes under ${dn}` };
}

/** A change that cannot apply, to ask whether the service account may change dn at all. */
async function mayModify(
  client: Client,
  dn: string,
  attribute: string,
  absentValue: string,
): Promise<{ ok: boolean; detail: string; missing?: boolean }> {
  const impossible = change('delete', attribute, absentValue);
  try {
    await client.modify(dn, [impossible]);
    // Only a server that ignores the missing value gets here; a write right it is.
    return { ok: true, detail: `the service account may change ${dn}` };
  } catch (error) {
    if (error instanceof NoSuchAttributeError) return { ok: true, detail: `the service account may change ${dn}` };
    if (isNoSuchObject(error)) return { ok: false, missing: true, detail: `${dn} does not exist` };
    if (error instanceof InsufficientAccessError)
      return {
        ok: false,
        detail: `the service account may not change ${dn}: grant it write (docs/directory.md, "What the service account needs")`,
      };
    return { ok: false, detail: `${dn}: ${firstLine(error)}` };
  }
}

async function exists(client: Client, dn: string): Promise<boolean> {
  try {
    await client.search(dn, { scope: 'base', attributes: ['1.1'] });
    return true;
  } catch (error) {
    if (isNoSuchObject(error)) return false;
    throw error;
  }
}

/**
 * The layout as url's server holds it for this kiosk (bound as the service account): people and
 * claims take adds and deletes, the uid counter takes changes, and the kiosks container exists
 * with this kiosk's heartbeat entry changeable (or not made yet: the first heartbeat adds it).
 * Throws only when the server itself fails (the caller's connection says so).
 */
export async function checkLayout(
  client: Client,
  layout: DirectoryLayout,
  options: { url: string; kioskEntryDn: string },
): Promise<LayoutFinding[]> {
  const findings: LayoutFinding[] = [];
  const people = await addAndDelete(client, layout.peopleDn, { objectClass: ['organizationalRole'] });
  findings.push({ part: 'people', dn: layout.peopleDn, ...people });
  const claims = await addAndDelete(client, layout.claimsDn, { objectClass: ['applicationProcess'] });
  findings.push({ part: 'claims', dn: layout.claimsDn, ...claims });
  const { counterDn } = uidCounterFor(layout, options.url);
  // A negative uidNumber: valid syntax, and never a counter's value.
  const counter = await mayModify(client, counterDn, 'uidNumber', `-${randomBytes(3).readUIntBE(0, 3) + 1}`);
  findings.push({
    part: 'uid-counter',
    dn: counterDn,
    ok: counter.ok,
    detail: counter.missing
      ? `${counterDn} does not exist: add it with the first uidNumber of the range (docs/directory.md, "Layout")`
      : counter.detail,
  });
  if (!(await exists(client, layout.kiosksDn))) {
    findings.push({
      part: 'kiosks',
      dn: layout.kiosksDn,
      ok: false,
      detail: `${layout.kiosksDn} does not exist: add it (docs/directory.md, "Layout")`,
    });
  } else {
    const own = await mayModify(
      client,
      options.kioskEntryDn,
      'description',
      `mx-kiosk-layout-probe-${randomBytes(6).toString('hex')}`,
    );
    findings.push({
      part: 'kiosks',
      dn: options.kioskEntryDn,
      ok: own.ok || own.missing === true,
      detail: own.missing
        ? `${layout.kiosksDn} exists; this kiosk's entry is added at its first heartbeat`
        : own.detail,
    });
  }
  return findings;
}

/** What stops the kiosk: a short reference for its screen (the parts), and the whole story for the log. */
export interface LayoutProblem {
  reference: string;
  detail: string;
}

export function layoutProblem(findings: readonly LayoutFinding[]): LayoutProblem | null {
  const bad = findings.filter((f) => !f.ok);
  if (bad.length === 0) return null;
  return {
    reference: `DIRECTORY_LAYOUT ${bad.map((f) => f.part).join(',')}`,
    detail: bad.map((f) => `${f.part}: ${f.detail}`).join('; '),
  };
}

/** A container the kiosk writes into is missing: the layout check names it, and the kiosk stops taking people. */
export function missingContainer(dn: string): KioskError {
  return new KioskError(
    'OUT_OF_SERVICE',
    `${dn} does not exist: the directory is not set up for the kiosk (docs/directory.md)`,
  );
}
