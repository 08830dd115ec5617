/**
 * Reads the profile rows a bulk first sync writes back into the renderer while the sync goes on
 * (issue 12). Reading all of them after the last page was ~2 s of the renderer's main thread at 100k
 * (IndexedDB hands each result over as one structured clone to read), with the sync worker idle and
 * the progress bar still up; spread over the run, the same reads use time the main thread had spare.
 *
 * Each page's reply names the rows it wrote or deleted (`AppliedChanges.rows`); a row is read after
 * the reply that names it, so after the page's transaction, and read again when a later page names
 * it again. Once every reply is in and the queue is empty, the rows held are the cache's rows.
 */
import type { ClientProfile } from '../../shared/domain/index.js';
import type { CallsignDb } from './CallsignDb.js';
import type { SiteProfilesRow } from './profileBundles.js';

/**
 * Rows per request: each result is read on the main thread in one piece while lookups are being
 * typed, so a request holds ~250 people (a few ms), not the 1,000 of a load's reads (ROWS_PER_READ):
 * at 100 rows, lookups during a first sync went from p95 20 ms to 30 ms (bench:lookup).
 */
export const ROWS_PER_BACKGROUND_READ = 25;

export class ProfileRowReader {
  private readonly queued = new Set<string>();
  private readonly rows = new Map<string, ClientProfile[]>();
  private running: Promise<void> | undefined;
  private failure: unknown;

  constructor(
    private readonly db: CallsignDb,
    private readonly perRead = ROWS_PER_BACKGROUND_READ,
  ) {}

  /** Rows (site ids) written or deleted by a page whose transaction is over: (re)read them. */
  add(siteIds: Iterable<string>): void {
    for (const id of siteIds) {
      this.queued.delete(id); // read once, after the latest page that named it
      this.queued.add(id);
    }
    if (!this.running && this.queued.size && this.failure === undefined) this.running = this.run();
  }

  /** Every row named so far, as the cache holds it; rejects when a read failed (read the cache instead). */
  async all(): Promise<SiteProfilesRow[]> {
    while (this.running) await this.running;
    if (this.failure !== undefined) throw this.failure;
    return [...this.rows].map(([siteId, profiles]) => ({ siteId, profiles }));
  }

  private async run(): Promise<void> {
    try {
      while (this.queued.size) {
        const ids: string[] = [];
        for (const id of this.queued) {
          ids.push(id);
          if (ids.length === this.perRead) break;
        }
        for (const id of ids) this.queued.delete(id);
        const got = await this.db.siteProfiles.bulkGet(ids);
        got.forEach((row, i) => {
          if (row) this.rows.set(ids[i]!, row.profiles);
          else this.rows.delete(ids[i]!);
        });
      }
    } catch (err) {
      console.warn('Callsign: reading the synced people back failed; they are read from the cache at the end', err);
      this.failure = err;
    }
    // No await between the last check of the queue and this: a row added meanwhile starts a new run.
    this.running = undefined;
  }
}
