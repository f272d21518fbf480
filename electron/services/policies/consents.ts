// Consent receipts: which policy text (id, version, content hash, language) the person accepted,
// in order, kept in the session and written to the audit. Creation requires both.
import type { PolicyId, PolicyLanguage } from '../../../shared/contract/schemas';
import type { AuditLog } from '../audit/audit-log';
import { KioskError } from '../kiosk-error';
import type { KioskSession } from '../session/kiosk-session';
import type { PolicyLibrary } from './policy-library';

export interface ConsentReceipt {
  id: PolicyId;
  version: string;
  hash: string;
  language: PolicyLanguage;
}

/** The order of the wizard: step 1, then step 2. */
export const POLICY_ORDER: readonly PolicyId[] = ['network-usage', 'email-terms'];
const RECEIPTS = 'consents';

export class Consents {
  constructor(
    private readonly library: PolicyLibrary,
    private readonly audit: AuditLog,
  ) {}

  async accept(session: KioskSession, receipt: ConsentReceipt): Promise<void> {
    if (session.purpose !== 'apply') throw new KioskError('WRONG_STEP', 'consent outside an apply session');
    const receipts = this.receipts(session);
    const earlier = POLICY_ORDER.slice(0, POLICY_ORDER.indexOf(receipt.id));
    if (earlier.some((id) => !receipts.has(id))) throw new KioskError('WRONG_STEP', `${receipt.id} before ${earlier.join(', ')}`);
    const served = this.library.get(receipt.id, receipt.language);
    // Accepting a text that is no longer the one served (an operator updated it) accepts nothing.
    if (served.version !== receipt.version || served.hash !== receipt.hash) throw new KioskError('POLICY_CHANGED', `${receipt.id} is now ${served.version}`);
    receipts.set(receipt.id, { ...receipt });
    await this.audit.record({ action: 'consent', result: 'ok', staffId: session.profile.id, document: receipt });
  }

  /** Step 1 or 2 rejected: recorded before the session ends. */
  async rejected(session: KioskSession): Promise<void> {
    const receipts = this.receipts(session);
    const refused = POLICY_ORDER.find((id) => !receipts.has(id));
    await this.audit.record({ action: 'consent', result: 'refused', staffId: session.profile.id, detail: `rejected ${refused ?? 'after accepting both'}` });
  }

  requireAll(session: KioskSession): ConsentReceipt[] {
    const receipts = this.receipts(session);
    const missing = POLICY_ORDER.filter((id) => !receipts.has(id));
    if (missing.length > 0) throw new KioskError('CONSENT_MISSING', `not accepted: ${missing.join(', ')}`);
    return POLICY_ORDER.map((id) => receipts.get(id)!);
  }

  private receipts(session: KioskSession): Map<PolicyId, ConsentReceipt> {
    let receipts = session.scratch.get(RECEIPTS) as Map<PolicyId, ConsentReceipt> | undefined;
    if (!receipts) {
      receipts = new Map();
      session.scratch.set(RECEIPTS, receipts);
    }
    return receipts;
  }
}
