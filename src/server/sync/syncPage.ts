/**
 * Builds the `GET /v1/sync` answer (SyncPage in src/shared/api) as bytes ready to send: JSON
 * assembled from the stored record text without re-parsing, compressed for the client, with a
 * strong ETag, and kept in a SyncPageCache.
 *
 * Why a page can be cached: `changes` holds one row per record, and every write replaces the
 * record's row with a new, never reused seq above the head (DirectoryStore's `writeChange`, the bulk
 * load, the credential feed, bundle imports). So the seqs a page covers — read from the in-memory
 * seq list, not the table — determine its rows and their data: a delete, an update or a bundle
 * import that touches a record in the page removes its seq from the page's range and gives the page
 * a new key. `remaining` (changes after the page, for progress bars) is in the body too, so a write
 * at the head also changes every page's key; pages are then rebuilt once each. A workspace reset
 * reuses seqs: ChangeCounter's epoch, part of the key, tells them apart. The caller's role is part
 * of the key so a role-filtered kind can never be served to another role from the cache.
 */
import { createHash } from 'node:crypto';
import { promisify } from 'node:util';
import { brotliCompress, brotliDecompress, constants, gunzip, gzip } from 'node:zlib';
import type { ChangeRow, DirectoryStore } from '../directory/DirectoryStore.js';
import { upperBound } from '../directory/ChangeCounter.js';
import type { ContentEncoding } from '../http/acceptEncoding.js';
import type { BuiltPage, PageBuild, SyncPageCache } from './SyncPageCache.js';
import type { SyncCursor } from '../../shared/api/sync.js';
import { Role } from '../../shared/api/auth.js';
import { hasPermission } from '../../shared/auth/permissions.js';
import { CREDENTIAL_KIND } from '../vault/credentialFeed.js';

/** A client that has not synced for this long should start again from 0. */
export const SYNC_MAX_AGE_SECONDS = 86_400;

/** Below this, compression costs more than the bytes it saves. */
const MIN_COMPRESS_BYTES = 1024;
/**
 * Per coding: `fast` for a page a request is waiting for, `small` for its background re-compression
 * (SyncPageCache). Measured on the 100k-profile bench directory (1.8 MB JSON pages, 2 cores under
 * load): brotli 1 ~12 ms for 250 kB, brotli 5 ~100–250 ms for 190 kB (~9× smaller than the JSON, ~4×
 * faster than quality 9 for ~10% more bytes); gzip 1 ~15 ms, gzip 6 ~50 ms for ~20% fewer bytes.
 */
const LEVELS = {
  br: {
    fast: { [constants.BROTLI_PARAM_QUALITY]: 1 },
    small: { [constants.BROTLI_PARAM_QUALITY]: 5 },
  },
  gzip: { fast: 1, small: 6 },
} as const;

/**
 * Uncompressed pages above this are served but not kept: only tools and tests ask for them (the
 * desktop sends `br, gzip`), and at ~10× the bytes of a brotli page one walk of them would evict
 * the pages the desktops use from the byte-bounded cache.
 */
const MAX_KEPT_IDENTITY_BYTES = 256 * 1024;

const brotli = promisify(brotliCompress);
const brotliDecode = promisify(brotliDecompress);
const gzipAsync = promisify(gzip);
const gunzipAsync = promisify(gunzip);

export interface PageRequest {
  since: number;
  limit: number;
  role: string;
  encoding: ContentEncoding;
}

/** The page's bytes, and whether more pages follow it (false: the log's last page, a routine sync's). */
export type PageAnswer = (BuiltPage & { more: boolean }) | { tooNew: number };

function changeJson(r: ChangeRow): string {
  const head = `{"seq":${r.seq},"kind":${JSON.stringify(r.kind)},"id":${JSON.stringify(r.record_id)}`;
  return r.op === 'upsert' && r.data !== null ? `${head},"op":"upsert","data":${r.data}}` : `${head},"op":"delete"}`;
}

/**
 * Whether `role` is sent the vault's credential metadata: only roles that may check credentials
 * out (the same permission as `GET /v1/sites/:id/credentials`). A technician's cache never holds
 * the list of privileged accounts. Their pages still cover the same seqs (the cursor moves past the
 * credentials), so `remaining` counts them too: a progress figure, a few records off at most.
 */
export function receivesCredentials(role: string): boolean {
  const known = Role.safeParse(role);
  return known.success && hasPermission(known.data, 'credentials.checkout');
}

/** The rows of a page `role` is sent (see receivesCredentials). */
function visibleTo(role: string, rows: readonly ChangeRow[]): readonly ChangeRow[] {
  return receivesCredentials(role) ? rows : rows.filter((r) => r.kind !== CREDENTIAL_KIND);
}

