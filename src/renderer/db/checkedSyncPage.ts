import type { SyncPage } from '../../shared/api/sync.js';

/**
 * A sync page this app's own code has already validated against `SyncPage` (the page check worker:
 * features/sync/worker/pageChecks.ts), so the writer does not validate it a second time. Only code in
 * this realm can make one: anything that arrives in a message is a structured clone, a plain object,
 * never an instance of this class, so a page from outside is always validated.
 */
export class CheckedSyncPage {
  constructor(readonly page: SyncPage) {}
}
