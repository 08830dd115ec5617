/**
 * Counts change rows after a seq (the sync page's `remaining`) without a range scan per request.
 * `count(*) where seq > ?` walks up to the whole `changes` table — ~4 ms at 130k changes on SQLite,
 * most of a sync request's cost under load. Instead the sorted list of live seqs is kept in memory
 * and the count is a binary search. It is keyed by the newest seq: every write to `changes` replaces
 * a row by inserting one with a higher seq (DirectoryStore's `writeChange`, the bulk load's
 * `insert or replace`), so an unchanged `max(seq)` means an unchanged table, also across processes.
 * A write anywhere makes the next count reload the list once (concurrent callers share the reload).
 * Seqs only: nothing secret is held.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema.js';

export class ChangeCounter {
  private seqs: Float64Array = new Float64Array(0);
  private loading: Promise<Float64Array> | null = null;

  constructor(private readonly db: Kysely<Database>) {}

  /** Changes with seq > `seq`, given `latest` = the current `max(seq)`. */
  async countAfter(seq: number, latest: number): Promise<number> {
    const seqs = await this.snapshot(latest);
    return seqs.length - upperBound(seqs, seq);
  }

  private async snapshot(latest: number): Promise<Float64Array> {
    // Exact match, not >=: a database that was reset (seqs restarting) must not reuse the old list.
    for (let tries = 0; this.newest() !== latest && tries < 2; tries++) {
      this.loading ??= this.load().finally(() => (this.loading = null));
      await this.loading; // a reload already under way may predate `latest`: then one more
    }
    return this.seqs;
  }

  private newest(): number {
    return this.seqs.length > 0 ? this.seqs[this.seqs.length - 1]! : 0;
  }

  private async load(): Promise<Float64Array> {
    const rows = await this.db.selectFrom('changes').select('seq').orderBy('seq').execute();
    this.seqs = Float64Array.from(rows, (r) => Number(r.seq));
    return this.seqs;
  }
}

/** Index of the first element > `value` in ascending `a`. */
function upperBound(a: Float64Array, value: number): number {
  let lo = 0;
  let hi = a.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (a[mid]! <= value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}
