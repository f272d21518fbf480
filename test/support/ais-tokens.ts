// Minting handoff tokens for tests with the same codec AIS uses.
import { serializeHandoffFields, type HandoffFields } from '../../electron/services/ais/handoff-payload';
import { createAesGcmCodec, parseAisKey } from '../../electron/services/ais/token-codec';
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
