/**
 * Builds the sync pages below the head before desktops ask for them: at start-up, and again soon
 * after a request had to build a page (the change log moved — a write at the head gives every page
 * a new key, since `remaining` is in each body — or the page was evicted). Without it, a hundred
 * desktops starting their sync together all wait for each page's build in turn (database read and
 * JSON on the event loop, then compression).
 *
 * What it warms: walks of the change log from since=0 for (role, limit, encoding) targets — the
 * desktop's defaults given at start-up plus those requests use (compressed, limits ≥ MIN_WARM_LIMIT
 * only, so a tool paging by 20 does not make the server build thousands of pages). One walk at a time, one
 * page at a time, through SyncPageCache (single-flight with requests for the same page, and the
 * page re-compressed smaller in the background). Holds only targets (roles, limits, codings).
 */
import type { DirectoryStore } from '../directory/DirectoryStore.js';
import { upperBound } from '../directory/ChangeCounter.js';
import type { ContentEncoding } from '../http/acceptEncoding.js';
import type { RefineLog, SyncPageCache } from './SyncPageCache.js';
import { syncPage } from './syncPage.js';

export interface WarmTarget {
  role: string;
  limit: number;
  encoding: ContentEncoding;
}

export interface WarmerOptions {
  /** Warmed from start-up on, and never forgotten. */
  targets?: readonly WarmTarget[];
  /** Wait after the trigger, so a burst of writes or builds leads to one walk (default 1 s). */
  delayMs?: number;
  /** Targets learned from requests, beyond which the least recently seen is forgotten (default 6). */
  maxLearned?: number;
  /** Pages per walk at most (default 100: 500k changes at the desktop's 5000). */
  maxPages?: number;
  /** Smallest `limit` learned from requests (default MIN_WARM_LIMIT). */
  minLimit?: number;
  /**
   * How often the head is checked for writes nobody has requested yet (default 30 s; 0: never).
   * Also the most often a stream of writes makes it walk: one walk of 27 pages at 100k costs ~4 s
   * of event loop (database reads and JSON) plus ~4 s of one zlib thread.
   */
  pollMs?: number;
}

/** The desktop's page size (SYNC_PAGE_SIZE in src/renderer/features/sync/syncDirectory.ts). */
export const DESKTOP_PAGE_LIMIT = 5000;
export const MIN_WARM_LIMIT = 1000;

/** `since` of each page of a walk from 0 over the live seqs `seqs`, at most `maxPages`. */
export function walkSinces(seqs: Float64Array, limit: number, maxPages: number): number[] {
  const sinces: number[] = [];
  for (let since = 0, start = 0; start < seqs.length && sinces.length < maxPages;) {
    sinces.push(since);
    start = upperBound(seqs, since) + limit;
    since = seqs[Math.min(start, seqs.length) - 1]!;
  }
  return sinces;
}

const targetKey = (t: WarmTarget) => `${t.role}|${t.limit}|${t.encoding}`;

export class SyncPageWarmer {
  private readonly fixed: Map<string, WarmTarget>;
  private readonly learned = new Map<string, WarmTarget>(); // least recently seen first
  private readonly delayMs: number;
  private readonly maxLearned: number;
  private readonly maxPages: number;
  private readonly minLimit: number;
  private readonly pollMs: number;
  private poller: NodeJS.Timeout | null = null;
  private walkedHead = '';
  private timer: NodeJS.Timeout | null = null;
  private running: Promise<void> | null = null;
  private again = false;
  private stopped = false;
  private buildsSeen = -1;
  private walks = 0;

  constructor(
    private readonly directory: DirectoryStore,
    private readonly cache: SyncPageCache,
    private readonly log: RefineLog,
    options: WarmerOptions = {},
  ) {
    this.fixed = new Map((options.targets ?? []).map((t) => [targetKey(t), t]));
    this.delayMs = options.delayMs ?? 1000;
    this.maxLearned = options.maxLearned ?? 6;
    this.maxPages = options.maxPages ?? 100;
    this.minLimit = options.minLimit ?? MIN_WARM_LIMIT;
    this.pollMs = options.pollMs ?? 30_000;
  }

