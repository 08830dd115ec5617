/**
 * Route tests of syncRoutes.ts for the built-page cache (sync/syncPage.ts): compression, ETag/304,
 * a page rebuilt whenever anything it covers changes, one build for many concurrent requests.
 * Every check compares the served page with the database's own answer (`changesSince`).
 */
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { SyncPage } from '../../shared/api/index.js';
import { writeChange } from '../directory/DirectoryStore.js';
import { bearer, createTestApp, TEST_PASSWORD, type TestApp } from '../testing/createTestApp.js';

let t: TestApp;
afterEach(() => t?.close());

let clock = Date.now();
const site = (id: string, name = `Site ${id}`) => ({
  id,
  name,
  companyName: `Company of ${id} with a name long enough to make pages worth compressing`,
  country: 'US',
  callerGreeting: `Thank you for calling the help desk for ${name}, how can I help?`,
});

async function setUp(sites = 30): Promise<{ tech: string; supervisor: string }> {
  t = await createTestApp({ seed: false, now: () => clock });
  for (const [email, role] of [
    ['tech@x.test', 'technician'],
    ['sup@x.test', 'supervisor'],
  ] as const) {
    await t.services.users.create({ email, name: email, role, password: TEST_PASSWORD });
  }
  for (let i = 1; i <= sites; i++) await t.services.directory.upsertSite(site(`s${String(i).padStart(3, '0')}`));
  return { tech: (await t.login('tech@x.test')).accessToken, supervisor: (await t.login('sup@x.test')).accessToken };
}

async function get(query: string, token: string, headers: Record<string, string> = {}) {
  const res = await t.app.inject({
    method: 'GET',
    url: `/v1/sync?${query}`,
    headers: { ...bearer(token), ...headers },
  });
  const encoding = res.headers['content-encoding'];
  const raw = res.rawPayload;
  const text =
    encoding === 'br'
      ? brotliDecompressSync(raw).toString()
      : encoding === 'gzip'
        ? gunzipSync(raw).toString()
        : raw.toString();
  return {
    res,
    encoding,
    wireBytes: raw.length,
    text,
    page: res.statusCode === 200 ? SyncPage.parse(JSON.parse(text)) : null,
  };
}

/** The page as the database has it now, for comparison with what was served. */
async function truth(since: number, limit: number) {
  const rows = await t.services.directory.changesSince(since, limit);
  return rows.map((r) => ({
    seq: r.seq,
    id: r.record_id,
    op: r.op,
    data: r.data === null ? undefined : JSON.parse(r.data),
  }));
}

const served = (page: SyncPage | null) =>
  page!.changes.map((c) => ({ seq: c.seq, id: c.id, op: c.op, data: 'data' in c ? c.data : undefined }));

describe('GET /v1/sync compression', () => {
  it('sends brotli or gzip when asked, the same JSON as uncompressed, with Vary', async () => {
    const { tech } = await setUp();
    const plain = await get('since=0&limit=20', tech);
    expect(plain.encoding).toBeUndefined();
    for (const [accept, expected] of [
      ['gzip, deflate, br', 'br'],
      ['gzip, deflate', 'gzip'],
    ] as const) {
      const r = await get('since=0&limit=20', tech, { 'accept-encoding': accept });
      expect(r.encoding).toBe(expected);
      expect(r.res.headers.vary).toMatch(/accept-encoding/i);
      expect(r.text).toBe(plain.text);
      expect(r.wireBytes).toBeLessThan(plain.wireBytes / 3);
      expect(Number(r.res.headers['content-length'])).toBe(r.wireBytes);
    }
  });

  it("is decoded by Node's fetch (the desktop's client) into the same JSON over a real socket", async () => {
    const { tech } = await setUp();
    const plain = await get('since=0&limit=30', tech);
    const address = await t.app.listen({ host: '127.0.0.1', port: 0 });
    const res = await fetch(`${address}/v1/sync?since=0&limit=30`, {
      headers: { ...bearer(tech), 'accept-encoding': 'br, gzip' },
    });
    expect(res.headers.get('content-encoding')).toBe('br');
    expect(Number(res.headers.get('content-length'))).toBeLessThan(plain.wireBytes / 3);
    expect(await res.text()).toBe(plain.text);
  });

  it('leaves small pages uncompressed', async () => {
    const { tech } = await setUp(2);
    const r = await get('since=1&limit=5', tech, { 'accept-encoding': 'br' });
    expect(r.encoding).toBeUndefined();
    expect(r.page!.changes).toHaveLength(1);
  });
});

