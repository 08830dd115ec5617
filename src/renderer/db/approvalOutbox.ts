/**
 * The approval-record outbox (table `approvals`, see CallsignDb.ts and deviceChain.ts). Records are
 * immutable: these functions only ever change the upload fields (`uploadState`, `attempts`,
 * `nextAttemptAt`, `lastError`, `sentAt`). Rows are kept after upload for chain verification.
 *
 * A record the server refused for good (409 `conflict`, or a malformed record) is **parked**: it
 * stays `pending` with `nextAttemptAt = PARKED` and the server's message in `lastError`, so it is
 * never silently dropped and the technician sees why. `retryParked` puts it back in the queue.
 */
import { verifyChain } from '../../shared/chain/hashChain.js';
import type { ApprovalRecord } from '../../shared/api/approvals.js';
import type { ApprovalRow, CallsignDb } from './CallsignDb.js';

export const PARKED = Number.MAX_SAFE_INTEGER;

export type UploadStatus = 'pending' | 'sent' | 'failed';

export function uploadStatus(row: Pick<ApprovalRow, 'uploadState' | 'nextAttemptAt'>): UploadStatus {
  if (row.uploadState === 'sent') return 'sent';
  return row.nextAttemptAt >= PARKED ? 'failed' : 'pending';
}

/** Every local record, in chain order. */
export function listApprovalRows(db: CallsignDb): Promise<ApprovalRow[]> {
  return db.approvals.orderBy('chainIndex').toArray();
}

/**
 * Records not uploaded yet (including parked ones), in chain order; only `technicianId`'s when given
 * (the server takes a technician's records only from that technician's session).
 */
export async function unsentRows(db: CallsignDb, technicianId?: string): Promise<ApprovalRow[]> {
  const rows = await db.approvals.where('uploadState').equals('pending').sortBy('chainIndex');
  return technicianId === undefined ? rows : rows.filter((r) => r.record.technician.id === technicianId);
}

export function countUnsent(db: CallsignDb): Promise<number> {
  return db.approvals.where('uploadState').equals('pending').count();
}

export async function markSent(db: CallsignDb, id: string, at: number): Promise<void> {
  await db.approvals.update(id, { uploadState: 'sent', sentAt: at, lastError: undefined });
}

export async function markRetry(
  db: CallsignDb,
  id: string,
  attempts: number,
  nextAttemptAt: number,
  error: string,
): Promise<void> {
  await db.approvals.update(id, { attempts, nextAttemptAt, lastError: error });
}

export async function markFailed(db: CallsignDb, id: string, attempts: number, error: string): Promise<void> {
  await db.approvals.update(id, { attempts, nextAttemptAt: PARKED, lastError: error });
}

/** Puts parked records back in the upload queue (the technician pressed "Retry upload"). */
export async function retryParked(db: CallsignDb, now: number): Promise<void> {
  await db.transaction('rw', db.approvals, async () => {
    const parked = await db.approvals.where('nextAttemptAt').equals(PARKED).toArray();
    for (const row of parked)
      if (row.uploadState === 'pending') await db.approvals.update(row.id, { nextAttemptAt: now });
  });
}

export interface ChainCheck {
  count: number;
  /** Chain index (1-based) of the first broken record, or null when the chain holds. */
  brokenAt: number | null;
}

/**
 * Recomputes every hash of this desktop's chains and checks every link. Each technician's records
 * form a chain of their own (deviceChain.ts); a desktop from before that split has one chain across
 * technicians, which is accepted as it is when it holds.
 */
export async function verifyDeviceChain(db: CallsignDb): Promise<ChainCheck> {
  const rows = await listApprovalRows(db);
  const asChain = (xs: ApprovalRow[]) => xs.map((r) => r.record as ApprovalRecord & Record<string, unknown>);
  if ((await verifyChain(asChain(rows))) === null) return { count: rows.length, brokenAt: null };
  const byTechnician = new Map<string, ApprovalRow[]>();
  for (const row of rows) {
    const id = row.record.technician.id;
    byTechnician.set(id, [...(byTechnician.get(id) ?? []), row]);
  }
  let brokenAt: number | null = null;
  for (const chain of byTechnician.values()) {
    const broken = await verifyChain(asChain(chain));
    if (broken === null) continue;
    const at = chain[broken]!.chainIndex;
    brokenAt = brokenAt === null ? at : Math.min(brokenAt, at);
  }
  return { count: rows.length, brokenAt };
}