  /** Warm the start-up targets (after `delayMs`), then again whenever the head has moved. */
  start(): void {
    this.schedule();
    if (this.pollMs > 0 && !this.poller) {
      this.poller = setInterval(() => void this.poll(), this.pollMs);
      this.poller.unref(); // never what keeps the process alive
    }
  }

  /**
   * After each sync request: learns its target; warms when a page had to be built since the last
   * walk and this request's page has more after it (a desktop walking down the log: a first sync or
   * one far behind). A request for the log's last page (`more` false: a routine sync picking up the
   * latest changes) starts no walk: its page is cached now for every desktop asking the same, and a
   * walk would rebuild every page below (each one's `remaining` moved with the write: ~4 s of event
   * loop at 100k) just as the other desktops' routine syncs come in — measured, it held their head
   * page back ~1 s (bench/incremental.ts). The head check (`pollMs`) warms those pages later.
   */
  requested(target: WarmTarget, more = true): void {
    if (this.stopped) return;
    let fresh = false;
    const key = targetKey(target);
    // Uncompressed pages are not kept above a few hundred kB (syncPage.ts): nothing to warm.
    if (target.limit >= this.minLimit && target.encoding !== 'identity' && !this.fixed.has(key)) {
      fresh = !this.learned.delete(key);
      this.learned.set(key, target);
      for (const old of this.learned.keys()) {
        if (this.learned.size <= this.maxLearned) break;
        this.learned.delete(old);
      }
    }
    if (fresh || (more && this.cache.stats().builds !== this.buildsSeen)) this.schedule();
  }

  /** Stops scheduling; resolves when a walk under way has stopped at its next page. */
  async stop(): Promise<void> {
    this.stopped = true;
    if (this.poller) clearInterval(this.poller);
    this.poller = null;
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    await this.running;
  }

  /** Walks completed (tests, diagnostics). */
  get completedWalks(): number {
    return this.walks;
  }

  /** Resolves when no walk is scheduled or running (tests). */
  async idle(): Promise<void> {
    while (this.timer || this.running) {
      await (this.running ?? new Promise((r) => setTimeout(r, this.delayMs)));
    }
  }

  private async poll(): Promise<void> {
    try {
      const head = await this.directory.headMark();
      if (`${head.seq}|${head.changedAt}` !== this.walkedHead) this.schedule();
    } catch (err) {
      this.log.warn({ err }, 'Sync page warm-up could not read the change log head; it retries at the next check');
    }
  }

  private schedule(): void {
    if (this.stopped) return;
    if (this.running) {
      this.again = true;
      return;
    }
    this.timer ??= setTimeout(() => {
      this.timer = null;
      this.running = this.walk().finally(() => {
        this.running = null;
        if (this.again) {
          this.again = false;
          this.schedule();
        }
      });
    }, this.delayMs);
  }

  private async walk(): Promise<void> {
    const started = performance.now();
    let pages = 0;
    try {
      for (const target of [...this.fixed.values(), ...this.learned.values()]) {
        const head = await this.directory.headMark();
        this.walkedHead = `${head.seq}|${head.changedAt}`;
        const view = await this.directory.changeLogView(head);
        for (const since of walkSinces(view.seqs, target.limit, this.maxPages)) {
          if (this.stopped) return;
          await syncPage(this.directory, this.cache, { since, ...target });
          pages++;
        }
      }
      this.walks++;
      // Once its pages are also re-compressed small: from here a desktop's first sync is served from memory.
      await this.cache.refinesDone();
      this.log.info?.({ pages, ms: Math.round(performance.now() - started) }, 'Sync pages warmed');
    } catch (err) {
      this.log.warn({ err }, 'Sync page warm-up failed; pages are built when desktops ask for them');
    } finally {
      // Builds from here on (by requests) mean something moved: warm again then.
      this.buildsSeen = this.cache.stats().builds;
    }
  }
}
