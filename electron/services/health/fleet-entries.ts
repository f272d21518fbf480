// A kiosk's heartbeat entry under the kiosks container (objectClass mxKiosk, docs/directory.md):
// what it says (version, state, last seen, today's counts; never anything personal), how it reads
// back for the fleet table, and how it is written without losing a race to add it.
import { AlreadyExistsError, type Client, type Entry } from 'ldapts';
import { isNoSuchObject } from '../directory/directory-connection';
import type { ActionCount } from '../audit/today-counts';
import { firstValue, parseGeneralizedTime } from '../directory/ldap-values';
import { markOf, SWITCH_ATTRIBUTES, type SwitchMark } from './fleet-switch';
import type { KioskState } from './kiosk-status';
import { replacing } from '../directory/ldap-changes';

/** The entry whose switch takes every kiosk out of service. */
export const FLEET_SWITCH_CN = 'fleet';

/** What a fleet read asks for: the heartbeat and the switch. */
export const KIOSK_ENTRY_ATTRIBUTES = [
  'cn',
  'mxKioskVersion',
  'mxKioskState',
  'mxKioskLastSeen',
  'mxKioskCounts',
  ...SWITCH_ATTRIBUTES,
];

export interface FleetKiosk {
  kioskId: string;
  state: KioskState;
  lastSeen: string | null;
  version: string;
  counts: ActionCount[];
  /** The kiosk's own switch, with who set it last and when. */
  ownSwitch: SwitchMark;
}

export interface FleetView {
  /** cn=fleet's switch: every kiosk out of service. */
  fleetOutOfService: boolean;
  fleetSwitch: SwitchMark;
  kiosks: FleetKiosk[];
  /** True when the directory did not answer: this is the last known picture. */
  stale: boolean;
  /** When the directory last answered, ISO time; null if never. */
  checkedAt: string | null;
}

const lastSeenOf = (text: string | undefined) => {
  const ms = parseGeneralizedTime(text);
  return ms === null ? null : new Date(ms).toISOString();
};
const STATES: readonly KioskState[] = ['in-service', 'out-of-service', 'fleet-out-of-service'];

export function kioskOf(entry: Entry): FleetKiosk {
  const state = firstValue(entry.mxKioskState) as KioskState | undefined;
  let counts: ActionCount[] = [];
  try {
    counts = JSON.parse(firstValue(entry.mxKioskCounts) ?? '[]') as ActionCount[];
  } catch {
    // A hand-edited entry: show the kiosk without counts.
  }
  return {
    kioskId: firstValue(entry.cn) ?? '',
    state: state && STATES.includes(state) ? state : 'in-service',
    lastSeen: lastSeenOf(firstValue(entry.mxKioskLastSeen)),
    version: firstValue(entry.mxKioskVersion) ?? '',
    counts,
    ownSwitch: markOf(entry),
  };
}

/**
 * Replaces the heartbeat's attributes, or adds the entry when it is not there yet. Two writers
 * racing to add it (a heartbeat on a change of state beside the timer's, a switch command): the
 * add that loses finds the entry there and replaces instead.
 */
export async function writeHeartbeat(
  client: Client,
  dn: string,
  cn: string,
  attributes: Record<string, string>,
): Promise<void> {
  const replace = () => client.modify(dn, replacing(attributes));
  try {
    await replace();
  } catch (error) {
    if (!isNoSuchObject(error)) throw error;
    try {
      await client.add(dn, { objectClass: 'mxKiosk', cn, ...attributes });
    } catch (addError) {
      if (!(addError instanceof AlreadyExistsError)) throw addError;
      await replace();
    }
  }
}
