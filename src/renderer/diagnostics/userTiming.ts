/**
 * User Timing for the sync and the directory load: each step is a `performance.measure` (or a mark),
 * which the benches read back by name (bench/lookup.ts: `performance.getEntriesByName`) and which
 * shows in a DevTools performance trace. The same calls work on the main thread and in the sync
 * worker. Diagnostics only: a runtime that refuses an entry costs the figures, never the work. That
 * is logged once, not once per sync page.
 */
let warned = false;

function unavailable(err: unknown): void {
  if (warned) return;
  warned = true;
  console.warn('Callsign: user timing is unavailable here; sync and load timings are not recorded', err);
}

/** Records `name` from `start` to `end` (both `performance.now()` readings). */
export function measure(name: string, start: number, end: number): void {
  try {
    performance.measure(name, { start, end });
  } catch (err) {
    unavailable(err);
  }
}

/** Records the moment `name` happened (for "how long since navigation start" figures). */
export function mark(name: string): void {
  try {
    performance.mark(name);
  } catch (err) {
    unavailable(err);
  }
}
