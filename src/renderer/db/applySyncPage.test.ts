import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AppError } from '../../shared/api/errors.js';
import { CallsignDb, readSyncMeta } from './CallsignDb.js';
import { applySyncPage } from './applySyncPage.js';
import { ClientProfile as ClientProfileSchema } from '../../shared/domain/index.js';
import { allProfiles, profilesOfSite } from './profileBundles.js';
import { allSites, getSite } from './siteChunks.js';

/** Applies a page the way sync does, with a profile locator kept in step (the directory's job in the app). */
const where = new Map<string, string>();
async function apply(db: CallsignDb, raw: unknown) {
  const r = await applySyncPage(db, raw, (id) => where.get(id));
  for (const p of r.profiles.put) where.set(p.id, p.siteId);
  for (const id of r.profiles.deleted) where.delete(id);
  return r;
}

const site = {
  id: 's1',
  name: 'Northwind — Seattle',
  companyName: 'Northwind Traders',
  mainPhones: ['+1 206 555 0100'],
  country: 'US',
};
const profile = {
  id: 'p1',
  siteId: 's1',
  firstName: 'Dana',
  lastName: 'Reyes',
  email: 'dana@northwind.test',
  phones: [{ number: '+1 206 555 0101', type: 'mobile' }],
};

let db: CallsignDb;
let n = 0;
beforeEach(async () => {
  db = new CallsignDb(`test-${++n}`);
  await db.open();
});
afterEach(async () => {
  await db.delete();
});

const page = (seq: number, changes: unknown[], more = false) => ({
  seq,
  more,
  remaining: 0,
  maxAgeSeconds: 86400,
  changes,
});

async function snapshot() {
  return { sites: await allSites(db), profiles: await allProfiles(db), meta: await db.meta.toArray() };
}

