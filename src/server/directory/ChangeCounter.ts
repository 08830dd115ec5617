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
    const rows = await this.db.selectFrom('changes').select('seq').orderBy('seq').execute();
    const seqs = Float64Array.from(rows, (r) => Number(r.seq));
    if (rewritten(this.seqs, this.mark, seqs, head)) this.epoch++;
    this.seqs = seqs;
    this.mark = head;
  }
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
