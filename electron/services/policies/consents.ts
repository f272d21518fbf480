// Consent receipts: which policy text (id, version, content hash, language) the person accepted,
// in order, kept in the session and written to the audit. Creation requires both.
import type { PolicyId } from '../../../shared/contract/schemas';
import type { AuditLog } from '../audit/audit-log';
import { KioskError } from '../kiosk-error';
import type { ConsentReceipt, KioskSession } from '../session/kiosk-session';
import type { PolicyLibrary } from './policy-library';

export type { ConsentReceipt };

/** The order of the wizard: step 1, then step 2. */
export const POLICY_ORDER: readonly PolicyId[] = ['network-usage', 'email-terms'];

export class Consents {
  constructor(
    private readonly library: PolicyLibrary,
    private readonly audit: AuditLog,
  ) {}

  async accept(session: KioskSession, receipt: ConsentReceipt): Promise<void> {
    if (session.purpose !== 'apply') throw new KioskError('WRONG_STEP', 'consent outside an apply session');
    const receipts = this.receipts(session);
    const earlier = POLICY_ORDER.slice(0, POLICY_ORDER.indexOf(receipt.id));
    if (earlier.some((id) => !receipts.has(id)))
      throw new KioskError('WRONG_STEP', `${receipt.id} before ${earlier.join(', ')}`);
    const served = this.library.get(receipt.id, receipt.language);
    // Accepting a text that is no longer the one served (an operator updated it) accepts nothing.
    if (served.version !== receipt.version || served.hash !== receipt.hash)
      throw new KioskError('POLICY_CHANGED', `${receipt.id} is now ${served.version}`);
    // The receipt's audit line comes first: a consent that was not recorded was not given.
    await this.audit.receipt({ action: 'consent', result: 'ok', staffId: session.profile.id, document: receipt });
    if (session.live) receipts.set(receipt.id, { ...receipt });
  }

  /** Step 1 or 2 rejected: recorded before the session ends. */
  async rejected(session: KioskSession): Promise<void> {
    const receipts = this.receipts(session);
    const refused = POLICY_ORDER.find((id) => !receipts.has(id));
    await this.audit.note({
      action: 'consent',
      result: 'refused',
      staffId: session.profile.id,
      detail: `rejected ${refused ?? 'after accepting both'}`,
    });
  }

  requireAll(session: KioskSession): ConsentReceipt[] {
    const receipts = this.receipts(session);
    const missing = POLICY_ORDER.filter((id) => !receipts.has(id));
    if (missing.length > 0) throw new KioskError('CONSENT_MISSING', `not accepted: ${missing.join(', ')}`);
    return POLICY_ORDER.map((id) => receipts.get(id)!);
  }

  private receipts(session: KioskSession): Map<PolicyId, ConsentReceipt> {
    return session.holdings.consents;
  }
}
