// AIS handoff verification throughput: the kiosk's full verifier (hex decode, AES-256-GCM open,
// payload parse and normalise, time, replay, IP, role and eligibility checks) side by side with
// the bare AES-256-GCM decryption of the same tokens, in one run. Prints a Markdown table.
// Run: npx tsx bench/ais-verify.bench.ts
import { createDecipheriv } from 'node:crypto';
import { AisHandoffVerifier } from '../electron/services/ais/handoff-verifier';
import { serializeHandoffFields } from '../electron/services/ais/handoff-payload';
import { createAesGcmCodec, parseAisKey } from '../electron/services/ais/token-codec';

const KEY_HEX = '0f1e2d3c4b5a69788796a5b4c3d2e1f000112233445566778899aabbccddeeff';
const key = parseAisKey(KEY_HEX);
const codec = createAesGcmCodec(key);
const NOW = 1_800_000_000;
const TOKENS = 20_000;
const ROUNDS = 7;

const tokens = Array.from({ length: TOKENS }, (_, i) =>
  codec.seal(
    serializeHandoffFields({
      charset: 'utf-8',
      name: '歐陽菲菲',
      name_en: 'Ou Yang, Fei Fei',
      id: `z${10000 + i}`,
      ip: '192.0.2.10',
      timestamp: String(NOW),
      language: 'C',
      condition: '一般',
    }),
  ),
);

function bareDecrypt(token: string): string {
  const bytes = Buffer.from(token, 'hex');
  const decipher = createDecipheriv('aes-256-gcm', key, bytes.subarray(1, 13));
  decipher.setAuthTag(bytes.subarray(bytes.length - 16));
  return Buffer.concat([decipher.update(bytes.subarray(13, bytes.length - 16)), decipher.final()]).toString('utf8');
}

function fullVerify(): (token: string) => unknown {
  // A fresh verifier per round: every token is one-time, as at the counter.
  const verifier = new AisHandoffVerifier(
    codec,
    { now: () => NOW * 1000 },
    {
      validitySeconds: 120,
      futureSkewSeconds: 30,
      eligibility: { staff: ['一般'], student: [] },
    },
  );
  return (token) => verifier.verify(token, ['192.0.2.10']);
}

function rate(make: () => (token: string) => unknown): number {
  const samples: number[] = [];
  for (let round = 0; round < ROUNDS; round += 1) {
    const fn = make();
    const started = process.hrtime.bigint();
    for (const token of tokens) fn(token);
    samples.push(TOKENS / (Number(process.hrtime.bigint() - started) / 1e9));
  }
  samples.sort((a, b) => a - b);
  return samples[Math.floor(samples.length / 2)]!;
}

rate(fullVerify); // warm-up for both paths
rate(() => bareDecrypt);
const bare = rate(() => bareDecrypt);
const full = rate(fullVerify);
console.log(
  `AIS token verification, ${TOKENS} distinct tokens per round, median of ${ROUNDS} rounds, node ${process.version}`,
);
console.log('| what | tokens/s | µs/token |');
console.log('|---|---:|---:|');
console.log(
  `| bare AES-256-GCM decrypt (floor) | ${Math.round(bare).toLocaleString('en')} | ${(1e6 / bare).toFixed(1)} |`,
);
console.log(`| full verify (kiosk) | ${Math.round(full).toLocaleString('en')} | ${(1e6 / full).toFixed(1)} |`);
console.log(`| ratio full / bare (time per token) | ${(bare / full).toFixed(2)}× | |`);
