/**
 * Built sync pages in memory: the response bytes (already serialised and compressed) with their
 * strong ETag, bounded by total bytes and evicted least recently used first. Held: directory JSON
 * as every signed-in device receives it (never a secret: credential metadata carries no secret).
 *
 * Keys are built by syncPage.ts from everything the bytes depend on (history epoch, caller role,
 * query, the seqs the page covers, `remaining`, encoding), so an entry never needs invalidating: a
 * write gives the affected pages new keys and the old entries age out. A new history epoch (a
 * workspace reset) drops everything at once so no memory is held for pages that cannot recur.
 *
 * Single-flight: concurrent requests for the same missing page share one build.
 */
export interface BuiltPage {
  body: Buffer;
  etag: string;
  encoding: 'br' | 'gzip' | 'identity';
}

export interface PageCacheStats {
  entries: number;
  bytes: number;
  hits: number;
  builds: number;
}

export class SyncPageCache {
  private readonly entries = new Map<string, BuiltPage>(); // iteration order = least recently used first
  private readonly inflight = new Map<string, Promise<BuiltPage>>();
  private bytes = 0;
  private epoch = 0;
  private hits = 0;
  private builds = 0;

  constructor(readonly maxBytes = 64 * 1024 * 1024) {}

  /**
   * The page under `key`, built by `build` when missing. `build` says whether its result may be
   * kept (false when the database moved under it and the bytes do not match the key).
   */
  async get(key: string, epoch: number, build: () => Promise<{ page: BuiltPage; keep: boolean }>): Promise<BuiltPage> {
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
        .then(({ page, keep }) => {
          if (keep && epoch === this.epoch) this.store(key, page);
          return page;
        })
        .finally(() => this.inflight.delete(key));
      this.inflight.set(key, pending);
    }
    return pending;
  }

  stats(): PageCacheStats {
    return { entries: this.entries.size, bytes: this.bytes, hits: this.hits, builds: this.builds };
  }

  private store(key: string, page: BuiltPage): void {
    if (page.body.length > this.maxBytes || this.entries.has(key)) return;
    this.entries.set(key, page);
    this.bytes += page.body.length;
    for (const [oldKey, old] of this.entries) {
      if (this.bytes <= this.maxBytes) break;
      this.entries.delete(oldKey);
      this.bytes -= old.body.length;
    }
  }

  private reset(epoch: number): void {
    this.entries.clear();
    this.bytes = 0;
    this.epoch = epoch;
  }
}
