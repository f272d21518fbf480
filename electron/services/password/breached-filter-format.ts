// The breached-password filter file and its lookup: a header with checksums, binary fuse shards
// of fingerprints, and the shard table. Every function here is a self-contained top-level
// declaration taking its Node modules as parameters, because the password worker runs this same
// source (filterLookupSource) and the builder, the doctor and the tests run it in-thread.
//
// Layout (little-endian): a 64-byte header, the shards' fingerprint arrays, then the table of
// shards (32 bytes each, sorted by their first key). A key is the first 8 bytes of the password's
// SHA-1, the same hash Pwned Passwords lists, so a hash list and a plain list build the same keys.

export const FILTER_MAGIC = 'MXBREACH';
export const FILTER_VERSION = 1;
export const HEADER_BYTES = 64;
export const SHARD_ENTRY_BYTES = 32;

export interface FilterHeader {
  fingerprintBytes: number;
  shardCount: number;
  keyCount: number;
  /** The rate the operator asked for; the filter's own is 2^-(8 × fingerprintBytes), at most this. */
  requestedRate: number;
  tableOffset: number;
  fileLength: number;
  tableCrc: number;
  bodyCrc: number;
}

export interface ShardTable {
  firstHi: Uint32Array;
  firstLo: Uint32Array;
  seed: Uint32Array;
  segmentLength: Uint32Array;
  segmentCountLength: Uint32Array;
  arrayLength: Uint32Array;
  dataOffset: Float64Array;
}

type Crc32 = (data: Uint8Array, value?: number) => number;
interface ReadSyncFs {
  openSync(path: string, flags: string): number;
  fstatSync(fd: number): { size: number };
  readSync(fd: number, buffer: Uint8Array, offset: number, length: number, position: number): number;
  closeSync(fd: number): void;
}

/** murmur3's finaliser: spreads every input bit over the 32-bit result. */
export function fmix32(h: number): number {
  h ^= h >>> 16;
  h = Math.imul(h, 0x85ebca6b);
  h ^= h >>> 13;
  h = Math.imul(h, 0xc2b2ae35);
  h ^= h >>> 16;
  return h >>> 0;
}

/**
 * The three slots (one in each of three consecutive segments) and the 32-bit fingerprint of a key
 * in a shard built with this seed: out[0..2] are slots, out[3] the fingerprint before masking.
 * Positional numbers and an out array on purpose: it runs three times per key in a build of
 * millions, and once per lookup, without making an object.
 */
export function fuseSlots(
  hi: number,
  lo: number,
  seed: number,
  segmentLength: number,
  segmentCountLength: number,
  out: Uint32Array,
): void {
  const a = fmix32(hi ^ fmix32(lo ^ seed));
  const b = fmix32(a ^ lo ^ 0x9e3779b9);
  const c = fmix32(b ^ hi ^ 0x7f4a7c15);
  const mask = segmentLength - 1;
  const h0 = Math.floor((a / 4294967296) * segmentCountLength);
  out[0] = h0;
  out[1] = (h0 + segmentLength) ^ (b & mask);
  out[2] = (h0 + 2 * segmentLength) ^ (c & mask);
  out[3] = fmix32((a + Math.imul(b, 3) + Math.imul(c, 5)) >>> 0);
}

/** The fingerprint mask for a width of 1 to 4 bytes. */
export function fingerprintMask(bytes: number): number {
  return bytes >= 4 ? 0xffffffff : 2 ** (8 * bytes) - 1;
}

/** The header's fields, or an Error saying what is wrong with it. */
export function parseFilterHeader(bytes: Uint8Array, crc32: Crc32): FilterHeader {
  if (bytes.length < 64) throw new Error(`truncated: ${bytes.length} bytes, shorter than the 64-byte header`);
  const view = new DataView(bytes.buffer, bytes.byteOffset, 64);
  let magic = '';
  for (let i = 0; i < 8; i += 1) magic += String.fromCharCode(bytes[i]!);
  if (magic !== 'MXBREACH') throw new Error('not a breached-password filter (wrong magic bytes)');
  const version = view.getUint32(8, true);
  if (version !== 1) throw new Error(`filter format ${version}; this kiosk reads format 1`);
  if (view.getUint32(60, true) !== crc32(bytes.subarray(0, 60)))
    throw new Error('header checksum does not match (corrupt header)');
  const header = {
    fingerprintBytes: view.getUint32(12, true),
    shardCount: view.getUint32(16, true),
    tableCrc: view.getUint32(20, true),
    keyCount: view.getFloat64(24, true),
    requestedRate: view.getFloat64(32, true),
    tableOffset: view.getFloat64(40, true),
    fileLength: view.getFloat64(48, true),
    bodyCrc: view.getUint32(56, true),
  };
  if (header.fingerprintBytes < 1 || header.fingerprintBytes > 4)
    throw new Error(`fingerprints of ${header.fingerprintBytes} bytes are not supported`);
  if (header.tableOffset + header.shardCount * 32 !== header.fileLength)
    throw new Error('header is inconsistent (table offset and length)');
  return header;
}

