/**
 * The two builds of a directory load (DirectoryIndexStore's stages 1 and 3), as functions of what
 * they read: each fills new structures in time slices, so lookups keep answering from the old ones
 * between slices, and the store swaps the result in whole (a lookup never sees one half-filled).
 */
import type { ClientProfile, Reference, Site } from '../../../shared/domain/index.js';
import type { DirectorySearch } from '../../../shared/search/index.js';
import type { CallerIndex, KeyMaps } from '../../../shared/identify/types.js';
import { forEachSliced, type TimeSlicer } from '../../scheduling/timeSlice.js';
import type { IndexEngine, LoadProgress } from './DirectoryIndexStore.js';

/** Each progress report re-renders every directory subscriber: a few dozen over a 100k load. */
export const PROGRESS_EVERY = 5000;

export interface ExactBuild {
  index: CallerIndex;
  sites: Map<string, Site>;
  profiles: Map<string, ClientProfile>;
}

/**
 * Stage 1: the records by id and the exact-match index, from the snapshot's phone keys when there
 * are some (`keys`). `byId`: maps that already hold exactly `sites` and `profiles` by id, used as
 * they are (not filled a second time).
 */
export async function buildExact(
  engine: IndexEngine,
  records: { sites: readonly Site[]; profiles: readonly ClientProfile[] },
  keys: KeyMaps | undefined,
  byId: Omit<ExactBuild, 'index'> | undefined,
  slicer: TimeSlicer,
  onProgress: (p: LoadProgress) => void,
): Promise<ExactBuild> {
  const next: ExactBuild = {
    index: engine.createIndex(keys),
    sites: byId?.sites ?? new Map(),
    profiles: byId?.profiles ?? new Map(),
  };
  const kept = byId !== undefined;
  const total = records.sites.length + records.profiles.length;
  let done = 0;
  let unreadable = 0;
  const step = (put: () => void) => {
    // Records are not checked yet (stage 2 does it): one that cannot be indexed is skipped here and
    // reported, dropped and downloaded again by the check.
    try {
      put();
    } catch {
      unreadable++;
    }
    if (++done % PROGRESS_EVERY === 0) onProgress({ stage: 'exact', done, total });
  };
  const putSite = (s: Site) => (kept || next.sites.set(s.id, s), next.index.upsertSite(s));
  const putProfile = (p: ClientProfile) => (kept || next.profiles.set(p.id, p), next.index.upsertProfile(p));
  await forEachSliced(records.sites, (s) => step(() => putSite(s)), slicer);
  await forEachSliced(records.profiles, (p) => step(() => putProfile(p)), slicer);
  if (unreadable)
    console.warn(`Callsign: ${unreadable} cached record(s) could not be indexed; the cache check repairs them`);
  return next;
}

/** Stage 3: fills `search` (a new, empty type-ahead index) with every site, person and reference. */
export async function buildNames(
  search: DirectorySearch,
  records: { sites: Map<string, Site>; profiles: Map<string, ClientProfile>; references: readonly Reference[] },
  slicer: TimeSlicer,
  onProgress: (p: LoadProgress) => void,
): Promise<void> {
  const total = records.sites.size + records.profiles.size + records.references.length;
  let done = 0;
  const tick = () => {
    if (++done % PROGRESS_EVERY === 0) onProgress({ stage: 'names', done, total });
  };
  await forEachSliced(records.sites.values(), (s) => (search.upsertSite(s), tick()), slicer);
  await forEachSliced(records.profiles.values(), (p) => (search.upsertProfile(p), tick()), slicer);
  await forEachSliced(records.references, (r) => (search.upsertReference(r), tick()), slicer);
}
