/**
 * The directory (table `directory_records`, JSON validated by the shared schemas) and its change
 * feed (table `changes`). Every write runs in one transaction that also replaces the record's
 * change row, so `changes` holds exactly one row per record — its latest upsert or a tombstone —
 * under a strictly increasing, never reused `seq`.
 */
import type { Kysely, Transaction } from 'kysely';
import type { z } from 'zod';
import { AppError, parseOrThrow, SitePolicyRecord } from '../../shared/api/index.js';
import { ClientProfile, Reference, Site } from '../../shared/domain/index.js';
import { recordPolicyVersion } from '../approvals/policyVersions.js';
import { lockSequence } from '../db/dialect.js';
import type { Database } from '../db/schema.js';
import { ChangeCounter, type ChangeLogView, type HeadMark } from './ChangeCounter.js';

export const DIRECTORY_SCHEMAS = {
  site: Site,
  profile: ClientProfile,
  reference: Reference,
  policy: SitePolicyRecord,
} as const;
export type DirectoryKind = keyof typeof DIRECTORY_SCHEMAS;
export type DirectoryRecord<K extends DirectoryKind> = z.output<(typeof DIRECTORY_SCHEMAS)[K]>;

/** A record's id and owning site: a policy record is keyed by its site id (sync kind `policy`, id = siteId). */
export function recordKey(kind: DirectoryKind, record: object): { id: string; siteId: string | null } {
  if (kind === 'policy')
    return { id: (record as SitePolicyRecord).siteId, siteId: (record as SitePolicyRecord).siteId };
  return { id: (record as { id: string }).id, siteId: kind === 'profile' ? (record as ClientProfile).siteId : null };
}

/** One write of `applyBatch`: `data` is the record's JSON, already validated by its schema. */
export type BatchWrite =
  | { op: 'upsert'; kind: DirectoryKind; id: string; siteId: string | null; data: string }
  | { op: 'delete'; kind: DirectoryKind; id: string };

/** One change row with the record's current JSON (null for tombstones). */
export interface ChangeRow {
  seq: number;
  kind: string;
  record_id: string;
  op: 'upsert' | 'delete';
  data: string | null;
}

export class DirectoryStore {
  private readonly listeners = new Set<() => void>();
  private readonly counter: ChangeCounter;

  constructor(
    private readonly db: Kysely<Database>,
    private readonly now: () => number,
  ) {
    this.counter = new ChangeCounter(db);
  }

