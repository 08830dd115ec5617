/**
 * A sync page's cursor for `sync.pullBytes`: read from the server's `SYNC_CURSOR_HEADER` (JSON of four
 * numbers) so main does not parse a 2 MB page for it, or from the page itself when the header is
 * absent (a server from before it) or unreadable (logged). The sync checks the cursor against the
 * page it writes (renderer syncDirectory.ts), so a header that lies stops the run at the checkpoint.
 */
import { AppError } from '../../shared/api/errors.js';
import { SyncCursor, SyncPageCursor } from '../../shared/api/sync.js';
import { safeJson } from '../safeJson.js';

export function syncCursorOf(header: string | null, bytes: Uint8Array, origin = 'the server'): SyncCursor {
  if (header !== null) {
    const parsed = SyncCursor.safeParse(safeJson(header));
    if (parsed.success) return parsed.data;
    console.warn(`Callsign: ${origin} sent an unreadable sync cursor header; the page is read for it instead`);
  }
  const page = safeJson(new TextDecoder().decode(bytes));
  if (page === undefined)
    throw new AppError('internal', `The sync page from ${origin} was not readable JSON; sync will fetch it again.`);
  const { seq, more, remaining, changes } = SyncPageCursor.parse(page);
  return { seq, more, remaining, count: changes.length };
}
