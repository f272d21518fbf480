// Minting handoff tokens for tests with the same codec AIS uses, and the kiosk's own sign-in that
// reads them.
import { AisSignIn } from '../../electron/services/ais/ais-sign-in';
import { serializeHandoffFields, type HandoffFields } from '../../electron/services/ais/handoff-payload';
import { AisHandoffVerifier } from '../../electron/services/ais/handoff-verifier';
import { createAesGcmCodec, parseAisKey } from '../../electron/services/ais/token-codec';
import type { Clock } from '../../electron/services/clock';
import { silentLogger } from '../../electron/services/logger';
import { KioskSessions } from '../../electron/services/session/kiosk-session';
import { TEST_AIS_KEY_HEX } from './test-config';

export const testCodec = createAesGcmCodec(parseAisKey(TEST_AIS_KEY_HEX));

export const T0 = 1_800_000_000; // a fixed "now" in Unix seconds

export function fields(overrides: HandoffFields = {}): HandoffFields {
  return {
    charset: 'utf-8',
    name: '王小明',
    name_en: 'WANG,HSIAO-MING',
    id: 'Z10001',
    ip: '192.0.2.10',
    timestamp: String(T0),
    language: 'C',
    condition: '一般',
    ...overrides,
  };
}

export function mint(overrides: HandoffFields = {}, codec = testCodec): string {
  return codec.seal(serializeHandoffFields(fields(overrides)));
}

/** The real AisSignIn on the test codec at this clock: 20-minute sessions, 2-minute links, staff in good standing. */
export function aisSignInAt(clock: Clock): { sessions: KioskSessions; signIn: AisSignIn } {
  const sessions = new KioskSessions(clock, { maxSeconds: 1200, idleSeconds: 300 });
  const verifier = new AisHandoffVerifier(testCodec, clock, {
    validitySeconds: 120,
    futureSkewSeconds: 30,
    eligibility: { staff: ['一般'], student: [] },
  });
  return { sessions, signIn: new AisSignIn(verifier, sessions, silentLogger) };
}
