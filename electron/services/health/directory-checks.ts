// The doctor's directory lines: every configured server (reachable, the service account binds, and
// its role: writable, read-only, referral or unreachable); on each write server that takes writes,
// its layout (account-store/layout-check.ts) and how a new account's password reaches it; then
// each uidNumber counter with the numbers left in its range, read on the server that hands them out.
import type { Client } from 'ldapts';
import { layoutFromConfig, uidCounterFor, uidCounters } from '../account-store/account-layout';
import { allDirectoryServers, directoryServers, type ResolvedDirectorySettings } from '../directory/directory-settings';
import type { LdapConnector } from '../directory/ldap-connector';
import { readCounter } from '../account-store/uid-number-allocator';
import { KioskError, firstLine } from '../kiosk-error';
import { writability } from '../directory/writability';
import { hashingOnAdd } from '../directory/hashing-probe';
import { checkLayout } from '../account-store/layout-check';

/** Fewer numbers than this left in a range: time to widen it (WARN), before creations stop (FAIL at 0). */
export const UID_HEADROOM_WARN = 1000;

export interface DirectoryCheck {
  status: 'OK' | 'WARN' | 'FAIL';
  name: string;
  detail: string;
}

const message = firstLine;

export async function directoryChecks(
  directory: ResolvedDirectorySettings,
  connect: LdapConnector,
  kioskId = 'this-kiosk',
): Promise<DirectoryCheck[]> {
  const checks: DirectoryCheck[] = [];
  const add = (status: DirectoryCheck['status'], name: string, detail: string) => checks.push({ status, name, detail });
  const layout = layoutFromConfig(directory);
  const { write, read } = directoryServers(directory);
  const writable: string[] = [];

  for (const url of allDirectoryServers(directory)) {
    const uses = [write.includes(url) && 'write', read.includes(url) && 'read'].filter(Boolean).join('+');
    let client: Client | undefined;
    try {
      client = await connect(url);
      await client.search('', { scope: 'base', attributes: ['namingContexts'] });
      add('OK', `ldap ${url}`, `reachable (root DSE read); configured for ${uses}`);
      await client.bind(directory.bindDn, directory.bindPassword.reveal());
      add('OK', `ldap ${url} bind`, `bound as ${directory.bindDn}`);
      const role = await writability(client, layout.writeProbeDn);
      if (role === 'writable') writable.push(url);
      // A write server that does not take writes is skipped by the kiosk; it is named so it gets fixed.
      const wrong = write.includes(url) && role !== 'writable';
      const why =
        role === 'referral'
          ? 'answers writes with a referral (a consumer with updateref); the kiosk does not follow it and tries the next write server'
          : role === 'read-only'
            ? 'refuses writes (a consumer without updateref)'
            : 'takes writes';
      add(wrong ? 'FAIL' : 'OK', `ldap ${url} role`, `${role}: ${why}`);
      if (write.includes(url) && role === 'writable') {
        for (const finding of await checkLayout(client, layout, {
          url,
          kioskEntryDn: `cn=${kioskId},${layout.kiosksDn}`,
        }))
          add(finding.ok ? 'OK' : 'FAIL', `ldap ${url} layout ${finding.part}`, finding.detail);
        const passwords = await hashingOnAdd(client, layout.peopleDn);
        // Both paths keep every promise; only the one-add path never has an entry without its password.
        const oneAdd = passwords.path === 'one-add';
        add(
          oneAdd ? 'OK' : 'WARN',
          `ldap ${url} password path`,
          `${oneAdd ? 'one add carrying the password' : 'add, then Password Modify'}; ${passwords.detail}`,
        );
      }
    } catch (error) {
      add('FAIL', `ldap ${url}`, `${message(error)} (role: unreachable)`);
    } finally {
      await client?.unbind().catch(() => undefined);
    }
  }
  if (writable.length === 0)
    add(
      'FAIL',
      'ldap writes',
      'no write server takes writes: creations, resets and contact confirmations answer DIRECTORY_READ_ONLY',
    );

  for (const counter of uidCounters(layout)) {
    const range = directory.account.uidRanges?.find(
      (r) => uidCounterFor(layout, r.server).counterDn === counter.counterDn,
    );
    // A range's counter is only ever written on its own server: read it there (or on any writable one).
    const url = range?.server ?? writable[0] ?? write[0]!;
    const name = `ldap ${url} uid counter`;
    let client: Client | undefined;
    try {
      client = await connect(url);
      await client.bind(directory.bindDn, directory.bindPassword.reveal());
      const next = await readCounter(client, counter.counterDn).catch((error: unknown) =>
        error instanceof KioskError ? null : Promise.reject(error),
      );
      if (next === null) add('FAIL', name, `${counter.counterDn} has no uidNumber (docs/directory.md)`);
      else {
        const left = Math.max(0, counter.max - Math.max(next, counter.min) + 1);
        const status = left === 0 ? 'FAIL' : left < UID_HEADROOM_WARN ? 'WARN' : 'OK';
        add(
          status,
          name,
          `${counter.counterDn}: next uidNumber ${next}, ${left} left in ${counter.min}-${counter.max}${status === 'WARN' ? ` (under ${UID_HEADROOM_WARN}: widen the range)` : ''}`,
        );
      }
    } catch (error) {
      add('FAIL', name, `${counter.counterDn}: ${message(error)}`);
    } finally {
      await client?.unbind().catch(() => undefined);
    }
  }
  return checks;
}
