import 'fake-indexeddb/auto';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { CredentialMeta } from '../../shared/api/credentials.js';
import { CallsignDb, readSyncMeta } from './CallsignDb.js';
import { credentialScopeOf, matchCredentialScope } from './credentialScope.js';

let db: CallsignDb;
let n = 0;
beforeEach(() => {
  db = new CallsignDb(`credential-scope-${++n}`);
});
afterEach(() => db.delete());

const credential = (id: string) => ({ id, siteId: 's1', name: `svc-${id}` }) as unknown as CredentialMeta;
const mark = async () => (await db.meta.get('credentialScope'))?.value;

/** A cache as a sync leaves it: some credentials, sites, a checkpoint; `finished` sets lastSyncAt. */
async function cache({ scope, finished }: { scope?: 0 | 1; finished: boolean }) {
  await db.credentials.bulkPut([credential('c1'), credential('c2')]);
  await db.siteChunks.put({ bucket: 3, records: [] } as never);
  await db.meta.bulkPut([
    { key: 'syncSeq', value: 500 },
    ...(finished ? [{ key: 'lastSyncAt' as const, value: 1_700_000_000_000 }] : []),
    ...(scope === undefined ? [] : [{ key: 'credentialScope' as const, value: scope }]),
  ]);
}

describe('credentialScopeOf', () => {
  it('follows the check-out permission', () => {
    expect(credentialScopeOf('technician')).toBe('none');
    expect(credentialScopeOf('noc')).toBe('all');
    expect(credentialScopeOf('supervisor')).toBe('all');
    expect(credentialScopeOf('admin')).toBe('all');
  });
});

describe('matchCredentialScope', () => {
  it('a role without credentials on a cache synced with them (or before the filter): deletes them, keeps the rest', async () => {
    await cache({ finished: true });
    expect(await matchCredentialScope(db, 'none')).toBe('cleared');
    expect(await db.credentials.count()).toBe(0);
    expect(await db.siteChunks.count()).toBe(1);
    expect((await readSyncMeta(db)).syncSeq).toBe(500);
    expect(await mark()).toBe(0);
    expect(await matchCredentialScope(db, 'none')).toBe('kept');
  });

  it("a technician's first sync into a new cache: only the mark is written", async () => {
    expect(await matchCredentialScope(db, 'none')).toBe('kept');
    expect(await mark()).toBe(0);
  });

  it('a role with credentials on a cache from before the filter: nothing to do', async () => {
    await cache({ finished: true });
    expect(await matchCredentialScope(db, 'all')).toBe('kept');
    expect(await db.credentials.count()).toBe(2);
    expect((await readSyncMeta(db)).syncSeq).toBe(500);
  });

  it('a role with credentials on a finished cache synced without: syncs again from 0 over the cache as it is', async () => {
    await cache({ scope: 0, finished: true });
    expect(await matchCredentialScope(db, 'all')).toBe('resync');
    const meta = await readSyncMeta(db);
    expect(meta.syncSeq).toBe(0);
    expect(meta.lastSyncAt).toBe(1_700_000_000_000); // a routine run: the cache answers meanwhile
    expect(await db.siteChunks.count()).toBe(1);
    expect(await mark()).toBe(1);
    expect(await matchCredentialScope(db, 'all')).toBe('kept');
  });

  it('a role with credentials on an unfinished first sync synced without: starts over from an empty cache', async () => {
    await cache({ scope: 0, finished: false });
    expect(await matchCredentialScope(db, 'all')).toBe('restart');
    expect((await readSyncMeta(db)).syncSeq).toBe(0);
    expect(await db.siteChunks.count()).toBe(0);
    expect(await db.credentials.count()).toBe(0);
    expect(await mark()).toBe(1);
  });
});
