// The out-of-service switches in the directory: a kiosk's own (on cn=<kioskId>) and every kiosk's
// (cn=fleet). Only the switch command writes one, and only over the value it replaces (RFC 4528),
// so a switch set elsewhere (another console, ldapmodify) is never overwritten by a kiosk that had
// not seen it. Each write names who switched, from which kiosk, and when.
import {
  AlreadyExistsError,
  EqualityFilter,
  InsufficientAccessError,
  NotFilter,
  type Client,
  type Entry,
} from 'ldapts';
import { KioskError } from '../kiosk-error';
import { assertionFailed, whileMatching } from '../directory/assertion-control';
import { isNoSuchObject } from '../directory/directory-connection';
import { firstValue, generalizedTime, parseGeneralizedTime } from '../directory/ldap-values';
import { replacing } from '../directory/ldap-changes';

/** What the kiosk reads of a switch; entryCSN tells a fresh copy of the entry from an older one. */
export const SWITCH_ATTRIBUTES = [
  'mxKioskOutOfService',
  'mxKioskSwitchedBy',
  'mxKioskSwitchedFrom',
  'mxKioskSwitchedAt',
  'entryCSN',
];

/** A switch as the directory has it: who set it last, from which kiosk, when (null when set by hand without saying). */
export interface SwitchMark {
  on: boolean;
  by: string | null;
  from: string | null;
  at: string | null;
}

export const SWITCH_UNSET: SwitchMark = { on: false, by: null, from: null, at: null };

export function markOf(entry: Entry | undefined): SwitchMark {
  if (!entry) return SWITCH_UNSET;
  const at = parseGeneralizedTime(firstValue(entry.mxKioskSwitchedAt));
  return {
    on: firstValue(entry.mxKioskOutOfService) === 'TRUE',
    by: firstValue(entry.mxKioskSwitchedBy) ?? null,
    from: firstValue(entry.mxKioskSwitchedFrom) ?? null,
    at: at === null ? null : new Date(at).toISOString(),
  };
}

/** The entry's change sequence number (OpenLDAP's entryCSN): its text order is the order of changes. */
export const csnOf = (entry: Entry | undefined): string | null => firstValue(entry?.entryCSN) ?? null;

export interface SwitchWritten {
  /** The switch as the directory holds it after the command. */
  mark: SwitchMark;
  /** False when the switch already stood where it was asked to go (set by someone else first): theirs stands. */
  changed: boolean;
  /** entryCSN after the command, read on the server that took it. */
  csn: string | null;
}

export interface Switcher {
  operator: string;
  kioskId: string;
}

/** Switch entry dn (cn) to on, as who, at nowMs. */
export interface SwitchCommand {
  dn: string;
  cn: string;
  on: boolean;
  who: Switcher;
  nowMs: number;
}

/**
 * Turns the switch on entry dn to on, only while it holds the other value (off: FALSE or no value).
 * An entry not there yet is added with the switch; two adds racing, the loser modifies instead.
 */
export async function writeSwitch(client: Client, command: SwitchCommand): Promise<SwitchWritten> {
  try {
    return await switched(client, command);
  } catch (error) {
    // A per-kiosk service account may write only its own entry (build/ldap/mx-kiosk-access.ldif).
    if (error instanceof InsufficientAccessError)
      throw new KioskError('SWITCH_NOT_ALLOWED', `the directory refused this kiosk's write of ${command.dn}`);
    throw error;
  }
}

async function switched(client: Client, { dn, cn, on, who, nowMs }: SwitchCommand): Promise<SwitchWritten> {
  const values = {
    mxKioskOutOfService: on ? 'TRUE' : 'FALSE',
    mxKioskSwitchedBy: who.operator,
    mxKioskSwitchedFrom: who.kioskId,
    mxKioskSwitchedAt: generalizedTime(nowMs),
  };
  const isOn = new EqualityFilter({ attribute: 'mxKioskOutOfService', value: 'TRUE' });
  const replaced = on ? new NotFilter({ filter: isOn }) : isOn;
  const modify = () => client.modify(dn, replacing(values), whileMatching(replaced));
  let changed = true;
  try {
    await modify();
  } catch (error) {
    if (assertionFailed(error)) changed = false;
    else if (!isNoSuchObject(error)) throw error;
    else if (!on)
      changed = false; // no entry: no switch, already off
    else {
      try {
        await client.add(dn, { objectClass: 'mxKiosk', cn, ...values });
      } catch (addError) {
        if (!(addError instanceof AlreadyExistsError)) throw addError;
        changed = await modify().then(
          () => true,
          (again: unknown) => {
            if (assertionFailed(again)) return false;
            throw again;
          },
        );
      }
    }
  }
  const { searchEntries } = await client.search(dn, { scope: 'base', attributes: SWITCH_ATTRIBUTES });
  return { mark: markOf(searchEntries[0]), changed, csn: csnOf(searchEntries[0]) };
}
