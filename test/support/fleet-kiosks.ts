// Kiosks pointed at a replicated directory by directory.write and directory.read, and what the
// fleet tests read back from it as the directory manager.
import type { RunningSlapd } from '../../dev/slapd/throwaway-slapd';
import type { LogFields, Logger } from '../../electron/services/logger';
import { asAdmin } from './directory-checks';
import { backendOn, signIn, STRONG_PASSWORD } from './kiosk-people';
import type { TestBackendOptions } from './test-config';

export type Servers = { write: string[]; read: string[] };

/** A kiosk with the split configuration (no directory.urls). Every fleet node serves one certificate. */
export function fleetKiosk(
  anyNode: RunningSlapd,
  servers: Servers,
  options: TestBackendOptions & { directory?: Record<string, unknown>; kioskId?: string } = {},
) {
  const { directory, kioskId, ...rest } = options;
  return backendOn(anyNode, {
    ...rest,
    config: {
      ...(kioskId ? { kioskId } : {}),
      directory: { urls: undefined, write: servers.write, read: servers.read, ...directory },
    },
  });
}

/** A logger that keeps its lines, so a test can see what the kiosk said about a server. */
export function keptLogger(): Logger & { lines: Array<{ level: string; message: string; fields?: LogFields }> } {
  const lines: Array<{ level: string; message: string; fields?: LogFields }> = [];
  const keep = (level: string) => (message: string, fields?: LogFields) => void lines.push({ level, message, fields });
  return { lines, debug: keep('debug'), info: keep('info'), warn: keep('warn'), error: keep('error') };
}

export const request = (account: string) => ({ account, password: STRONG_PASSWORD, confirm: STRONG_PASSWORD });

type Kiosk = ReturnType<typeof fleetKiosk>;

/** Signs the person in and creates an account with the first offered name. */
export async function applyAt(kiosk: Kiosk, person: { id: string; name_en: string; name: string }, pick = 0) {
  const session = await signIn(kiosk, person);
  const names = await kiosk.creation.candidates(session);
  return kiosk.creation.create(session, request(names[pick % names.length]!), '127.0.0.1');
}

/** Every account entry on a node: uid, staff ID, uidNumber. */
export function accountsOn(node: RunningSlapd) {
  return asAdmin(node, async (c) =>
    (
      await c.search(node.baseDn, {
        filter: '(objectClass=posixAccount)',
        attributes: ['uid', 'sn', 'uidNumber'],
        sizeLimit: 0,
      })
    ).searchEntries.map((e) => ({
      dn: e.dn,
      uid: String(e.uid),
      sn: String(e.sn),
      uidNumber: Number(e.uidNumber),
    })),
  );
}

/** Entries and claims anywhere on a node that name this staff ID. */
export function traceOf(node: RunningSlapd, staffId: string) {
  return asAdmin(node, async (c) =>
    (
      await c.search(node.baseDn, { filter: `(|(sn=${staffId})(cn=${staffId}))`, attributes: ['dn'] })
    ).searchEntries.map((e) => e.dn),
  );
}
