// Verifies an AIS handoff token and turns it into a profile, or refuses with exactly one of the
// codes staff know: DECRYPT(-1/-2/-3), SESSION(-2), ROLE(0), USER(-4). Pure apart from its clock
// and its replay cache; it never throws anything but KioskError.
import { createHash } from 'node:crypto';
import type { Clock } from '../clock';
import { KioskError } from '../kiosk-error';
import { normaliseHandoff, normaliseIp, parseHandoffFields, type HandoffPayload } from './handoff-payload';
import type { AisTokenCodec } from './token-codec';

export type Role = 'staff' | 'student';

export interface EligibilityRules {
  /** Conditions (狀態) that may apply, per role. */
  staff: readonly string[];
  student: readonly string[];
}

export interface VerifierSettings {
  validitySeconds: number;
  futureSkewSeconds: number;
  eligibility: EligibilityRules;
}

export interface VerifiedHandoff extends HandoffPayload {
  role: Role;
}

/** Staff IDs are a letter and digits (z99999); student IDs are digits only. */
export function roleOf(id: string): Role | null {
  if (/^[a-z][0-9]{1,15}$/.test(id)) return 'staff';
  if (/^[0-9]{1,16}$/.test(id)) return 'student';
  return null;
}

export class AisHandoffVerifier {
  // Token digest → when it may be forgotten (after that it would be refused as expired anyway).
  private readonly used = new Map<string, number>();

  constructor(
    private readonly codec: AisTokenCodec,
    private readonly clock: Clock,
    private readonly settings: VerifierSettings,
  ) {}

  /**
   * @param acceptableIps the addresses this kiosk may appear as to AIS (its egress addresses, or
   *   the peer address in the browser host); the token's ip must be one of them.
   */
  verify(token: unknown, acceptableIps: readonly string[]): VerifiedHandoff {
    const opened = this.codec.open(token);
    if (!opened.ok) throw new KioskError(opened.reason === 'checksum' ? 'DECRYPT(-2)' : 'DECRYPT(-1)', `token ${opened.reason}`);
    const fields = parseHandoffFields(opened.payload);
    const payload = fields && normaliseHandoff(fields);
    if (!payload) throw new KioskError('DECRYPT(-1)', 'payload unparsable or missing id, timestamp or ip');

    const nowMs = this.clock.now();
    const now = Math.floor(nowMs / 1000);
    const age = now - payload.timestamp;
    if (age > this.settings.validitySeconds) throw new KioskError('DECRYPT(-2)', `token is ${age} s old`);
    if (-age > this.settings.futureSkewSeconds) throw new KioskError('DECRYPT(-2)', `token is ${-age} s in the future`);

    this.forgetExpired(nowMs);
    const digest = createHash('sha256').update(token as string).digest('hex');
    if (this.used.has(digest)) throw new KioskError('DECRYPT(-3)', 'token already used');

    const allowed = new Set(acceptableIps.map(normaliseIp));
    if (!allowed.has(payload.ip)) throw new KioskError('SESSION(-2)', `token ip ${payload.ip} is not this kiosk's`);

    const role = roleOf(payload.id);
    if (!role) throw new KioskError('ROLE(0)', 'unknown ID format');
    if (!this.settings.eligibility[role].includes(payload.condition)) {
      throw new KioskError('USER(-4)', `condition "${payload.condition}" not eligible for ${role}`);
    }

    // Consumed only once it has succeeded, so a refused link keeps showing its real reason.
    this.used.set(digest, nowMs + (this.settings.validitySeconds + this.settings.futureSkewSeconds + 1) * 1000);
    return { ...payload, role };
  }

  private forgetExpired(nowMs: number): void {
    // Entries are added in expiry order (one TTL, a forward clock), so the first live one ends the sweep.
    for (const [digest, until] of this.used) {
      if (until >= nowMs) break;
      this.used.delete(digest);
    }
  }
}
