/**
 * Test helpers: a fake server's sync pages over a fixed change log (both `sync.pull` and, for a
 * sync with a writer, `sync.pullBytes`), and a directory store with the real caller index.
 */
import { vi } from 'vitest';
import { AppError } from '../../../shared/api/errors.js';
import type { Change, SyncPage } from '../../../shared/api/sync.js';
import { createCallerIndex, identifyCaller } from '../../../shared/identify/index.js';
import { DirectoryIndexStore } from '../lookup/DirectoryIndexStore.js';
import type { syncDirectory } from './syncDirectory.js';

/** `failAfter`: pages served before the server refuses every pull (a `bad_request`: not retried). */
export function fakeSyncApi(changes: readonly Change[], { failAfter = Infinity } = {}) {
  let served = 0;
  const invoke = vi.fn(async (channel: string, { since, limit }: { since: number; limit: number }) => {
    if (served++ >= failAfter) throw new AppError('bad_request', 'Refused.');
    const rest = changes.filter((c) => c.seq > since);
    const changed = rest.slice(0, limit);
    const page: SyncPage = {
      seq: changed.at(-1)?.seq ?? since,
      more: rest.length > limit,
      remaining: Math.max(0, rest.length - limit),
      maxAgeSeconds: 3600,
      changes: changed,
    };
    // With a writer the renderer asks for the page's bytes (main passes the server's JSON on).
    if (channel !== 'sync.pullBytes') return page;
    const { seq, more, remaining } = page;
    return { seq, more, remaining, count: changed.length, bytes: new TextEncoder().encode(JSON.stringify(page)) };
  });
  return { invoke } as unknown as Parameters<typeof syncDirectory>[0]['api'];
}

export const newTestDirectory = () =>
  new DirectoryIndexStore({ createIndex: createCallerIndex, identify: identifyCaller });

/** The ids a lookup of `input` answers with (profile, else site), or its error code. */
export function foundIds(d: DirectoryIndexStore, input: string) {
  const r = d.identify(input);
  return r.ok ? r.result.candidates.map((c) => c.profileId ?? c.siteId) : r.error.code;
}
