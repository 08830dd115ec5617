/**
 * The sorted list of live change seqs, held in memory: it answers the sync page's `remaining`
 * (`count(*) where seq > ?` walks up to the whole `changes` table — ~4 ms at 130k changes on
 * SQLite, most of a sync request's cost under load) and tells the sync page cache which seqs a page
 * covers (syncPageCache.ts) without reading the rows.
 *
 * It is keyed by the head row (newest seq and its `changed_at`): every write to `changes` replaces a
 * row by inserting one with a higher seq (DirectoryStore's `writeChange`, the bulk load's `insert or
 * replace`), so an unchanged head means an unchanged table, also across processes. A write anywhere
 * makes the next caller reload the list once (concurrent callers share the reload).
 *
 * `epoch` counts rewrites of history: a reload whose list is not "the old one minus deleted rows
 * plus rows above the old head" (a workspace reset, a restored backup: seqs restart and are reused)
 * bumps it, so anything keyed by seqs alone must also be keyed by the epoch. Seqs only: nothing
 * secret is held.
 *
 * A reload after normal writes reads only the rows above the old head (issue 12: re-reading all
 * 130k seqs through Kysely cost the incremental sync's head page ~150 ms at 100k profiles under
 * load). Every write replaces its record's row, so each new row's record names the row it removed:
 * a map from a hash of (kind, record id) to that record's seq gives it. The result is then checked
 * against the table (count and sum of the seqs up to the new head: one aggregate, ~10 ms at 130k);
 * anything the map cannot explain — a row deleted without a new one, a seq committed below the head
 * late, a reset, a hash collision — fails the check and falls back to the full reload, which also
 * decides the epoch as before.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';

/** The newest change row, read per request (one indexed row). `seq` 0: the log is empty. */
export interface HeadMark {
  seq: number;
  changedAt: number;
}

export interface ChangeLogView {
  /** Live seqs, ascending. */
  seqs: Float64Array;
  epoch: number;
  /** False when writes landed while loading: the list is newer than the head the caller read. */
  exact: boolean;
}

export class ChangeCounter {
  private seqs: Float64Array = new Float64Array(0);
  private mark: HeadMark = { seq: 0, changedAt: 0 };
  private epoch = 0;
  private loading: Promise<void> | null = null;
  /** recordKey(kind, record id) → the seq of that record's live row (see the header). */
  private readonly byRecord = new Map<number, number>();

  constructor(private readonly db: Kysely<Database>) {}

  /** Changes with seq > `seq`, given the current head. */
  async countAfter(seq: number, head: HeadMark): Promise<number> {
    const { seqs } = await this.view(head);
    return seqs.length - upperBound(seqs, seq);
  }

  /** The live seqs as of `head` (reloaded once when the head moved since the last load). */
  async view(head: HeadMark): Promise<ChangeLogView> {
    for (let tries = 0; !this.matches(head) && tries < 2; tries++) {
      this.loading ??= this.load(head).finally(() => (this.loading = null));
      await this.loading; // a reload already under way may predate `head`: then one more
    }
    return { seqs: this.seqs, epoch: this.epoch, exact: this.matches(head) };
  }

  private matches(head: HeadMark): boolean {
    return this.mark.seq === head.seq && this.mark.changedAt === head.changedAt && this.newest() === head.seq;
  }

  private newest(): number {
    return this.seqs.length > 0 ? this.seqs[this.seqs.length - 1]! : 0;
  }

  private async load(head: HeadMark): Promise<void> {
    if (this.mark.seq > 0 && head.seq > this.mark.seq && (await this.loadAbove())) return;
    const rows = await this.db.selectFrom('changes').select(['seq', 'kind', 'record_id']).orderBy('seq').execute();
    const seqs = Float64Array.from(rows, (r) => Number(r.seq));
    if (rewritten(this.seqs, this.mark, seqs, head)) this.epoch++;
    this.byRecord.clear();
    for (const r of rows) this.byRecord.set(recordKey(r.kind, r.record_id), Number(r.seq));
    this.seqs = seqs;
    this.mark = head;
  }

  /** The list after normal writes: the old one minus the rows the new ones replaced, plus the new ones. */
  private async loadAbove(): Promise<boolean> {
    const rows = await this.db
      .selectFrom('changes')
      .select(['seq', 'kind', 'record_id', 'changed_at'])
      .where('seq', '>', this.mark.seq)
      .orderBy('seq')
      .execute();
    const newest = rows[rows.length - 1];
    if (!newest) return false;
    const replaced = new Set<number>();
    for (const r of rows) {
      const key = recordKey(r.kind, r.record_id);
      const old = this.byRecord.get(key);
      if (old !== undefined) replaced.add(old);
      this.byRecord.set(key, Number(r.seq));
    }
    const seqs = new Float64Array(this.seqs.length + rows.length);
    let n = 0;
    let sum = 0;
    const keep = (s: number) => {
      seqs[n++] = s;
      sum += s;
    };
    for (const s of this.seqs) if (!replaced.has(s)) keep(s);
    for (const r of rows) keep(Number(r.seq));
    const check = await this.db
      .selectFrom('changes')
      .select((eb) => [eb.fn.countAll<number>().as('n'), eb.fn.sum<number>('seq').as('sum')])
      .where('seq', '<=', newest.seq)
      .executeTakeFirstOrThrow();
    if (Number(check.n) !== n || Number(check.sum) !== sum) return false; // the full reload decides
    this.seqs = seqs.subarray(0, n);
    this.mark = { seq: Number(newest.seq), changedAt: Number(newest.changed_at) };
    return true;
  }
}

/** A 53-bit hash of a change row's record (cyrb53); a collision only costs a full reload. */
function recordKey(kind: string, id: string): number {
  let h1 = 0xdeadbeef;
  let h2 = 0x41c6ce57;
  const s = `${kind}\u0000${id}`;
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    h1 = Math.imul(h1 ^ c, 2654435761);
    h2 = Math.imul(h2 ^ c, 1597334677);
  }
  h1 = Math.imul(h1 ^ (h1 >>> 16), 2246822507) ^ Math.imul(h2 ^ (h2 >>> 13), 3266489909);
  h2 = Math.imul(h2 ^ (h2 >>> 16), 2246822507) ^ Math.imul(h1 ^ (h1 >>> 13), 3266489909);
  return 4294967296 * (2097151 & h2) + (h1 >>> 0);
}

/**
 * True when `next` cannot have come from `prev` by normal writes, which only delete rows and append
 * seqs above the head: the head went back or changed in place, or a seq at or below the old head
 * appears that was not there before.
 */
export function rewritten(prev: Float64Array, prevHead: HeadMark, next: Float64Array, nextHead: HeadMark): boolean {
  if (prev.length === 0 && prevHead.seq === 0) return false;
  if (nextHead.seq < prevHead.seq) return true;
  if (nextHead.seq === prevHead.seq && nextHead.changedAt !== prevHead.changedAt) return true;
  let i = 0;
  for (const s of next) {
    if (s > prevHead.seq) break;
    while (i < prev.length && prev[i]! < s) i++;
    if (prev[i] !== s) return true;
  }
  return false;
}

/** Index of the first element > `value` in ascending `a`. */
export function upperBound(a: Float64Array, value: number): number {
  let lo = 0;
  let hi = a.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (a[mid]! <= value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
