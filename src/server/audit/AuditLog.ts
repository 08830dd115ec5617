/**
 * The server audit chain (table `audit_log`, kept forever): one append-only row per security event —
 * approval records stored, SMS codes sent, escalations, sign-ins. Each row's `hash` is the shared
 * `hashRecord` of `{ seq, at, actor, type, subject, data }` linked after the previous row's hash
 * (GENESIS_HASH for seq 1), so editing, removing or reordering any row breaks `verify()` from there.
 * Rewriting or removing the newest rows is caught by the anchor (auditAnchor.ts): the head's seq and
 * hash, HMAC'd with the server key's `audit-anchor` sub-key when there is one, written with every append.
 *
 * `append` takes an optional Kysely transaction so an event commits together with the change it
 * records. Event data never holds a secret: no SMS code, password, token or lease secret.
 */
import type { AuditEventType } from '../../shared/api/index.js';
import type { Kysely, Transaction } from 'kysely';
import { canonicalJson } from '../../shared/chain/canonicalJson.js';
import { GENESIS_HASH, verifyChain, type ChainedRecord } from '../../shared/chain/hashChain.js';
import { lockSequence } from '../db/dialect.js';
import { checkAnchor, writeAnchor, type AnchorCheck } from './auditAnchor.js';
import { hashRecordSync } from './hashRecordSync.js';
import type { AuditLogTable, Database } from '../db/schema.js';

/** Event types written today; add more here (the column is free text, so no migration is needed). */
export const AUDIT_EVENT = {
  approvalStored: 'approval.stored',
  approvalEscalated: 'approval.escalated',
  approvalExported: 'approval.exported',
  smsCodeSent: 'sms.code_sent',
  smsCodeChecked: 'sms.code_checked',
  signIn: 'auth.sign_in',
  signInFailed: 'auth.sign_in_failed',
} as const satisfies Record<string, AuditEventType>; // every type the server writes is in the shared list the desktop labels
export type KnownAuditEventType = (typeof AUDIT_EVENT)[keyof typeof AUDIT_EVENT];

export type AuditData = Record<string, unknown>;

export interface AuditEvent {
  /** Dotted, e.g. `approval.stored`; see AUDIT_EVENT. */
  type: KnownAuditEventType | (string & {});
  /** Who did it: a user id, an account email for failed sign-ins, or `system`. */
  actor: string;
  /** What it is about: a record id, a site id, an account… */
  subject: string;
  /** JSON-serialisable details; never secrets. */
  data?: AuditData;
}

export interface AuditEntry extends Required<AuditEvent> {
  seq: number;
  /** Epoch milliseconds. */
  at: number;
  prevHash: string;
  hash: string;
}

/** Anything that can record an audit event (lets services take a fake in tests). */
export interface AuditSink {
  append(event: AuditEvent, trx?: Transaction<Database>): Promise<AuditEntry>;
}

const PAGE = 1000;

function toChained(row: AuditLogTable): ChainedRecord {
  const { prev_hash: prevHash, hash, data, ...rest } = row;
  return { ...rest, at: Number(row.at), seq: Number(row.seq), data: parseStoredData(data), prevHash, hash };
}

/** Stored data that no longer parses (a damaged row) stays a string, so `verify` names the row instead of throwing. */
function parseStoredData(data: string): AuditData | string {
  try {
    return JSON.parse(data) as AuditData;
  } catch {
    return data;
  }
}

const toEntry = (row: AuditLogTable): AuditEntry => toChained(row) as unknown as AuditEntry;

export class AuditLog implements AuditSink {
  constructor(
    private readonly db: Kysely<Database>,
    private readonly now: () => number,
    /** The server key's `audit-anchor` sub-key; without it the anchor holds the plain head only. */
    private readonly anchorKey?: Buffer,
  ) {}

  /** Appends one event after the current head; inside `trx` when given, else in its own transaction. */
  append(event: AuditEvent, trx?: Transaction<Database>): Promise<AuditEntry> {
    return trx ? this.appendIn(trx, event) : this.db.transaction().execute((t) => this.appendIn(t, event));
  }

  /** The newest entry, or undefined for an empty log. */
  async head(): Promise<AuditEntry | undefined> {
    const row = await this.db.selectFrom('audit_log').selectAll().orderBy('seq', 'desc').limit(1).executeTakeFirst();
    return row ? toEntry(row) : undefined;
  }

