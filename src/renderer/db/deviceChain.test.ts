import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { GENESIS_HASH, verifyChain } from '../../shared/chain/hashChain.js';
import { verifyDeviceChain } from './approvalOutbox.js';
import { CallsignDb } from './CallsignDb.js';
import { appendApprovalRecord, ensureChainHead } from './deviceChain.js';
import { unlinked } from './deviceChainFixtures.testkit.js';

let db: CallsignDb;
let k = 0;
beforeEach(() => {
  db = new CallsignDb(`chain-${++k}`);
});
afterEach(() => db.delete());

describe('device chain', () => {
  it('creates the device id once', async () => {
    const a = await ensureChainHead(db);
    const b = await ensureChainHead(db);
    expect(a.deviceId).toBe(b.deviceId);
    expect(a).toMatchObject({ lastHash: GENESIS_HASH, length: 0 });
  });

  it('links two records after each other; verifyChain holds', async () => {
    const { deviceId } = await ensureChainHead(db);
    const r1 = await appendApprovalRecord(db, unlinked(deviceId, 1));
    const r2 = await appendApprovalRecord(db, unlinked(deviceId, 2));
    expect(r1.record.prevHash).toBe(GENESIS_HASH);
    expect(r2.record.prevHash).toBe(r1.record.hash);
    expect([r1.chainIndex, r2.chainIndex]).toEqual([1, 2]);
    expect(r2).toMatchObject({ uploadState: 'pending', attempts: 0 });
    expect(await verifyChain([r1.record, r2.record])).toBeNull();
    expect(await db.chain.get('device')).toMatchObject({ lastHash: r2.record.hash, length: 2 });
    expect(await verifyDeviceChain(db)).toEqual({ count: 2, brokenAt: null });
  });

  it('detects a tampered record', async () => {
    const { deviceId } = await ensureChainHead(db);
    await appendApprovalRecord(db, unlinked(deviceId, 1));
    const r2 = await appendApprovalRecord(db, unlinked(deviceId, 2));
    await appendApprovalRecord(db, unlinked(deviceId, 3));
    await db.approvals.update(r2.id, { 'record.finalState': 'approved' });
    expect(await verifyDeviceChain(db)).toEqual({ count: 3, brokenAt: 2 });
  });

  it('stores a record id once', async () => {
    const { deviceId } = await ensureChainHead(db);
    const rec = unlinked(deviceId);
    const a = await appendApprovalRecord(db, rec);
    const b = await appendApprovalRecord(db, rec);
    expect(b).toEqual(a);
    expect(await db.approvals.count()).toBe(1);
  });

  it('concurrent appends from two connections (two tabs) still form one valid chain', async () => {
    const { deviceId } = await ensureChainHead(db);
    const tab2 = new CallsignDb(db.name);
    try {
      const writes = Array.from({ length: 12 }, (_, i) =>
        appendApprovalRecord(i % 2 ? tab2 : db, unlinked(deviceId, i)),
      );
      await Promise.all(writes);
      const rows = await db.approvals.orderBy('chainIndex').toArray();
      expect(rows.map((r) => r.chainIndex)).toEqual(Array.from({ length: 12 }, (_, i) => i + 1));
      expect(new Set(rows.map((r) => r.record.prevHash)).size).toBe(12);
      expect(await verifyChain(rows.map((r) => r.record))).toBeNull();
      expect((await db.chain.get('device'))?.lastHash).toBe(rows.at(-1)?.record.hash);
    } finally {
      tab2.close();
    }
  });
});
