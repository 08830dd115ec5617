/**
 * Built sync pages in memory: the response bytes (already serialised and compressed) with their
 * ETag, bounded by total bytes and evicted least recently used first. Held: directory JSON as every
 * signed-in device receives it (never a secret: credential metadata carries no secret).
 *
 * Keys are built by syncPage.ts from everything the bytes depend on (history epoch, caller role,
 * query, the seqs the page covers, `remaining`, encoding), so an entry never needs invalidating: a
 * write gives the affected pages new keys and the old entries age out. A new history epoch (a
 * workspace reset) drops everything at once so no memory is held for pages that cannot recur.
 *
 * Single-flight: concurrent requests for the same missing page share one build.
 *
 * Fast first, small later: a build may return its page compressed fast (brotli 1: ~10× cheaper
 * than brotli 5 for ~35% more bytes) with a `refine` that compresses the same JSON smaller. The
 * page is served at once; refinements then run in the background one at a time (at most one
 * thread of the zlib pool), each only when no build is pending, and replace their entry if it is
 * still cached. The bytes pending refinements hold (their fast bytes, which they decode) are
 * bounded (`maxPendingBytes`); past it a page stays fast-compressed until it is rebuilt.
 */
import type { SyncCursor } from '../../shared/api/sync.js';

export interface BuiltPage {
  body: Buffer;
  etag: string;
  encoding: 'br' | 'gzip' | 'identity';
  /** The page's cursor, sent beside it as a header (`SYNC_CURSOR_HEADER`) so a client need not parse the page for it. */
  cursor?: SyncCursor;
}

export interface PageBuild {
  page: BuiltPage;
  /** False when the database moved under the build and the bytes do not match the key. */
  keep: boolean;
  /** The same content compressed smaller (same decoded bytes, same ETag), run in the background. */
  refine?: { bytesHeld: number; run: () => Promise<BuiltPage> };
}

export interface PageCacheStats {
  entries: number;
  bytes: number;
  hits: number;
  builds: number;
  refined: number;
  refinesPending: number;
}

/** Where a failed background refinement is reported (pino's signature; the route passes its logger). */
export interface RefineLog {
  warn(context: object, message: string): void;
  /** Progress worth a line in the server log (the warmer's walks); optional for quiet test loggers. */
  info?(context: object, message: string): void;
}

interface RefineJob {
  key: string;
  epoch: number;
  bytesHeld: number;
  run: () => Promise<BuiltPage>;
}

export class SyncPageCache {
  private readonly entries = new Map<string, BuiltPage>(); // iteration order = least recently used first
  private readonly inflight = new Map<string, Promise<BuiltPage>>();
  private readonly refines: RefineJob[] = [];
  private refining: Promise<void> | null = null;
  private pendingBytes = 0;
  private bytes = 0;
  private epoch = 0;
  private hits = 0;
  private builds = 0;
  private refined = 0;

  constructor(
    readonly maxBytes = 64 * 1024 * 1024,
    private readonly log: RefineLog = { warn: (context, message) => console.warn(message, context) },
    readonly maxPendingBytes = 64 * 1024 * 1024,
  ) {}

  /** The page under `key`, built by `build` when missing (see PageBuild). */
  async get(key: string, epoch: number, build: () => Promise<PageBuild>): Promise<BuiltPage> {
    if (epoch > this.epoch) this.reset(epoch); // a request that read the log before the reset keeps its key
    const cached = this.entries.get(key);
    if (cached) {
      this.hits++;
      this.entries.delete(key); // re-insert: most recently used
      this.entries.set(key, cached);
      return cached;
    }
    let pending = this.inflight.get(key);
    if (!pending) {
      this.builds++;
      pending = build()
        .then(({ page, keep, refine }) => {
          if (keep && epoch === this.epoch && this.store(key, page) && refine) this.enqueue(key, epoch, refine);
          return page;
        })
        .finally(() => this.inflight.delete(key));
      this.inflight.set(key, pending);
    }
    return pending;
  }

  /** Whether `key` is cached (no recency update): lets a warm-up skip pages already built. */
  has(key: string): boolean {
    return this.entries.has(key);
  }

  /** Resolves when no refinement is queued or running (tests, and a warm-up pacing itself). */
  async refinesDone(): Promise<void> {
    while (this.refining) await this.refining;
  }

  stats(): PageCacheStats {
    return {
      entries: this.entries.size,
      bytes: this.bytes,
      hits: this.hits,
      builds: this.builds,
      refined: this.refined,
      refinesPending: this.refines.length,
    };
  }

  private store(key: string, page: BuiltPage): boolean {
    if (page.body.length > this.maxBytes || this.entries.has(key)) return false;
    this.entries.set(key, page);
    this.bytes += page.body.length;
    this.evict();
    return this.entries.has(key);
  }

  private evict(): void {
    for (const [oldKey, old] of this.entries) {
      if (this.bytes <= this.maxBytes) break;
      this.entries.delete(oldKey);
      this.bytes -= old.body.length;
    }
  }

  private enqueue(key: string, epoch: number, refine: NonNullable<PageBuild['refine']>): void {
    if (this.pendingBytes + refine.bytesHeld > this.maxPendingBytes) return; // stays fast-compressed
    this.pendingBytes += refine.bytesHeld;
    this.refines.push({ key, epoch, ...refine });
    this.refining ??= this.drain().finally(() => (this.refining = null));
  }

  private async drain(): Promise<void> {
    for (let job = this.refines.shift(); job; job = this.refines.shift()) {
      // Builds first: a request waiting for a page matters more than fewer bytes for a served one.
      while (this.inflight.size > 0) await Promise.allSettled([...this.inflight.values()]);
      try {
        if (job.epoch === this.epoch && this.entries.has(job.key)) this.replace(job, await job.run());
      } catch (err) {
        this.log.warn(
          { err, page: job.key },
          'Sync page re-compression failed; the page stays served with its fast compression',
        );
      } finally {
        this.pendingBytes -= job.bytesHeld;
      }
    }
  }

  private replace(job: RefineJob, page: BuiltPage): void {
    const old = this.entries.get(job.key);
    // Evicted or reset while compressing: nothing to replace (a rebuilt entry gets its own job).
    if (!old || job.epoch !== this.epoch || page.body.length >= old.body.length) return;
    this.entries.set(job.key, page); // same position: a refinement is not a use
    this.bytes += page.body.length - old.body.length;
    this.refined++;
  }

  private reset(epoch: number): void {
    this.entries.clear();
    this.bytes = 0;
    this.epoch = epoch;
  }
}
