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

  it('two technicians on one desk: each gets a chain of their own, as the server keeps them', async () => {
    const { deviceId } = await ensureChainHead(db);
    const omar = { id: 'u2', name: 'Omar Other' };
    const a1 = await appendApprovalRecord(db, unlinked(deviceId, 1));
    const b1 = await appendApprovalRecord(db, { ...unlinked(deviceId, 2), technician: omar });
    const a2 = await appendApprovalRecord(db, unlinked(deviceId, 3));
    const b2 = await appendApprovalRecord(db, { ...unlinked(deviceId, 4), technician: omar });
    expect(b1.record.prevHash).toBe(GENESIS_HASH); // Omar's first record starts his chain
    expect(a2.record.prevHash).toBe(a1.record.hash);
    expect(b2.record.prevHash).toBe(b1.record.hash);
    expect([a1, b1, a2, b2].map((r) => r.chainIndex)).toEqual([1, 2, 3, 4]);
    expect(await verifyChain([a1.record, a2.record])).toBeNull();
    expect(await verifyChain([b1.record, b2.record])).toBeNull();
    expect(await db.chain.get('tech:u2')).toMatchObject({ lastHash: b2.record.hash, length: 2 });
    expect(await verifyDeviceChain(db)).toEqual({ count: 4, brokenAt: null });
    await db.approvals.update(b1.id, { 'record.ticket': 'T-changed' });
    expect(await verifyDeviceChain(db)).toEqual({ count: 4, brokenAt: 2 });
  });

  it('an upgraded desk (one chain, no technician heads) continues each technician from their last record', async () => {
    const { deviceId } = await ensureChainHead(db);
    const a1 = await appendApprovalRecord(db, unlinked(deviceId, 1));
    await db.chain.delete('tech:u1'); // as a desktop from before the split left it
    const a2 = await appendApprovalRecord(db, unlinked(deviceId, 2));
    expect(a2.record.prevHash).toBe(a1.record.hash);
    expect(a2.chainIndex).toBe(2);
  });

  it('concurrent appends of two technicians from two tabs keep both chains valid', async () => {
    const { deviceId } = await ensureChainHead(db);
    const tab2 = new CallsignDb(db.name);
    try {
      const omar = { id: 'u2', name: 'Omar Other' };
      await Promise.all(
        Array.from({ length: 12 }, (_, i) =>
          appendApprovalRecord(
            i % 2 ? tab2 : db,
            i % 3 ? unlinked(deviceId, i) : { ...unlinked(deviceId, i), technician: omar },
          ),
        ),
      );
      expect(await verifyDeviceChain(db)).toEqual({ count: 12, brokenAt: null });
      const rows = await db.approvals.orderBy('chainIndex').toArray();
      expect(rows.map((r) => r.chainIndex)).toEqual(Array.from({ length: 12 }, (_, i) => i + 1));
    } finally {
      tab2.close();
    }
  });
});