describe('GET /v1/sync ETag', () => {
  it('answers If-None-Match with 304 while the page is unchanged, per encoding', async () => {
    const { tech } = await setUp();
    const a = await get('since=0&limit=10', tech, { 'accept-encoding': 'br' });
    const b = await get('since=0&limit=10', tech, { 'accept-encoding': 'gzip' });
    // Weak: the bytes behind it change when the background re-compression lands, the JSON does not.
    expect(a.res.headers.etag).toMatch(/^W\/"[^"]+"$/);
    expect(b.res.headers.etag).not.toBe(a.res.headers.etag); // one tag per coding
    const etag = a.res.headers.etag as string;
    for (const inm of [etag, etag.slice(2), `"nope", ${etag}`]) {
      const again = await get('since=0&limit=10', tech, { 'accept-encoding': 'br', 'if-none-match': inm });
      expect(again.res.statusCode, inm).toBe(304);
      expect(again.res.rawPayload.length).toBe(0);
      expect(again.res.headers.etag).toBe(etag);
    }
    expect(
      (await get('since=0&limit=10', tech, { 'accept-encoding': 'br', 'if-none-match': '"other"' })).res.statusCode,
    ).toBe(200);
  });

  it("answers a cached page's 304 without reading its rows, also with the tag it got before re-compression", async () => {
    const { tech } = await setUp(60);
    const fast = await get('since=0&limit=50', tech, { 'accept-encoding': 'br' });
    let small = fast;
    for (let i = 0; i < 100 && small.wireBytes >= fast.wireBytes; i++) {
      await new Promise((r) => setTimeout(r, 20)); // the background re-compression
      small = await get('since=0&limit=50', tech, { 'accept-encoding': 'br' });
    }
    const spy = vi.spyOn(t.services.directory, 'changesSince');
    expect(small.wireBytes).toBeLessThan(fast.wireBytes);
    expect(small.text).toBe(fast.text);
    const etag = fast.res.headers.etag as string;
    const again = await get('since=0&limit=50', tech, { 'accept-encoding': 'br', 'if-none-match': etag });
    expect(again.res.statusCode).toBe(304);
    expect(spy).not.toHaveBeenCalled();
  });

  it('gives a page a new ETag after a write at the head (its `remaining` changed)', async () => {
    const { tech } = await setUp();
    const before = await get('since=0&limit=10', tech);
    clock += 1000;
    await t.services.directory.upsertSite(site('s999'));
    const after = await get('since=0&limit=10', tech, { 'if-none-match': before.res.headers.etag as string });
    expect(after.res.statusCode).toBe(200);
    expect(after.page!.remaining).toBe(before.page!.remaining + 1);
    expect(served(after.page)).toEqual(served(before.page)); // the rows themselves did not change
  });
});

