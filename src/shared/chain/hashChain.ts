/**
 * The hash chain that links approval records (APPROVALS.md §5): each record carries the hash of the
 * previous record of the same device in `prevHash`, and its own `hash` = SHA-256 (hex) of the
 * canonical JSON of the record with `prevHash` set and `hash` left out. Changing, removing or
 * reordering any record breaks the chain from that record on.
 *
 * Uses WebCrypto (`globalThis.crypto.subtle`), present in Node ≥ 20 and every browser, so the same
 * code runs in the renderer, main and the server. src/shared compiles without DOM or Node types, so
 * the few members used are declared here.
 */
import { canonicalJson } from './canonicalJson.js';

/** `prevHash` of the first record of a chain. */
export const GENESIS_HASH = '0'.repeat(64);

interface WebCryptoGlobals {
  crypto: { subtle: { digest(algorithm: 'SHA-256', data: Uint8Array): Promise<ArrayBuffer> } };
  TextEncoder: new () => { encode(text: string): Uint8Array };
}
const web = globalThis as unknown as WebCryptoGlobals;

export interface ChainedRecord {
  prevHash: string;
  hash: string;
  [key: string]: unknown;
}

export async function sha256Hex(text: string): Promise<string> {
  const digest = await web.crypto.subtle.digest('SHA-256', new web.TextEncoder().encode(text));
  return Array.from(new Uint8Array(digest), (b) => b.toString(16).padStart(2, '0')).join('');
}

/** The hash of `record` linked after `prevHash`. Any `hash`/`prevHash` already on the record are ignored. */
export async function hashRecord(record: Record<string, unknown>, prevHash: string): Promise<string> {
  const { hash: _hash, prevHash: _prev, ...body } = record;
  return sha256Hex(canonicalJson({ ...body, prevHash }));
}

/** `record` with `prevHash` and `hash` set, ready to append after a record whose hash is `prevHash`. */
export async function linkRecord<T extends Record<string, unknown>>(
  record: T,
  prevHash: string,
): Promise<T & ChainedRecord> {
  return { ...record, prevHash, hash: await hashRecord(record, prevHash) };
}

/**
 * The index of the first record whose link or hash is wrong, or null when the whole chain holds.
 * `firstPrevHash` is what the first record must point at (GENESIS_HASH for a whole chain, the hash
 * of the record before for a segment).
 */
export async function verifyChain(
  records: readonly ChainedRecord[],
  firstPrevHash = GENESIS_HASH,
): Promise<number | null> {
  let expectedPrev = firstPrevHash;
  for (const [i, record] of records.entries()) {
    if (record.prevHash !== expectedPrev) return i;
    if ((await hashRecord(record, record.prevHash)) !== record.hash) return i;
    expectedPrev = record.hash;
  }
  return null;
}
