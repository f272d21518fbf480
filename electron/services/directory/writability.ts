// How a server is asked whether it takes writes, without writing anything: the probe behind every
// choice of write server, the doctor's write line and the kiosk's read-only status.
import { InsufficientAccessError, UnwillingToPerformError, type Client } from 'ldapts';
import { isNoSuchObject, isReferral } from './directory-connection';

/** What a write server is now: takes writes, refers them elsewhere, refuses them, or does not answer. */
export type WriteRole = 'writable' | 'referral' | 'read-only' | 'unreachable';

export interface WriteServerRole {
  url: string;
  role: WriteRole;
  detail: string;
}

/**
 * Asks a server whether it takes writes, without writing: a delete of a DN that cannot exist. A
 * provider answers noSuchObject (or a refusal by its access rules); a consumer answers a referral
 * (updateref) or unwillingToPerform (none), before it looks for the entry at all.
 */
export async function writability(client: Client, probeDn: string): Promise<Exclude<WriteRole, 'unreachable'>> {
  try {
    await client.del(probeDn);
    return 'writable';
  } catch (error) {
    if (isReferral(error)) return 'referral';
    if (error instanceof UnwillingToPerformError) return 'read-only';
    if (isNoSuchObject(error) || error instanceof InsufficientAccessError) return 'writable';
    throw error;
  }
}
