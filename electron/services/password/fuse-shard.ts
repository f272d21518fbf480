// One binary fuse shard (Graf and Lemire's 3-wise binary fuse filter), built from at most a few
// million distinct keys: about 1.125 fingerprints per key, each key answered by three slots in
// three consecutive segments. Built in memory per shard, so a build's memory follows the shard
// size, never the whole list.
import { fingerprintMask, fuseSlots } from './breached-filter-format';

export interface FuseShard {
  seed: number;
  segmentLength: number;
  segmentCountLength: number;
  arrayLength: number;
  /** arrayLength fingerprints of fingerprintBytes each, little-endian. */
  fingerprints: Uint8Array;
}

/** Distinct keys (hi[i], lo[i]), i < n: the 64 bits of each key as two 32-bit halves. */
export interface FuseKeys {
  hi: Uint32Array;
  lo: Uint32Array;
  n: number;
}

/** A shard's shape and seed: everything of it but its fingerprints. */
type Geometry = Omit<FuseShard, 'fingerprints'>;

interface Sizing {
  segmentLength: number;
  segmentCount: number;
}

function sizing(n: number, extraSegments: number): Sizing {
  const segmentLength = n <= 1 ? 4 : Math.min(2 ** 18, 2 ** Math.floor(Math.log(n) / Math.log(3.33) + 2.25));
  const sizeFactor = n <= 1 ? 0 : Math.max(1.125, 0.875 + (0.25 * Math.log(1e6)) / Math.log(n));
  const capacity = Math.round(n * sizeFactor);
  const segments = Math.ceil(capacity / segmentLength);
  return { segmentLength, segmentCount: Math.max(1, segments - 2) + extraSegments };
}

/** Random 32-bit seeds, deterministic per shard so that a rebuild gives the same file. */
function nextSeed(previous: number): number {
  return (Math.imul(previous ^ (previous >>> 15), 0x2c1b3c6d) + 0x6d2b79f5) >>> 0;
}

/**
 * Builds a shard from distinct keys (hi[i], lo[i]), i < n. Retries with a new seed when peeling
 * fails (rare), and grows by a segment after repeated failures (tiny shards).
 */
export function buildFuseShard(keys: FuseKeys, fingerprintBytes: number, firstSeed: number): FuseShard {
  const { n } = keys;
  let seed = firstSeed >>> 0;
  for (let attempt = 0; attempt < 200; attempt += 1) {
    const { segmentLength, segmentCount } = sizing(n, Math.floor(attempt / 10));
    const shard = tryBuild(keys, fingerprintBytes, {
      seed,
      segmentLength,
      segmentCountLength: segmentCount * segmentLength,
      arrayLength: (segmentCount + 2) * segmentLength,
    });
    if (shard) return shard;
    seed = nextSeed(seed);
  }
  throw new Error(`a filter shard of ${n} keys could not be built (duplicate keys?)`);
}

function tryBuild({ hi, lo, n }: FuseKeys, width: number, geometry: Geometry): FuseShard | null {
  const { seed, segmentLength, segmentCountLength, arrayLength } = geometry;
  const count = new Uint32Array(arrayLength);
  const xorHi = new Uint32Array(arrayLength);
  const xorLo = new Uint32Array(arrayLength);
  const slots = new Uint32Array(4);
  for (let i = 0; i < n; i += 1) {
    fuseSlots(hi[i]!, lo[i]!, seed, segmentLength, segmentCountLength, slots);
    for (let j = 0; j < 3; j += 1) {
      const s = slots[j]!;
      count[s]! += 1;
      xorHi[s]! ^= hi[i]!;
      xorLo[s]! ^= lo[i]!;
    }
  }
  // Peeling: a slot with one key left decides that key; removing it may leave others alone.
  const queue = new Uint32Array(arrayLength);
  let queued = 0;
  for (let s = 0; s < arrayLength; s += 1) if (count[s] === 1) queue[queued++] = s;
  const orderHi = new Uint32Array(n);
  const orderLo = new Uint32Array(n);
  const orderSlot = new Uint32Array(n);
  let peeled = 0;
  while (queued > 0) {
    const s = queue[--queued]!;
    if (count[s] !== 1) continue;
    const kh = xorHi[s]!;
    const kl = xorLo[s]!;
    orderHi[peeled] = kh;
    orderLo[peeled] = kl;
    orderSlot[peeled] = s;
    peeled += 1;
    fuseSlots(kh, kl, seed, segmentLength, segmentCountLength, slots);
    for (let j = 0; j < 3; j += 1) {
      const t = slots[j]!;
      count[t]! -= 1;
      xorHi[t]! ^= kh;
      xorLo[t]! ^= kl;
      if (count[t] === 1) queue[queued++] = t;
    }
  }
  if (peeled !== n) return null;
  // Assigned in reverse peeling order: each key's own slot is the last of its three to be set.
  const mask = fingerprintMask(width);
  const values = new Uint32Array(arrayLength);
  for (let k = n - 1; k >= 0; k -= 1) {
    fuseSlots(orderHi[k]!, orderLo[k]!, seed, segmentLength, segmentCountLength, slots);
    values[orderSlot[k]!] = ((slots[3]! & mask) ^ values[slots[0]!]! ^ values[slots[1]!]! ^ values[slots[2]!]!) >>> 0;
  }
  const fingerprints = new Uint8Array(arrayLength * width);
  for (let s = 0; s < arrayLength; s += 1) {
    let v = values[s]!;
    for (let b = 0; b < width; b += 1) {
      fingerprints[s * width + b] = v & 0xff;
      v >>>= 8;
    }
  }
  return { ...geometry, fingerprints };
}
