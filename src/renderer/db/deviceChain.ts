/**
 * This device's approval-record chain (APPROVALS.md §5), stored in the offline cache:
 * `chain` holds one row `{ key: 'device', deviceId, lastHash, length }` — a random device id made
 * once and the hash of the last record appended — and `approvals` holds every record with its
 * upload state (see approvalOutbox.ts). Records stay after upload so the chain can be verified.
 *
 * Appending links a record after the current head. Hashing uses WebCrypto, which IndexedDB
 * transactions cannot await (the transaction would auto-commit), so the link is computed outside
 * and committed optimistically: one read-write transaction re-reads the head and writes the row and
 * the new head only if the head is still the one the record was linked to; otherwise it links again.
 * IndexedDB serialises read-write transactions over the same stores (across tabs too), so two
 * records can never get the same `prevHash`.
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

const MAX_LINK_ATTEMPTS = 20;

/**
 * Links `record` after this device's last record and writes it to the outbox as `pending`, in one
 * transaction with the head update. Appending the same record id twice returns the stored row.
 * The record is first normalised with the contract schema (defaults filled, unknown keys dropped)
 * so the hash covers exactly what the server will parse.
 */
export async function appendApprovalRecord(
  db: CallsignDb,
  record: UnlinkedRecord,
  now: () => number = Date.now,
): Promise<ApprovalRow> {
  const body = UnlinkedRecordSchema.parse(record);
  for (let attempt = 0; attempt < MAX_LINK_ATTEMPTS; attempt++) {
    const head = await ensureChainHead(db);
    if (head.deviceId !== body.deviceId) throw new Error('the record was made for another device id');
    const linked = ApprovalRecord.parse(await linkRecord(body, head.lastHash));
    const row = await db.transaction('rw', [db.approvals, db.chain], async () => {
      const existing = await db.approvals.get(linked.id);
      if (existing) return existing;
      const current = await db.chain.get('device');
      if (!current || current.lastHash !== head.lastHash) return null; // another writer appended first: link again
      const created: ApprovalRow = {
        id: linked.id,
        record: linked,
        chainIndex: current.length + 1,
        uploadState: 'pending',
        attempts: 0,
        nextAttemptAt: now(),
      };
      await db.approvals.add(created);
      await db.chain.put({ ...current, lastHash: linked.hash, length: current.length + 1 });
      return created;
    });
    if (row) return row;
  }
  throw new Error('could not append the approval record: the device chain kept changing');
}