describe('applySyncPage', () => {
  it('applies a good page and stores seq + maxAge', async () => {
    const r = await apply(
      db,
      page(2, [
        { seq: 1, kind: 'site', id: 's1', op: 'upsert', data: site },
        { seq: 2, kind: 'profile', id: 'p1', op: 'upsert', data: profile },
      ]),
    );
    expect(r.count).toBe(2);
    expect(r.profiles.put[0]).toMatchObject({ firstName: 'Dana', thinClient: false });
    expect(await getSite(db, 's1')).toMatchObject({ companyName: 'Northwind Traders', rmmAgentOptIn: false });
    expect(await profilesOfSite(db, 's1')).toHaveLength(1);
    expect(await readSyncMeta(db)).toMatchObject({ syncSeq: 2, maxAgeSeconds: 86400 });
  });

  it('rejects a malformed page with an AppError naming the field and leaves the cache as it was', async () => {
    await apply(db, page(1, [{ seq: 1, kind: 'site', id: 's1', op: 'upsert', data: site }]));
    const before = await snapshot();
    const bad = page(3, [
      { seq: 2, kind: 'profile', id: 'p1', op: 'upsert', data: profile },
      { seq: 3, kind: 'site', id: 's2', op: 'upsert', data: { ...site, id: 's2', country: 'usa' } },
    ]);
    const err = await apply(db, bad).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AppError);
    expect((err as AppError).field).toMatch(/^syncPage\.changes\.1/);
    expect(await snapshot()).toEqual(before);
  });

  it('advances seq in the same transaction as the data (a failing write rolls both back)', async () => {
    await apply(db, page(1, [{ seq: 1, kind: 'site', id: 's1', op: 'upsert', data: site }]));
    const before = await snapshot();
    const orig = db.siteProfiles.bulkPut.bind(db.siteProfiles);
    db.siteProfiles.bulkPut = (() =>
      Promise.reject(new Error('disk full'))) as unknown as typeof db.siteProfiles.bulkPut;
    await expect(
      apply(
        db,
        page(3, [
          { seq: 2, kind: 'site', id: 's1', op: 'upsert', data: { ...site, name: 'Changed' } },
          { seq: 3, kind: 'profile', id: 'p1', op: 'upsert', data: profile },
        ]),
      ),
    ).rejects.toThrow('disk full');
    db.siteProfiles.bulkPut = orig;
    expect(await snapshot()).toEqual(before);
  });

  it('removes tombstoned records and keeps the last change of an id', async () => {
    await apply(
      db,
      page(2, [
        { seq: 1, kind: 'site', id: 's1', op: 'upsert', data: site },
        { seq: 2, kind: 'profile', id: 'p1', op: 'upsert', data: profile },
      ]),
    );
    const r = await apply(
      db,
      page(5, [
        { seq: 3, kind: 'profile', id: 'p1', op: 'delete' },
        { seq: 4, kind: 'profile', id: 'p2', op: 'upsert', data: { ...profile, id: 'p2' } },
        { seq: 5, kind: 'profile', id: 'p2', op: 'delete' },
      ]),
    );
    expect(r.profiles.deleted).toEqual(['p1', 'p2']);
    expect(await allProfiles(db)).toHaveLength(0);
    expect((await readSyncMeta(db)).syncSeq).toBe(5);
  });

  it('ignores a page older than what is applied', async () => {
    await apply(db, page(5, [{ seq: 5, kind: 'site', id: 's1', op: 'upsert', data: site }]));
    const r = await apply(db, page(3, [{ seq: 3, kind: 'site', id: 's1', op: 'delete' }]));
    expect(r.count).toBe(0);
    expect((await allSites(db)).length).toBe(1);
    expect((await readSyncMeta(db)).syncSeq).toBe(5);
  });

  it('stores credential metadata by id with a site index, and removes tombstoned ones', async () => {
    const cred = (id: string, siteId: string, heldBy?: string) => ({
      id,
      siteId,
      name: `Account ${id}`,
      category: 'server',
      accountType: 'domain',
      domain: 'corp.northwind.test',
      username: `svc-${id}`,
      kind: 'dynamic',
      resources: ['NW-FS01'],
      backOfficeAccess: true,
      driver: 'simulated-agent',
      lease: heldBy ? { heldBy, heldById: 'u2', until: '2026-03-01T10:03:00.000Z' } : null,
      rotation: { state: 'ok', at: null },
    });
    const r = await apply(
      db,
      page(3, [
        { seq: 1, kind: 'credential', id: 'c1', op: 'upsert', data: cred('c1', 's1') },
        { seq: 2, kind: 'credential', id: 'c2', op: 'upsert', data: cred('c2', 's2') },
        { seq: 3, kind: 'credential', id: 'c1', op: 'upsert', data: cred('c1', 's1', 'Nia Noc') },
      ]),
    );
    expect(r.credentials.put.map((c) => c.id)).toEqual(['c2', 'c1']);
    const ofSite = await db.credentials.where('siteId').equals('s1').toArray();
    expect(ofSite).toHaveLength(1);
    expect(ofSite[0]).toMatchObject({ username: 'svc-c1', lease: { heldBy: 'Nia Noc' }, description: '' });
    await apply(db, page(4, [{ seq: 4, kind: 'credential', id: 'c1', op: 'delete' }]));
    expect(await db.credentials.get('c1')).toBeUndefined();
    expect(await db.credentials.count()).toBe(1);
    expect((await readSyncMeta(db)).syncSeq).toBe(4);
  });

  it('writes a page of records as the server sends them, and one lacking defaults as zod fills them', async () => {
    const full = ClientProfileSchema.parse(profile);
    const { thinClient: _default, ...lacking } = full;
    await apply(
      db,
      page(2, [
        { seq: 1, kind: 'profile', id: 'p1', op: 'upsert', data: full },
        { seq: 2, kind: 'profile', id: 'p2', op: 'upsert', data: { ...lacking, id: 'p2' } },
      ]),
    );
    expect(await profilesOfSite(db, 's1')).toEqual([full, { ...full, id: 'p2' }]);
  });
});
