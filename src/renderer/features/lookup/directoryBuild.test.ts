import { afterEach, describe, expect, it, vi } from 'vitest';
import type { ClientProfile, Site } from '../../../shared/domain/index.js';
import { createCallerIndex, identifyCaller } from '../../../shared/identify/index.js';
import type { CallerLookup } from '../../../shared/identify/types.js';
import { createDirectorySearch } from '../../../shared/search/index.js';
import type { TimeSlicer } from '../../scheduling/timeSlice.js';
import { buildExact, buildNames, PROGRESS_EVERY } from './directoryBuild.js';
import type { IndexEngine, LoadProgress } from './DirectoryIndexStore.js';

/** The profile ids a lookup of `input` finds (none when it fails). */
const found = (index: CallerLookup, input: string) => {
  const outcome = identifyCaller(index, input);
  return outcome.ok ? outcome.result.candidates.map((c) => c.profileId) : [];
};

const engine: IndexEngine = { createIndex: (keys) => createCallerIndex(keys), identify: identifyCaller };
/** Never due: the whole build runs in one go (slicing has its own tests: timeSlice.test.ts). */
const noSlices: TimeSlicer = { due: () => false, pause: () => Promise.resolve() };

const site: Site = {
  id: 's1',
  name: 'Seattle',
  companyName: 'Northwind',
  mainPhones: ['(206) 555-0100'],
  country: 'US',
} as Site;
const person = (i: number): ClientProfile =>
  ({
    id: `p${i}`,
    siteId: 's1',
    firstName: `Dana${i}`,
    lastName: 'Reyes',
    email: `p${i}@northwind.test`,
    phones: [{ number: `+1 206 555 ${String(1000 + (i % 9000)).padStart(4, '0')}`, type: 'mobile' }],
  }) as ClientProfile;

afterEach(() => vi.restoreAllMocks());

describe('buildExact', () => {
  it('indexes every record, reports progress every PROGRESS_EVERY records, and fills the maps by id', async () => {
    const profiles = Array.from({ length: PROGRESS_EVERY * 2 + 7 }, (_, i) => person(i));
    const progress: LoadProgress[] = [];
    const built = await buildExact(engine, { sites: [site], profiles }, undefined, undefined, noSlices, (p) =>
      progress.push(p),
    );
    expect(built.sites.get('s1')).toBe(site);
    expect(built.profiles.size).toBe(profiles.length);
    expect(found(built.index, '+1 206 555 1003')).toContain('p3');
    expect(progress).toEqual([
      { stage: 'exact', done: PROGRESS_EVERY, total: profiles.length + 1 },
      { stage: 'exact', done: PROGRESS_EVERY * 2, total: profiles.length + 1 },
    ]);
  });

  it('skips a record it cannot index, says how many, and indexes the rest (the cache check repairs it)', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const broken = { ...person(2), phones: null } as unknown as ClientProfile;
    const built = await buildExact(
      engine,
      { sites: [site], profiles: [person(1), broken] },
      undefined,
      undefined,
      noSlices,
      () => {},
    );
    expect(found(built.index, '+1 206 555 1001')).toEqual(['p1']);
    expect(warn).toHaveBeenCalledWith(expect.stringMatching(/1 cached record\(s\) could not be indexed/));
  });

  it('uses the maps it is given as they are, without filling them again', async () => {
    const byId = { sites: new Map([[site.id, site]]), profiles: new Map<string, ClientProfile>() };
    const built = await buildExact(
      engine,
      { sites: [site], profiles: [person(1)] },
      undefined,
      byId,
      noSlices,
      () => {},
    );
    expect(built.sites).toBe(byId.sites);
    expect(built.profiles.size).toBe(0);
    expect(found(built.index, '+1 206 555 1001')).toEqual(['p1']);
  });
});

describe('buildNames', () => {
  it('fills the type-ahead with sites, people and references, reporting progress as it goes', async () => {
    const search = createDirectorySearch();
    const profiles = new Map(Array.from({ length: PROGRESS_EVERY }, (_, i) => [`p${i}`, person(i)] as const));
    const progress: LoadProgress[] = [];
    const references = [{ id: 'r1', subject: 'Printer on floor 3', tags: ['printer'] }] as never[];
    await buildNames(search, { sites: new Map([[site.id, site]]), profiles, references }, noSlices, (p) =>
      progress.push(p),
    );
    expect(search.search('Seattle').map((h) => h.id)).toEqual(['s1']);
    expect(search.search('Dana42 Reyes').map((h) => h.id)).toContain('p42');
    expect(search.search('printer', { kinds: ['reference'] }).map((h) => h.id)).toEqual(['r1']);
    expect(progress).toEqual([{ stage: 'names', done: PROGRESS_EVERY, total: PROGRESS_EVERY + 2 }]);
  });
});