  /**
   * One page of entries: ascending with seq > `after` (default), or with `order: 'desc'` newest first
   * with seq < `before` (all when omitted). Optionally only one `type`, `actor` and/or `subject`.
   */
  async list(
    options: {
      after?: number;
      before?: number;
      order?: 'asc' | 'desc';
      limit?: number;
      type?: string;
      actor?: string;
      /** Exact subject (e.g. an approval record's id: its stored and escalated entries). */
      subject?: string;
    } = {},
  ): Promise<AuditEntry[]> {
    let q = this.db
      .selectFrom('audit_log')
      .selectAll()
      .limit(options.limit ?? 100);
    if (options.order === 'desc') {
      q = q.orderBy('seq', 'desc');
      if (options.before !== undefined) q = q.where('seq', '<', options.before);
    } else {
      q = q.where('seq', '>', options.after ?? 0).orderBy('seq');
    }
    if (options.type) q = q.where('type', '=', options.type);
    if (options.actor) q = q.where('actor', '=', options.actor);
    if (options.subject) q = q.where('subject', '=', options.subject);
    return (await q.execute()).map(toEntry);
  }

  /** The first event of `type` about `subject`, if any (e.g. an approval's escalation). */
  async find(type: string, subject: string): Promise<AuditEntry | undefined> {
    const row = await this.db
      .selectFrom('audit_log')
      .selectAll()
      .where('type', '=', type)
      .where('subject', '=', subject)
      .orderBy('seq')
      .limit(1)
      .executeTakeFirst();
    return row ? toEntry(row) : undefined;
  }

  /** Whether an event of `type` about `subject` was recorded (e.g. an approval already escalated). */
  async has(type: string, subject: string): Promise<boolean> {
    const row = await this.db
      .selectFrom('audit_log')
      .select('seq')
      .where('type', '=', type)
      .where('subject', '=', subject)
      .limit(1)
      .executeTakeFirst();
    return row !== undefined;
  }

  /**
   * The seq of the first row whose link or hash is wrong (or whose seq skips), or of the first row
   * that does not match the anchor (a rewritten or removed newest entry); null when all holds.
   */
  async verify(): Promise<number | null> {
    const broken = await this.verifyChain();
    if (broken !== null) return broken;
    const anchor = await this.checkAnchor();
    return anchor.state === 'mismatch' ? anchor.seq : null;
  }

  /** The chain's head against its anchor (see auditAnchor.ts). */
  async checkAnchor(): Promise<AnchorCheck> {
    return checkAnchor(this.db, await this.head(), this.anchorKey);
  }

  /** The links and hashes only, without the anchor. */
  async verifyChain(): Promise<number | null> {
    let prevHash = GENESIS_HASH;
    let expectedSeq = 1;
    for (;;) {
      const rows = await this.db
        .selectFrom('audit_log')
        .selectAll()
        .where('seq', '>=', expectedSeq)
        .orderBy('seq')
        .limit(PAGE)
        .execute();
      if (rows.length === 0) return null;
      const gap = rows.findIndex((r, i) => Number(r.seq) !== expectedSeq + i);
      const checked = gap === -1 ? rows : rows.slice(0, gap);
      const broken = await verifyChain(checked.map(toChained), prevHash);
      if (broken !== null) return Number(checked[broken]!.seq);
      if (gap !== -1) return Number(rows[gap]!.seq);
      prevHash = rows[rows.length - 1]!.hash;
      expectedSeq += rows.length;
    }
  }

  private async appendIn(trx: Transaction<Database>, event: AuditEvent): Promise<AuditEntry> {
    await lockSequence(trx, 'audit_log'); // PostgreSQL: one appender at a time, so seqs never collide (no-op on SQLite)
    const last = await trx
      .selectFrom('audit_log')
      .select(['seq', 'hash'])
      .orderBy('seq', 'desc')
      .limit(1)
      .executeTakeFirst();
    const data = JSON.parse(canonicalJson(event.data ?? {})) as AuditData;
    const body = {
      seq: last ? Number(last.seq) + 1 : 1,
      at: this.now(),
      actor: event.actor,
      type: event.type,
      subject: event.subject,
      data,
    };
    const prevHash = last?.hash ?? GENESIS_HASH;
    const hash = hashRecordSync(body, prevHash); // no await inside the caller's transaction (hashRecordSync.ts)
    await trx
      .insertInto('audit_log')
      .values({ ...body, data: canonicalJson(data), prev_hash: prevHash, hash })
      .execute();
    await writeAnchor(trx, { seq: body.seq, hash }, this.anchorKey, body.at);
    return { ...body, prevHash, hash };
  }
}
