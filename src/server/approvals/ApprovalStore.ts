/**
 * Uploaded approval records (APPROVALS.md §5) in table `approval_records`, kept forever: one row per
 * record id with the record's canonical JSON (`body`) and a few columns to filter on. Each stored
 * record is also appended to the server audit chain in the same transaction; its `server_seq` is
 * that audit entry's seq.
 *
 * Checks, in order: the record is the uploader's own (`technician.id` = the signed-in user, else 403),
 * the hash (over the record as parsed by `ApprovalRecord`, defaults filled — what the device hashes
 * too), the site exists or existed (a `changes` row, tombstones included: a record made offline for a
 * since-deleted site is still the record of what happened; else 404), then idempotency (same id: same
 * body → the stored result, different body → 409 `conflict`), then the chain (`prevHash` = hash of the
 * chain's last stored record, or GENESIS_HASH → else 409 `chain_broken`).
 *
 * A chain is (technician, desktop device id). The desktop's `deviceId` is a random id kept in its
 * offline cache for the life of the installation, hashed into every record; the server's device id
 * changes at every sign-in (sign-out deletes the device), so it cannot name a chain that outlives a
 * session. Scoping the chain by the signed-in technician means nobody can write into — and so block —
 * another technician's chain by claiming its device id; the session's server device is kept in the
 * `approval.stored` audit event (`sessionDeviceId`) to say which sign-in uploaded each record.
 */
import type { Kysely } from 'kysely';
import { AppError, type ApprovalRecord, type ApprovalStored } from '../../shared/api/index.js';
import { canonicalJson } from '../../shared/chain/canonicalJson.js';
import { GENESIS_HASH, hashRecord } from '../../shared/chain/hashChain.js';
import { AUDIT_EVENT, type AuditSink } from '../audit/AuditLog.js';
import { approvalReviewColumns } from '../audit/approvalReviewColumns.js';
import { lockKey } from '../db/dialect.js';
import type { ApprovalRecordsTable, Database } from '../db/schema.js';

export interface StoreResult {
  /** False when the same record was stored before (an idempotent replay). */
  created: boolean;
  stored: ApprovalStored;
}

const storedOf = (row: Pick<ApprovalRecordsTable, 'id' | 'stored_at' | 'server_seq'>): ApprovalStored => ({
  id: row.id,
  storedAt: new Date(Number(row.stored_at)).toISOString(),
  serverSeq: Number(row.server_seq),
});

/** Anomaly flags of a record about to be stored, as the `flags` column holds them (audit/ApprovalFlagger.ts). */
export type FlagRecord = (record: ApprovalRecord) => Promise<string>;

export class ApprovalStore {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly audit: AuditSink,
    private readonly now: () => number,
    /** Without it rows are stored unchecked (flags null) and the server checks them at start. */
    private readonly flagRecord?: FlagRecord,
  ) {}

  /** Stores a parsed record once; `actor` is the signed-in user uploading it, `sessionDeviceId` their server device. */
  async store(
    record: ApprovalRecord,
    actor: { id: string },
    sessionDeviceId: string | null = null,
  ): Promise<StoreResult> {
    if (record.technician.id !== actor.id) {
      throw new AppError(
        'forbidden',
        'technician.id: must be the signed-in user — an approval record can only be uploaded by the technician who made it. Sign in as that technician on the device that made it.',
        'technician.id',
      );
    }
    const expected = await hashRecord(record, record.prevHash);
    if (expected !== record.hash) {
      throw new AppError(
        'bad_request',
        'hash: does not match the record. Compute it with hashRecord over the record as parsed by the ApprovalRecord schema, with prevHash set; do not edit a record after linking it.',
        'hash',
      );
    }
    const site = await this.db
      .selectFrom('changes')
      .select('seq')
      .where('kind', '=', 'site')
      .where('record_id', '=', record.siteId)
      .executeTakeFirst();
    if (!site) {
      throw new AppError(
        'not_found',
        `siteId: there is no site "${record.siteId}". Sync and make the record for a site of the directory.`,
        'siteId',
      );
    }
    const body = canonicalJson(record);
    // Outside the transaction: the checks read other tables, and SQLite has one connection.
    const flags = this.flagRecord ? await this.flagRecord(record) : null;
    return this.db.transaction().execute(async (trx) => {
      // Two processes given the same record (or two records with the same prevHash) at once: the
      // second waits here, then finds the first's row — one stored copy, no fork in the chain.
      await lockKey(trx, `approvals:${record.technician.id}:${record.deviceId}`);
      const existing = await trx
        .selectFrom('approval_records')
        .select(['id', 'body', 'stored_at', 'server_seq'])
        .where('id', '=', record.id)
        .executeTakeFirst();
      if (existing) {
        if (existing.body === body) return { created: false, stored: storedOf(existing) };
        throw new AppError(
          'conflict',
          `Approval record ${record.id} was already uploaded with different contents. Records are immutable: make a new record with a new id.`,
        );
      }
      const last = await trx
        .selectFrom('approval_records')
        .select(['hash', 'chain_seq'])
        .where('device_id', '=', record.deviceId)
        .where('technician', '=', record.technician.id)
        .orderBy('server_seq', 'desc')
        .limit(1)
        .executeTakeFirst();
      const head = last?.hash ?? GENESIS_HASH;
      if (record.prevHash !== head) {
        throw new AppError(
          'chain_broken',
          last
            ? `prevHash: record ${record.id} does not follow the last record the server has from device ${record.deviceId}. Upload this device's records in order, oldest first.`
            : `prevHash: the server has no records from device ${record.deviceId} yet, so this record must be the device's first (prevHash ${GENESIS_HASH.slice(0, 8)}…). Upload the device's earlier records first.`,
          'prevHash',
        );
      }
      const storedAt = this.now();
      const entry = await this.audit.append(
        {
          type: AUDIT_EVENT.approvalStored,
          actor: actor.id,
          subject: record.id,
          data: {
            deviceId: record.deviceId,
            sessionDeviceId,
            siteId: record.siteId,
            action: record.request.action,
            outcome: record.decision.outcome,
            finalState: record.finalState,
            hash: record.hash,
          },
        },
        trx,
      );
      const row = {
        id: record.id,
        device_id: record.deviceId,
        site_id: record.siteId,
        technician: record.technician.id,
        final_state: record.finalState,
        created_at: record.createdAt,
        body,
        hash: record.hash,
        stored_at: storedAt,
        server_seq: entry.seq,
        ...approvalReviewColumns(record),
        chain_seq: (last?.chain_seq ?? 0) + 1,
        flags,
        flagged: flags ? 1 : 0,
      };
      await trx.insertInto('approval_records').values(row).execute();
      return { created: true, stored: storedOf(row) };
    });
  }

  /** The stored record, parsed back from its canonical JSON. */
  async get(id: string): Promise<ApprovalRecord | undefined> {
    const row = await this.db.selectFrom('approval_records').select('body').where('id', '=', id).executeTakeFirst();
    return row ? (JSON.parse(row.body) as ApprovalRecord) : undefined;
  }

  async count(): Promise<number> {
    const r = await this.db
      .selectFrom('approval_records')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    return Number(r.n);
  }
}
