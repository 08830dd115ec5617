/**
 * This desktop's approval-record chains (APPROVALS.md §5), stored in the offline cache. The server
 * keeps one chain per (technician, device) — a technician can only upload their own records — so
 * each technician who signs in on this desktop gets a chain of their own: `chain` row
 * `tech:<userId>` holds its last hash and length, and row `device` holds the random device id made
 * once and the desktop-wide record count (`chainIndex`, the local order across technicians).
 * `approvals` holds every record with its upload state (see approvalOutbox.ts). Records stay after
 * upload so the chains can be verified.
 *
 * Appending links a record after its technician's head. Hashing uses WebCrypto, which IndexedDB
 * transactions cannot await (the transaction would auto-commit), so the link is computed outside
 * and committed optimistically: one read-write transaction re-reads the head and writes the row and
 * the new heads only if the head is still the one the record was linked to; otherwise it links again.
 * IndexedDB serialises read-write transactions over the same stores (across tabs too), so two
 * records can never get the same `prevHash`.
 *
 * Upgrade: a desktop from before the split has one chain across technicians. A technician's head is
 * then started from their own last record there — what the server, which chains per technician,
 * stored last for them (a record of another technician in between was never accepted in that chain).
 */
import { ApprovalRecord } from '../../shared/api/approvals.js';
import { GENESIS_HASH, linkRecord } from '../../shared/chain/hashChain.js';
import type { ApprovalRow, CallsignDb, ChainRow } from './CallsignDb.js';

/** A record before it is linked: everything but `prevHash` / `hash`. */
export type UnlinkedRecord = Omit<ApprovalRecord, 'prevHash' | 'hash'>;

const UnlinkedRecordSchema = ApprovalRecord.omit({ prevHash: true, hash: true });

/** This device's chain head, created (with a fresh random device id) the first time it is needed. */
export async function ensureChainHead(
  db: CallsignDb,
  newId: () => string = () => crypto.randomUUID(),
): Promise<ChainRow> {
  return db.transaction('rw', db.chain, async () => {
    const head = await db.chain.get('device');
    if (head) return head;
    const created: ChainRow = { key: 'device', deviceId: newId(), lastHash: GENESIS_HASH, length: 0 };
    await db.chain.add(created);
    return created;
  });
}

export async function deviceId(db: CallsignDb): Promise<string> {
  return (await ensureChainHead(db)).deviceId;
}

const techKey = (technicianId: string) => `tech:${technicianId}` as const;

/**
 * The head of `technicianId`'s chain on this desktop, as stored or — the first time — started from
 * the technician's last record on this desktop (an upgraded desktop) or the genesis hash.
 */
export async function technicianHead(db: CallsignDb, technicianId: string): Promise<ChainRow> {
  const device = await ensureChainHead(db);
  const stored = await db.chain.get(techKey(technicianId));
  if (stored) return stored;
  const mine = (await db.approvals.orderBy('chainIndex').toArray()).filter(
    (r) => r.record.technician.id === technicianId,
  );
  const last = mine[mine.length - 1];
  return {
    key: techKey(technicianId),
    deviceId: device.deviceId,
    lastHash: last?.record.hash ?? GENESIS_HASH,
    length: mine.length,
  };
}

const MAX_LINK_ATTEMPTS = 20;

/**
 * Links `record` after its technician's last record on this desktop and writes it to the outbox as
 * `pending`, in one transaction with the head updates. Appending the same record id twice returns
 * the stored row. The record is first normalised with the contract schema (defaults filled, unknown
 * keys dropped) so the hash covers exactly what the server will parse.
 */
export async function appendApprovalRecord(
  db: CallsignDb,
  record: UnlinkedRecord,
  now: () => number = Date.now,
): Promise<ApprovalRow> {
  const body = UnlinkedRecordSchema.parse(record);
  for (let attempt = 0; attempt < MAX_LINK_ATTEMPTS; attempt++) {
    const head = await technicianHead(db, body.technician.id);
    if (head.deviceId !== body.deviceId) throw new Error('the record was made for another device id');
    const linked = ApprovalRecord.parse(await linkRecord(body, head.lastHash));
    const row = await db.transaction('rw', [db.approvals, db.chain], async () => {
      const existing = await db.approvals.get(linked.id);
      if (existing) return existing;
      const device = await db.chain.get('device');
      const current = await technicianHead(db, body.technician.id);
      if (!device || current.lastHash !== head.lastHash) return null; // another writer appended first: link again
      const created: ApprovalRow = {
        id: linked.id,
        record: linked,
        chainIndex: device.length + 1,
        uploadState: 'pending',
        attempts: 0,
        nextAttemptAt: now(),
      };
      await db.approvals.add(created);
      await db.chain.put({ ...device, lastHash: linked.hash, length: device.length + 1 });
      await db.chain.put({ ...head, lastHash: linked.hash, length: head.length + 1 });
      return created;
    });
    if (row) return row;
  }
  throw new Error('could not append the approval record: the device chain kept changing');
}
