/**
 * Validates a sync page as `SyncPage` does, fast: each change the server sent exactly as its schema
 * parses it (canonical.ts) is taken as it is, and only the others go through zod. The result equals
 * `SyncPage.parse(raw)`; an invalid page throws the same AppError as `parseOrThrow(SyncPage, …)`,
 * worded by zod over the whole page.
 *
 * Why: a 100k first sync validates 130k changes in the sync worker; with zod alone that was ~2.6 s of
 * CPU (20 µs a change, zod's JIT being off under the CSP), on a 2-core machine where every thread is
 * busy during the sync (bench:lookup).
 */
import { parseOrThrow } from './errors.js';
import { canonicalCheck } from './canonical.js';
import { Change, SyncPage, SyncPageEnvelope, changesInOrder } from './sync.js';

const envelopeIsCanonical = canonicalCheck(SyncPageEnvelope);
const changeIsCanonical = canonicalCheck(Change);

/**
 * The page as `SyncPage` parses it, or an AppError naming the field under `prefix`. May return `raw`
 * itself (not a copy) when it is canonical: pass a value nothing else holds (a page just parsed from JSON).
 */
export function parseSyncPage(raw: unknown, prefix = 'syncPage'): SyncPage {
  if (!envelopeIsCanonical(raw)) return parseOrThrow(SyncPage, raw, prefix);
  const page = raw as SyncPage;
  let changes = page.changes;
  for (let i = 0; i < changes.length; i++) {
    if (changeIsCanonical(changes[i])) continue;
    const parsed = Change.safeParse(changes[i]);
    // A bad change: zod words the error over the whole page, exactly as a full parse does.
    if (!parsed.success) return parseOrThrow(SyncPage, raw, prefix);
    if (changes === page.changes) changes = [...changes];
    changes[i] = parsed.data;
  }
  if (!changesInOrder(changes)) return parseOrThrow(SyncPage, raw, prefix);
  return changes === page.changes ? page : { ...page, changes };
}