describe('GET /v1/sync page cache invalidation', () => {
  async function warm(token: string) {
    for (const since of [0, 10]) await get(`since=${since}&limit=10`, token, { 'accept-encoding': 'br' });
  }
  async function expectFresh(token: string) {
    for (const since of [0, 10]) {
      const r = await get(`since=${since}&limit=10`, token, { 'accept-encoding': 'br' });
      expect(served(r.page), `since=${since}`).toEqual(await truth(since, 10));
    }
  }

  it('rebuilds a page after an update or a delete inside it', async () => {
    const { tech } = await setUp();
    await warm(tech);
    await t.services.directory.upsertSite(site('s003', 'Renamed'));
    await expectFresh(tech);
    await warm(tech);
    await t.services.directory.delete('site', 's012');
    await expectFresh(tech);
    const all = (await get('since=0&limit=100', tech)).page!;
    expect(all.changes.at(-1)).toMatchObject({ id: 's012', op: 'delete' });
    expect(all.changes.find((c) => c.id === 's003')).toMatchObject({ data: { name: 'Renamed' } });
  });

  it('rebuilds after a batch that rewrites records (bundle import) and after a write by another process', async () => {
    const { tech } = await setUp();
    await warm(tech);
    await t.services.directory.applyBatch([
      { op: 'delete', kind: 'site', id: 's002' },
      { op: 'upsert', kind: 'site', id: 's015', siteId: null, data: JSON.stringify(site('s015', 'Imported')) },
    ]);
    await expectFresh(tech);
    await warm(tech);
    // Another server process on the same database (e.g. the credential feed): raw row + change row.
    await t.db.transaction().execute(async (trx) => {
      await trx
        .updateTable('directory_records')
        .set({ data: JSON.stringify(site('s005', 'Elsewhere')) })
        .where('kind', '=', 'site')
        .where('id', '=', 's005')
        .execute();
      await writeChange(trx, 'site', 's005', 'upsert', clock);
    });
    await expectFresh(tech);
  });

  it('never serves a page of the old history after a workspace reset that reuses the same seqs', async () => {
    const { tech } = await setUp(20);
    const before = await get('since=0&limit=10', tech, { 'accept-encoding': 'br' });
    if (t.dialect === 'sqlite') {
      await t.all('delete from changes');
      await t.all("delete from sqlite_sequence where name = 'changes'");
    } else {
      await t.all('truncate changes restart identity');
    }
    await t.all('delete from directory_records');
    clock += 60_000;
    for (let i = 1; i <= 20; i++) await t.services.directory.upsertSite(site(`n${String(i).padStart(3, '0')}`));
    const after = await get('since=0&limit=10', tech, { 'accept-encoding': 'br' });
    expect(after.page!.changes.map((c) => c.seq)).toEqual(before.page!.changes.map((c) => c.seq)); // same seqs
    expect(served(after.page)).toEqual(await truth(0, 10));
    expect(after.page!.changes[0]!.id).toBe('n001');
  });

  it('keeps pages per role, so a role-filtered record can never reach another role from the cache', async () => {
    const { tech, supervisor } = await setUp();
    const spy = vi.spyOn(t.services.directory, 'changesSince');
    await get('since=0&limit=10', tech);
    await get('since=0&limit=10', tech);
    expect(spy).toHaveBeenCalledTimes(1);
    await get('since=0&limit=10', supervisor);
    expect(spy).toHaveBeenCalledTimes(2);
  });
});

describe('GET /v1/sync single-flight', () => {
  it('builds an uncached page once for 100 concurrent requests, all answered alike', async () => {
    const { tech } = await setUp(60);
    const spy = vi.spyOn(t.services.directory, 'changesSince');
    const results = await Promise.all(
      Array.from({ length: 100 }, () => get('since=0&limit=50', tech, { 'accept-encoding': 'br' })),
    );
    expect(spy).toHaveBeenCalledTimes(1);
    expect(new Set(results.map((r) => r.res.statusCode))).toEqual(new Set([200]));
    expect(new Set(results.map((r) => r.text)).size).toBe(1);
    // The next requests are served from memory: no further database read of the rows.
    await Promise.all(Array.from({ length: 20 }, () => get('since=0&limit=50', tech, { 'accept-encoding': 'br' })));
    expect(spy).toHaveBeenCalledTimes(1);
    expect(served(results[0]!.page)).toEqual(await truth(0, 50));
  });
});
