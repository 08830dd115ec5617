import { z } from 'zod';
import { Site, ClientProfile, Reference } from '../domain/index.js';
import { SitePolicyRecord } from './approvals.js';
import { CredentialMeta } from './credentials.js';

/** Kinds of directory records carried by delta sync. */
export const RecordKind = z.enum(['site', 'profile', 'reference', 'policy', 'contact', 'software', 'credential']);
export type RecordKind = z.infer<typeof RecordKind>;

const upsert = <K extends string, S extends z.ZodType>(kind: K, data: S) =>
  z.object({
    seq: z.number().int().positive(),
    kind: z.literal(kind),
    id: z.string().min(1),
    op: z.literal('upsert'),
    data,
  });

/**
 * One change. `delete` is a tombstone: the record is gone on the server.
 *
 * Discriminated (by `op`, then `kind`) rather than a plain union: a plain union tries a change against
 * every upsert shape in turn, so a profile was first checked field by field as a site. Validating a
 * 5,000-profile sync page took twice as long (measured: ~64 ms → ~36 ms in Node), on every desktop's
 * sync worker and in every first sync of 100k records.
 */
export const Change = z.discriminatedUnion('op', [
  z.discriminatedUnion('kind', [
    upsert('site', Site),
    upsert('profile', ClientProfile),
    upsert('reference', Reference),
    /** A site's approval rules; id = siteId. */
    upsert('policy', SitePolicyRecord),
    upsert('contact', z.record(z.string(), z.unknown())),
    upsert('software', z.record(z.string(), z.unknown())),
    /** A vault account's metadata and lease state (never its secret); id = credential id. */
    upsert('credential', CredentialMeta),
  ]),
  z.object({ seq: z.number().int().positive(), kind: RecordKind, id: z.string().min(1), op: z.literal('delete') }),
]);
export type Change = z.infer<typeof Change>;

export const SyncQuery = z.object({
  since: z.coerce.number().int().nonnegative().default(0),
  limit: z.coerce.number().int().min(1).max(20000).default(5000),
});
export type SyncQuery = z.infer<typeof SyncQuery>;

/**
 * `GET /v1/sync?since=&limit=` — changes with seq > since, ascending. `seq` is the last seq in the
 * page (or `since` when empty); `remaining` counts changes after this page, for progress bars.
 */
const SyncPageFields = z.object({
  seq: z.number().int().nonnegative(),
  more: z.boolean(),
  remaining: z.number().int().nonnegative(),
  maxAgeSeconds: z.number().int().positive(),
  changes: z.array(Change),
});

/** True when every change's seq is greater than the one before it (a sync page's order). */
export const changesInOrder = (changes: readonly { seq: number }[]): boolean =>
  changes.every((c, i) => i === 0 || c.seq > changes[i - 1]!.seq);

export const SyncPage = SyncPageFields.refine((p) => changesInOrder(p.changes), {
  message: 'changes must be in strictly increasing seq order',
  path: ['changes'],
});
export type SyncPage = z.infer<typeof SyncPage>;

/** A sync page with its changes left unchecked (parseSyncPage.ts checks them one by one). */
export const SyncPageEnvelope = SyncPageFields.extend({ changes: z.array(z.unknown()) });

/**
 * A sync page's cursor fields, read by main for `sync.pullBytes` (the changes themselves are validated
 * by the sync worker, against `SyncPage`, before anything is written).
 */
export const SyncPageCursor = SyncPageFields.pick({ seq: true, more: true, remaining: true }).extend({
  changes: z.array(z.unknown()),
});

/**
 * A sync page's cursor as the server also sends it beside the page, in the `SYNC_CURSOR_HEADER`
 * header (JSON): main reads it there instead of parsing a 2 MB page for four numbers (~25 ms a page
 * of CPU a first sync shares with the renderer). `count` is the number of changes in the page. The
 * sync checks it against the page it writes (syncDirectory.ts).
 */
export const SyncCursor = z.object({
  seq: z.number().int().nonnegative(),
  more: z.boolean(),
  remaining: z.number().int().nonnegative(),
  count: z.number().int().nonnegative(),
});
export type SyncCursor = z.infer<typeof SyncCursor>;
export const SYNC_CURSOR_HEADER = 'callsign-sync-cursor';

/**
 * A page for the desktop's sync worker (IPC `sync.pullBytes`): main reads the page's cursor (from its
 * header) and passes the server's JSON on as the UTF-8 bytes it received, so neither main nor the
 * renderer decodes, parses or clones 5,000 records; the worker parses, validates and writes them.
 * Bytes, not a string: a string crossed the web bridge inside a JSON envelope, escaped by main and
 * parsed a second time by the worker (57 MB of text a 100k first sync); bytes cross it as a binary
 * frame (shared/ipc/binaryFrame.ts) and Electron IPC as they are.
 */
export interface SyncPageBytes {
  seq: number;
  more: boolean;
  remaining: number;
  /** Number of changes in the page. */
  count: number;
  /** The page (a `SyncPage`) as UTF-8 JSON. */
  bytes: Uint8Array;
}