/** The shard table's fields, or an Error when its checksum or its offsets do not hold. */
export function parseShardTable(bytes: Uint8Array, header: FilterHeader, crc32: Crc32): ShardTable {
  const count = header.shardCount;
  if (bytes.length !== count * 32) throw new Error('truncated shard table');
  if (crc32(bytes) !== header.tableCrc) throw new Error('shard table checksum does not match (corrupt table)');
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.length);
  const table = {
    firstHi: new Uint32Array(count),
    firstLo: new Uint32Array(count),
    seed: new Uint32Array(count),
    segmentLength: new Uint32Array(count),
    segmentCountLength: new Uint32Array(count),
    arrayLength: new Uint32Array(count),
    dataOffset: new Float64Array(count),
  };
  let expected = 64;
  for (let i = 0; i < count; i += 1) {
    const at = i * 32;
    table.firstHi[i] = view.getUint32(at, true);
    table.firstLo[i] = view.getUint32(at + 4, true);
    table.seed[i] = view.getUint32(at + 8, true);
    table.segmentLength[i] = view.getUint32(at + 12, true);
    table.segmentCountLength[i] = view.getUint32(at + 16, true);
    table.arrayLength[i] = view.getUint32(at + 20, true);
    table.dataOffset[i] = view.getFloat64(at + 24, true);
    if (table.dataOffset[i] !== expected) throw new Error(`shard ${i} does not start where the previous one ends`);
    expected += table.arrayLength[i]! * header.fingerprintBytes;
  }
  if (expected !== header.tableOffset) throw new Error('the shards do not fill the space before the table');
  return table;
}

/** The shard whose key range holds (hi, lo): the last one whose first key is not above it. */
export function findShard(table: ShardTable, hi: number, lo: number): number {
  let low = 0;
  let high = table.firstHi.length - 1;
  while (low < high) {
    const mid = (low + high + 1) >>> 1;
    const mh = table.firstHi[mid]!;
    if (mh < hi || (mh === hi && table.firstLo[mid]! <= lo)) low = mid;
    else high = mid - 1;
  }
  return low;
}

/** The password's key: the first 8 bytes of its UTF-8 SHA-1, as two 32-bit halves. */
export function passwordKey(
  crypto: { createHash(algorithm: string): { update(data: string, encoding: 'utf8'): { digest(): Uint8Array } } },
  password: string,
): [number, number] {
  const digest = crypto.createHash('sha1').update(password, 'utf8').digest();
  const view = new DataView(digest.buffer, digest.byteOffset, 8);
  return [view.getUint32(0, false), view.getUint32(4, false)];
}

export interface FilterLookup {
  fd: number;
  header: FilterHeader;
  table: ShardTable;
  fs: ReadSyncFs;
  slots: Uint32Array;
  cell: Uint8Array;
}

/**
 * Opens a filter for lookups: reads and checks the header, the length and the shard table only
 * (a few kilobytes), never the fingerprints. Throws an Error naming what is wrong.
 */
export function openFilterLookup(fs: ReadSyncFs, crc32: Crc32, path: string): FilterLookup {
  const fd = fs.openSync(path, 'r');
  try {
    const size = fs.fstatSync(fd).size;
    const head = new Uint8Array(64);
    const got = fs.readSync(fd, head, 0, 64, 0);
    const header = parseFilterHeader(head.subarray(0, got), crc32);
    if (size < header.fileLength) throw new Error(`truncated: ${size} of ${header.fileLength} bytes`);
    if (size > header.fileLength)
      throw new Error(`${size - header.fileLength} bytes more than the header says (not one whole filter)`);
    const tableBytes = new Uint8Array(header.shardCount * 32);
    fs.readSync(fd, tableBytes, 0, tableBytes.length, header.tableOffset);
    const table = parseShardTable(tableBytes, header, crc32);
    return { fd, header, table, fs, slots: new Uint32Array(4), cell: new Uint8Array(4) };
  } catch (error) {
    fs.closeSync(fd);
    throw error;
  }
}

/** Whether the key is (probably) in the filter: three reads of 1-4 bytes each. */
export function filterHas(filter: FilterLookup, hi: number, lo: number): boolean {
  const { table, header, slots, cell } = filter;
  if (header.shardCount === 0) return false;
  const shard = findShard(table, hi, lo);
  fuseSlots(hi, lo, table.seed[shard]!, table.segmentLength[shard]!, table.segmentCountLength[shard]!, slots);
  const width = header.fingerprintBytes;
  let xor = 0;
  for (let i = 0; i < 3; i += 1) {
    filter.fs.readSync(filter.fd, cell, 0, width, table.dataOffset[shard]! + slots[i]! * width);
    let value = 0;
    for (let b = width - 1; b >= 0; b -= 1) value = value * 256 + cell[b]!;
    xor ^= value;
  }
  return xor >>> 0 === (slots[3]! & fingerprintMask(width)) >>> 0;
}

/**
 * The source the password worker evaluates: these same functions (they refer to nothing outside
 * themselves but each other), so the worker and the builder can never disagree on a slot or a
 * fingerprint. It defines `mxBreachedFilter`, by the functions' own names, which a bundler may change.
 */
export function filterLookupSource(): string {
  const parts = [
    fmix32,
    fuseSlots,
    fingerprintMask,
    parseFilterHeader,
    parseShardTable,
    findShard,
    passwordKey,
    openFilterLookup,
    filterHas,
  ].map(String);
  return `${parts.join('\n')}\nconst mxBreachedFilter = { open: ${openFilterLookup.name}, key: ${passwordKey.name}, has: ${filterHas.name} };`;
}
