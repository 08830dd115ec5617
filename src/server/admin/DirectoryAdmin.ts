/**
 * Directory administration: list/get/create/update/delete sites, profiles, references and site
 * policies. Writes go through DirectoryStore (validated by the shared schemas, one change row per
 * record, so the sync sequence moves) and each is recorded in the audit chain as
 * `directory.changed` with who, what, and the SHA-256 of the record before and after.
 */
import type { Kysely } from 'kysely';
import { AppError } from '../../shared/api/index.js';
import type { AuditSink } from '../audit/AuditLog.js';
import type { Database } from '../db/schema.js';
import {
  recordKey,
  type DirectoryKind,
  type DirectoryRecord,
  type DirectoryStore,
} from '../directory/DirectoryStore.js';
import { PLATFORM_AUDIT_EVENT } from './platformAuditEvents.js';
import { recordHash } from './recordHash.js';

export interface ListOptions {
  /** Keyset paging: ids after this one (ascending). */
  after?: string;
  limit: number;
  /** Profiles (and policies) of one site only. */
  siteId?: string;
}

export interface Written<K extends DirectoryKind> {
  seq: number;
  record: DirectoryRecord<K>;
}

const NOUN: Record<DirectoryKind, string> = {
  site: 'site',
  profile: 'client profile',
  reference: 'reference',
  policy: 'policy for site',
};

export class DirectoryAdmin {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly directory: DirectoryStore,
    private readonly audit: AuditSink,
  ) {}

  async list<K extends DirectoryKind>(
    kind: K,
    options: ListOptions,
  ): Promise<{ items: DirectoryRecord<K>[]; next: string | null }> {
    let q = this.db
      .selectFrom('directory_records')
      .select(['id', 'data'])
      .where('kind', '=', kind)
      .orderBy('id')
      .limit(options.limit + 1);
    if (options.after !== undefined) q = q.where('id', '>', options.after);
    if (options.siteId !== undefined) q = q.where('site_id', '=', options.siteId);
    const rows = await q.execute();
    const page = rows.slice(0, options.limit);
    return {
      items: page.map((r) => JSON.parse(r.data) as DirectoryRecord<K>),
      next: rows.length > options.limit ? page[page.length - 1]!.id : null,
    };
  }

  async get<K extends DirectoryKind>(kind: K, id: string): Promise<DirectoryRecord<K>> {
    const record = await this.directory.get(kind, id);
    if (!record) throw notFound(kind, id);
    return record;
  }

  async create<K extends DirectoryKind>(kind: K, input: DirectoryRecord<K>, actor: string): Promise<Written<K>> {
    const { id } = recordKey(kind, input);
    if (await this.directory.get(kind, id)) {
      throw new AppError(
        'conflict',
        `A ${NOUN[kind]} "${id}" already exists. Change it with PUT, or pick another id.`,
        kind === 'policy' ? 'siteId' : 'id',
      );
    }
    return this.write(kind, undefined, input, actor, 'create');
  }

  async update<K extends DirectoryKind>(
    kind: K,
    id: string,
    input: DirectoryRecord<K>,
    actor: string,
  ): Promise<Written<K>> {
    const field = kind === 'policy' ? 'siteId' : 'id';
    if (recordKey(kind, input).id !== id)
      throw new AppError('bad_request', `${field}: must be "${id}", as in the address. Ids cannot be changed.`, field);
    const before = await this.get(kind, id);
    return this.write(kind, before, input, actor, 'update');
  }

  async remove(kind: DirectoryKind, id: string, actor: string): Promise<{ seq: number }> {
    const before = await this.get(kind, id);
    const result = await this.directory.delete(kind, id);
    if (!result) throw notFound(kind, id);
    await this.record(actor, kind, id, 'delete', result.seq, before, undefined);
    return result;
  }

  private async write<K extends DirectoryKind>(
    kind: K,
    before: DirectoryRecord<K> | undefined,
    input: DirectoryRecord<K>,
    actor: string,
    op: 'create' | 'update',
  ): Promise<Written<K>> {
    const written = (await this.upsert(kind, input)) as Written<K>;
    await this.record(actor, kind, recordKey(kind, written.record).id, op, written.seq, before, written.record);
    return written;
  }

  private upsert(kind: DirectoryKind, input: unknown): Promise<{ seq: number; record: unknown }> {
    switch (kind) {
      case 'site':
        return this.directory.upsertSite(input);
      case 'profile':
        return this.directory.upsertProfile(input);
      case 'reference':
        return this.directory.upsertReference(input);
      case 'policy':
        return this.directory.upsertPolicy(input);
    }
  }

  private async record(
    actor: string,
    kind: DirectoryKind,
    id: string,
    op: string,
    seq: number,
    before: object | undefined,
    after: object | undefined,
  ): Promise<void> {
    await this.audit.append({
      type: PLATFORM_AUDIT_EVENT.directoryChanged,
      actor,
      subject: `${kind}:${id}`,
      data: { kind, id, op, seq, beforeHash: await recordHash(before), afterHash: await recordHash(after) },
    });
  }
}

function notFound(kind: DirectoryKind, id: string): AppError {
  return new AppError(
    'not_found',
    `There is no ${NOUN[kind]} "${id}". Check the id, or list them first.`,
    kind === 'policy' ? 'siteId' : 'id',
  );
}
