// Verifies an AIS handoff token and turns it into a profile, or refuses with exactly one of the
// codes staff know: DECRYPT(-1/-2/-3), SESSION(-2), ROLE(0), USER(-4). Pure apart from its clock
// and its replay cache; it never throws anything but KioskError.
import { createHash } from 'node:crypto';
import type { Clock } from '../clock';
import { KioskError } from '../kiosk-error';
import { normaliseHandoff, normaliseIp, parseHandoffFields, type HandoffPayload } from './handoff-payload';
import type { AisTokenCodec } from './token-codec';
import { InMemoryUsedTokens, type UsedTokens } from './used-token-journal';
import { requireEligible, requireRole, type EligibilityRules, type Role } from '../identity/person-identity';

export type { Role } from '../identity/person-identity';

export interface VerifierSettings {
  validitySeconds: number;
  futureSkewSeconds: number;
  eligibility: EligibilityRules;
}

export interface VerifiedHandoff extends HandoffPayload {
  role: Role;
}

export class AisHandoffVerifier {
  constructor(
    private readonly codec: AisTokenCodec,
    private readonly clock: Clock,
    private readonly settings: VerifierSettings,
    /** Tokens already used; a durable journal in the kiosk, so a restart forgets none. */
    private readonly used: UsedTokens = new InMemoryUsedTokens(),
  ) {}

  /**
   * @param acceptableIps the addresses this kiosk may appear as to AIS (its egress addresses, or
   *   the peer address in the browser host); the token's ip must be one of them.
   */
  verify(token: unknown, acceptableIps: readonly string[]): VerifiedHandoff {
    const opened = this.codec.open(token);
    if (!opened.ok)
      throw new KioskError(opened.reason === 'checksum' ? 'DECRYPT(-2)' : 'DECRYPT(-1)', `token ${opened.reason}`);
    const fields = parseHandoffFields(opened.payload);
    const payload = fields && normaliseHandoff(fields);
    if (!payload) throw new KioskError('DECRYPT(-1)', 'payload unparsable or missing id, timestamp or ip');

    const nowMs = this.clock.now();
    const now = Math.floor(nowMs / 1000);
    const age = now - payload.timestamp;
    if (age > this.settings.validitySeconds) throw new KioskError('DECRYPT(-2)', `token is ${age} s old`);
    if (-age > this.settings.futureSkewSeconds) throw new KioskError('DECRYPT(-2)', `token is ${-age} s in the future`);

    this.used.forgetExpired(nowMs);
    const digest = createHash('sha256')
      .update(token as string)
      .digest('hex');
    if (this.used.has(digest)) throw new KioskError('DECRYPT(-3)', 'token already used');

    const allowed = new Set(acceptableIps.map(normaliseIp));
    if (!allowed.has(payload.ip)) throw new KioskError('SESSION(-2)', `token ip ${payload.ip} is not this kiosk's`);

    const role = requireRole(payload.id);
    requireEligible(this.settings.eligibility, role, payload.condition);

    // Consumed only once it has succeeded, so a refused link keeps showing its real reason.
    this.used.add(digest, nowMs + (this.settings.validitySeconds + this.settings.futureSkewSeconds + 1) * 1000);
    return { ...payload, role };
  }
}
