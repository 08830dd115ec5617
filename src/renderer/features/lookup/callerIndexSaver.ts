/**
 * Saves the caller index's phone keys for the next start (db/callerIndexSnapshot.ts): a warm start
 * restores lookups from them in well under a second instead of parsing every number again. A failed
 * save only costs the next start its speed: it is logged, never thrown.
 *
 * One save at a time, each deferred to an idle moment (whenIdle), off the path of a change becoming
 * visible. `save` takes the index to save as a function called when the save runs: it returns
 * undefined when the index no longer holds the cache it was asked for (a sync page was applied
 * meanwhile; the run that applied it saves again). writeIndexSnapshot also refuses a cache that has
 * moved past `atSeq` by the time of the write (in its transaction).
 */
import type { CallerIndex } from '../../../shared/identify/types.js';
import { buildLineTable } from '../../../shared/identify/frozenCallerIndex.js';
import type { CallsignDb } from '../../db/CallsignDb.js';
import { writeIndexSnapshot } from '../../db/callerIndexSnapshot.js';
import { whenIdle } from '../../scheduling/whenIdle.js';

export class CallerIndexSaver {
  private saving: Promise<void> = Promise.resolve();

  save(db: CallsignDb, indexNow: () => CallerIndex | undefined, atSeq?: number): Promise<void> {
    this.saving = this.saving
      .then(() => whenIdle())
      .then(() => {
        const index = indexNow();
        if (!index) return;
        const lines = index.snapshotLines();
        if (!lines) {
          console.warn('Callsign: a directory id or address holds a tab or a newline; the caller index is not saved');
          return;
        }
        // The lookup table too, so the next start's frozen index needs no pass over the lines.
        return writeIndexSnapshot(db, { ...lines, table: buildLineTable(lines.profiles) }, atSeq);
      })
      .then(
        () => undefined,
        (err: unknown) =>
          console.warn('Callsign: could not save the caller index for the next start; it will be rebuilt then', err),
      );
    return this.saving;
  }

  /** Settles when the last requested save has been written (or skipped). */
  whenSaved(): Promise<void> {
    return this.saving;
  }
}
