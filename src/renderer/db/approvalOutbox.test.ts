import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { countUnsent, markFailed, markSent, PARKED, retryParked, unsentRows, uploadStatus } from './approvalOutbox.js';
import { CallsignDb } from './CallsignDb.js';
import { appendApprovalRecord, ensureChainHead } from './deviceChain.js';
import { unlinked } from './deviceChainFixtures.testkit.js';

let db: CallsignDb;
let k = 0;
beforeEach(() => {
  db = new CallsignDb(`outbox-${++k}`);
});
afterEach(() => db.delete());

describe('approval outbox', () => {
  it('lists unsent records in chain order and only ever changes the upload fields', async () => {
    const { deviceId } = await ensureChainHead(db);
    const a = await appendApprovalRecord(db, unlinked(deviceId, 1));
    const b = await appendApprovalRecord(db, unlinked(deviceId, 2));
    expect((await unsentRows(db)).map((r) => r.id)).toEqual([a.id, b.id]);
    await markSent(db, a.id, 5);
    await markFailed(db, b.id, 1, 'conflict: different body');
    const rows = await db.approvals.orderBy('chainIndex').toArray();
    expect(rows.map((r) => r.record)).toEqual([a.record, b.record]);
    expect(rows.map(uploadStatus)).toEqual(['sent', 'failed']);
    expect(rows[1]).toMatchObject({ nextAttemptAt: PARKED, lastError: 'conflict: different body' });
    expect(await countUnsent(db)).toBe(1);
    await retryParked(db, 10);
    expect(uploadStatus((await db.approvals.get(b.id))!)).toBe('pending');
  });
});