  /** Called after every committed write through this store; returns an unsubscribe function. */
  onChange(listener: () => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  upsertSite(input: unknown): Promise<{ seq: number; record: Site }> {
    return this.upsert('site', input);
  }

  async upsertProfile(input: unknown): Promise<{ seq: number; record: ClientProfile }> {
    const profile = parseOrThrow(ClientProfile, input);
    await this.requireSite(profile.siteId);
    return this.upsert('profile', profile);
  }

  async upsertReference(input: unknown): Promise<{ seq: number; record: Reference }> {
    const ref = parseOrThrow(Reference, input);
    const found = await this.getMany('site', ref.siteIds);
    const missing = ref.siteIds.find((id) => !found.has(id));
    if (missing)
      throw new AppError(
        'not_found',
        `siteIds: there is no site "${missing}". Remove it or create the site first.`,
        'siteIds',
      );
    return this.upsert('reference', ref);
  }

  /** Profiles and policies belong to a site that must already exist. */
  private async requireSite(siteId: string): Promise<void> {
    if (!(await this.get('site', siteId))) {
      throw new AppError(
        'not_found',
        `siteId: there is no site "${siteId}". Create the site first or pick an existing one.`,
        'siteId',
      );
    }
  }

  /** A site's approval rules (APPROVALS.md §2); the site must exist. */
  async upsertPolicy(input: unknown): Promise<{ seq: number; record: SitePolicyRecord }> {
    const policy = parseOrThrow(SitePolicyRecord, input);
    await this.requireSite(policy.siteId);
    return this.upsert('policy', policy);
  }

  /** Deletes a record and leaves a tombstone; deleting a site also deletes its profiles and policy. */
  async delete(kind: DirectoryKind, id: string): Promise<{ seq: number } | null> {
    const result = await this.db.transaction().execute(async (trx) => {
      const gone = await trx
        .deleteFrom('directory_records')
        .where('kind', '=', kind)
        .where('id', '=', id)
        .executeTakeFirst();
      if (gone.numDeletedRows === 0n) return null;
      if (kind === 'site') {
        const owned = await trx
          .selectFrom('directory_records')
          .select(['kind', 'id'])
          .where('kind', 'in', ['profile', 'policy'])
          .where('site_id', '=', id)
          .execute();
        for (const p of owned) {
          await trx.deleteFrom('directory_records').where('kind', '=', p.kind).where('id', '=', p.id).execute();
          await writeChange(trx, p.kind, p.id, 'delete', this.now());
          if (p.kind === 'policy') await recordPolicyVersion(trx, p.id, null, this.now());
        }
      }
      if (kind === 'policy') await recordPolicyVersion(trx, id, null, this.now());
      return { seq: await writeChange(trx, kind, id, 'delete', this.now()) };
    });
    if (result) this.notify();
    return result;
  }

  async get<K extends DirectoryKind>(kind: K, id: string): Promise<DirectoryRecord<K> | undefined> {
    const row = await this.db
      .selectFrom('directory_records')
      .select('data')
      .where('kind', '=', kind)
      .where('id', '=', id)
      .executeTakeFirst();
    return row ? (JSON.parse(row.data) as DirectoryRecord<K>) : undefined;
  }

  async getMany<K extends DirectoryKind>(kind: K, ids: readonly string[]): Promise<Map<string, DirectoryRecord<K>>> {
    const out = new Map<string, DirectoryRecord<K>>();
    if (ids.length === 0) return out;
    const rows = await this.db
      .selectFrom('directory_records')
      .select(['id', 'data'])
      .where('kind', '=', kind)
      .where('id', 'in', [...new Set(ids)])
      .execute();
    for (const r of rows) out.set(r.id, JSON.parse(r.data) as DirectoryRecord<K>);
    return out;
  }

  /** Changes with seq > since, ascending, at most `limit`, each with its record's current JSON. */
  changesSince(since: number, limit: number): Promise<ChangeRow[]> {
    return this.db
      .selectFrom('changes as c')
      .leftJoin('directory_records as r', (j) => j.onRef('r.kind', '=', 'c.kind').onRef('r.id', '=', 'c.record_id'))
      .select(['c.seq', 'c.kind', 'c.record_id', 'c.op', 'r.data'])
      .where('c.seq', '>', since)
      .orderBy('c.seq')
      .limit(limit)
      .execute();
  }

  /** Changes with seq > `seq` (see ChangeCounter: a binary search, not a range scan). */
  async countChangesAfter(seq: number): Promise<number> {
    return this.counter.countAfter(seq, await this.headMark());
  }

  /** The newest change row's seq and time: one indexed row, read per sync request. */
  async headMark(): Promise<HeadMark> {
    const r = await this.db
      .selectFrom('changes')
      .select(['seq', 'changed_at'])
      .orderBy('seq', 'desc')
      .limit(1)
      .executeTakeFirst();
    return r ? { seq: Number(r.seq), changedAt: Number(r.changed_at) } : { seq: 0, changedAt: 0 };
  }

  /** The live change seqs as of `head`, with the history epoch (ChangeCounter). */
  changeLogView(head: HeadMark): Promise<ChangeLogView> {
    return this.counter.view(head);
  }

  /** The newest seq, or 0 when nothing has changed yet. */
  async latestSeq(): Promise<number> {
    const r = await this.db
      .selectFrom('changes')
      .select((eb) => eb.fn.max('seq').as('seq'))
      .executeTakeFirst();
    return Number(r?.seq ?? 0);
  }

  async countRecords(): Promise<number> {
    const r = await this.db
      .selectFrom('directory_records')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    return Number(r.n);
  }

  /**
   * Applies many pre-validated writes in ONE transaction (bundle import), in the order given, each
   * replacing its record's change row as a single write would; `also` runs inside the same
   * transaction (e.g. the audit event). Returns the last seq written, or null for an empty batch.
   * Unlike `delete`, a site delete here does not cascade: the batch lists every record it removes.
   * `options.before` runs first in the transaction (a check that throws rolls everything back);
   * `options.progress` hears the number of writes done.
   */
  async applyBatch(
    writes: readonly BatchWrite[],
    also?: (trx: Transaction<Database>) => Promise<void>,
    options: { before?: (trx: Transaction<Database>) => Promise<void>; progress?: (done: number) => void } = {},
  ): Promise<number | null> {
    if (writes.length === 0) return null;
    const now = this.now();
    const seq = await this.db.transaction().execute(async (trx) => {
      if (options.before) await options.before(trx);
      let last = 0;
      let done = 0;
      for (const w of writes) {
        if (w.op === 'delete') {
          await trx.deleteFrom('directory_records').where('kind', '=', w.kind).where('id', '=', w.id).execute();
        } else {
          await trx
            .insertInto('directory_records')
            .values({ kind: w.kind, id: w.id, site_id: w.siteId, data: w.data, updated_at: now })
            .onConflict((oc) =>
              oc.columns(['kind', 'id']).doUpdateSet((eb) => ({
                site_id: eb.ref('excluded.site_id'),
                data: eb.ref('excluded.data'),
                updated_at: now,
              })),
            )
            .execute();
        }
        last = await writeChange(trx, w.kind, w.id, w.op, now);
        if (w.kind === 'policy') await recordPolicyVersion(trx, w.id, w.op === 'upsert' ? w.data : null, now, true);
        options.progress?.(++done);
      }
      if (also) await also(trx);
      return last;
    });
    this.notify();
    return seq;
  }

  private notify(): void {
    for (const listener of this.listeners) listener();
  }

  private async upsert<K extends DirectoryKind>(
    kind: K,
    input: unknown,
  ): Promise<{ seq: number; record: DirectoryRecord<K> }> {
    const record = parseOrThrow(DIRECTORY_SCHEMAS[kind], input) as DirectoryRecord<K>;
    const { id, siteId } = recordKey(kind, record);
    const now = this.now();
    const seq = await this.db.transaction().execute(async (trx) => {
      await trx
        .insertInto('directory_records')
        .values({ kind, id, site_id: siteId, data: JSON.stringify(record), updated_at: now })
        .onConflict((oc) =>
          oc.columns(['kind', 'id']).doUpdateSet((eb) => ({
            site_id: eb.ref('excluded.site_id'),
            data: eb.ref('excluded.data'),
            updated_at: now,
          })),
        )
        .execute();
      if (kind === 'policy') await recordPolicyVersion(trx, id, JSON.stringify(record), now);
      return writeChange(trx, kind, id, 'upsert', now);
    });
    this.notify();
    return { seq, record };
  }
}

/** Replaces the record's change row with a new one; returns its seq. (Also used by the vault's `credential` kind.) */
export async function writeChange(
  trx: Kysely<Database>,
  kind: string,
  id: string,
  op: 'upsert' | 'delete',
  now: number,
): Promise<number> {
  await lockSequence(trx, 'changes'); // PostgreSQL: seqs commit in order (no-op on SQLite)
  await trx.deleteFrom('changes').where('kind', '=', kind).where('record_id', '=', id).execute();
  const row = await trx
    .insertInto('changes')
    .values({ kind, record_id: id, op, changed_at: now })
    .returning('seq')
    .executeTakeFirstOrThrow();
  return Number(row.seq);
}
