import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { GENESIS_HASH, hashRecord, linkRecord, sha256Hex, verifyChain, type ChainedRecord } from './hashChain.js';

async function chain(bodies: Record<string, unknown>[]): Promise<ChainedRecord[]> {
  const out: ChainedRecord[] = [];
  let prev = GENESIS_HASH;
  for (const body of bodies) {
    const record = await linkRecord(body, prev);
    out.push(record);
    prev = record.hash;
  }
  return out;
}
const bodies = [
  { id: 'a', outcome: 'approved' },
  { id: 'b', outcome: 'denied', note: 'no' },
  { id: 'c', n: 3 },
];

describe('hash chain', () => {
  it('uses SHA-256 (hex) from WebCrypto', async () => {
    expect(await sha256Hex('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  });
  it('hashes the canonical form with prevHash, ignoring key order and any stored hash', async () => {
    const h = await hashRecord({ b: 2, a: 1 }, GENESIS_HASH);
    expect(h).toMatch(/^[0-9a-f]{64}$/);
    expect(await hashRecord({ a: 1, b: 2, hash: 'x', prevHash: 'y' }, GENESIS_HASH)).toBe(h);
    expect(await hashRecord({ a: 1, b: 2 }, 'f'.repeat(64))).not.toBe(h);
  });
  it('verifies an intact chain (and the empty chain)', async () => {
    expect(await verifyChain(await chain(bodies))).toBeNull();
    expect(await verifyChain([])).toBeNull();
  });
  it('finds the first broken record: edited, removed, reordered or mislinked', async () => {
    const records = await chain(bodies);
    expect(await verifyChain([records[0]!, { ...records[1]!, outcome: 'approved' }, records[2]!])).toBe(1);
    expect(await verifyChain([records[0]!, records[2]!])).toBe(1);
    expect(await verifyChain([records[1]!, records[0]!, records[2]!])).toBe(0);
    expect(await verifyChain([records[0]!, records[1]!, { ...records[2]!, hash: GENESIS_HASH }])).toBe(2);
  });
  it('verifies a segment against the hash before it', async () => {
    const records = await chain(bodies);
    expect(await verifyChain(records.slice(1), records[0]!.hash)).toBeNull();
    expect(await verifyChain(records.slice(1))).toBe(0);
  });
  it('any single edit to any record breaks the chain at that record', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.dictionary(fc.string({ maxLength: 4 }), fc.integer()), { minLength: 1, maxLength: 5 }),
        fc.nat(),
        fc.integer(),
        async (items, at, value) => {
          const records = await chain(items);
          const i = at % records.length;
          const edited = records.map((r, j) => (j === i ? { ...r, __edited: value } : r));
          expect(await verifyChain(records)).toBeNull();
          expect(await verifyChain(edited)).toBe(i);
        },
      ),
      { numRuns: 50 },
    );
  });
});