/** The page's JSON, and its cursor (the same fields, for the header). */
function pageJson(seq: number, remaining: number, rows: readonly ChangeRow[]): { json: string; cursor: SyncCursor } {
  const cursor = { seq, more: remaining > 0, remaining, count: rows.length };
  const json = `{"seq":${seq},"more":${cursor.more},"remaining":${remaining},"maxAgeSeconds":${SYNC_MAX_AGE_SECONDS},"changes":[${rows.map(changeJson).join(',')}]}`;
  return { json, cursor };
}

function compress(raw: Buffer, encoding: 'br' | 'gzip', effort: 'fast' | 'small'): Promise<Buffer> {
  return encoding === 'br'
    ? brotli(raw, { params: { ...LEVELS.br[effort], [constants.BROTLI_PARAM_SIZE_HINT]: raw.length } })
    : gzipAsync(raw, { level: LEVELS.gzip[effort] });
}

/**
 * The page's bytes for `wanted`, compressed `fast` (with a `refine` to the small coding) or `small`.
 *
 * ETag: the hash of the JSON and the coding, the same for the fast and the small bytes. It is weak
 * (`W/`) for compressed pages because the bytes behind it change when the refinement lands while
 * the decoded JSON does not — exactly what a weak validator promises (RFC 9110 §8.8.1), and what
 * a client revalidating a page it got fast must hear: 304, not the same JSON again. If-None-Match
 * compares weakly, so 304s work the same. br and gzip keep distinct tags (their bytes differ).
 */
async function encode(
  { json, cursor }: { json: string; cursor: SyncCursor },
  wanted: ContentEncoding,
  effort: 'fast' | 'small',
): Promise<PageBuild> {
  const raw = Buffer.from(json, 'utf8');
  const hash = createHash('sha256').update(raw).digest('base64url').slice(0, 27);
  if (raw.length < MIN_COMPRESS_BYTES || wanted === 'identity') {
    const keep = raw.length <= MAX_KEPT_IDENTITY_BYTES;
    return { page: { body: raw, etag: `"${hash}"`, encoding: 'identity', cursor }, keep };
  }
  const etag = `W/"${hash}.${wanted}"`;
  const body = await compress(raw, wanted, effort);
  if (effort === 'small') return { page: { body, etag, encoding: wanted, cursor }, keep: true };
  // The refinement decodes the fast bytes (~1/10 of the cost of the small coding) rather than hold
  // the JSON: a queued job then holds only what the cache holds anyway.
  const run = async (): Promise<BuiltPage> => {
    const json = await (wanted === 'br' ? brotliDecode(body) : gunzipAsync(body));
    return { body: await compress(json, wanted, 'small'), etag, encoding: wanted, cursor };
  };
  return { page: { body, etag, encoding: wanted, cursor }, keep: true, refine: { bytesHeld: body.length, run } };
}

/** The page for `req`, from `cache` when the change log has not moved under it. */
export async function syncPage(directory: DirectoryStore, cache: SyncPageCache, req: PageRequest): Promise<PageAnswer> {
  const { since, limit } = req;
  const head = await directory.headMark();
  if (since > head.seq) return { tooNew: head.seq };
  const view = await directory.changeLogView(head);
  const start = upperBound(view.seqs, since);
  const count = Math.min(limit, view.seqs.length - start);
  if (count === 0) return { ...(await encode(pageJson(since, 0, []), req.encoding, 'small')).page, more: false };
  if (!view.exact) return uncached(directory, req);

  const first = view.seqs[start]!;
  const last = view.seqs[start + count - 1]!;
  const remaining = view.seqs.length - start - count;
  const key = [view.epoch, req.role, since, limit, first, last, count, remaining, req.encoding].join('|');
  const page = await cache.get(key, view.epoch, async () => {
    const rows = await directory.changesSince(since, limit);
    const matches = rows.length === count && rows[0]?.seq === first && rows[count - 1]?.seq === last;
    if (!matches) return { page: await fromRows(directory, rows, req), keep: false }; // written meanwhile
    return encode(pageJson(last, remaining, visibleTo(req.role, rows)), req.encoding, 'fast');
  });
  return { ...page, more: remaining > 0 };
}

/** Straight from the database, for a change log that moved while it was read. */
async function uncached(directory: DirectoryStore, req: PageRequest): Promise<PageAnswer> {
  return fromRows(directory, await directory.changesSince(req.since, req.limit), req);
}

async function fromRows(
  directory: DirectoryStore,
  rows: readonly ChangeRow[],
  req: PageRequest,
): Promise<BuiltPage & { more: boolean }> {
  const seq = rows.length > 0 ? rows[rows.length - 1]!.seq : req.since;
  const remaining = rows.length > 0 ? await directory.countChangesAfter(seq) : 0;
  const page = pageJson(seq, remaining, visibleTo(req.role, rows));
  return { ...(await encode(page, req.encoding, 'small')).page, more: remaining > 0 };
}
