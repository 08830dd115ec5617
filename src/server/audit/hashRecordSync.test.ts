import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { GENESIS_HASH, hashRecord } from '../../shared/chain/hashChain.js';
import { hashRecordSync } from './hashRecordSync.js';

describe('hashRecordSync', () => {
  it('gives the shared hashRecord’s hex for the same record and link', async () => {
    const record = {
      seq: 7,
      at: 1_700_000_000_000,
      actor: 'u-1',
      type: 'credential.checked_out',
      subject: 'c-1',
      data: { reason: 'Zürich – 🔑', n: 1.5 },
    };
    expect(hashRecordSync(record, GENESIS_HASH)).toBe(await hashRecord(record, GENESIS_HASH));
    expect(hashRecordSync({ ...record, hash: 'x', prevHash: 'y' }, 'a'.repeat(64))).toBe(
      await hashRecord(record, 'a'.repeat(64)),
    );
  });

  it('agrees with hashRecord on generated records', async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.dictionary(fc.string(), fc.jsonValue()),
        fc.stringMatching(/^[0-9a-f]{64}$/),
        async (record, prev) => {
          expect(hashRecordSync(record, prev)).toBe(await hashRecord(record, prev));
        },
      ),
      { numRuns: 200 },
    );
  });
});
