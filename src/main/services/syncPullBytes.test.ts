import { describe, expect, it, vi } from 'vitest';
import { SYNC_CURSOR_HEADER } from '../../shared/api/sync.js';
import { handlersBehindFakeServer, json } from './fakeServerHarness.testkit.js';

const user = { id: 'u1', email: 'tech@callsign.demo', name: 'Taylor', role: 'technician' as const };
const site = { id: 's1', name: 'Seattle', companyName: 'Northwind', mainPhones: [], country: 'US' };

/** Main's services over a server whose `/v1/sync` answers `sync()` (test helper). */
function servicesAnswering(sync: () => Response) {
  return handlersBehindFakeServer(user, ({ path }) => (path === '/v1/sync' ? sync() : undefined)).client;
}

/** A server whose sync answers `page`, with the cursor header when given. */
function services(page: unknown, cursorHeader?: string) {
  return servicesAnswering(() => {
    const res = json(200, page);
    if (cursorHeader !== undefined) res.headers.set(SYNC_CURSOR_HEADER, cursorHeader);
    return res;
  });
}

describe('sync.pullBytes (pages for the renderer sync worker)', () => {
  const text = (bytes: Uint8Array) => new TextDecoder().decode(bytes);

  it("passes the server's page on as its UTF-8 JSON bytes, with its cursor fields beside it", async () => {
    const page = {
      seq: 9,
      more: true,
      remaining: 40,
      maxAgeSeconds: 60,
      changes: [{ seq: 9, kind: 'site', id: 's1', op: 'upsert', data: { ...site, name: 'Zoë’s café 東京' } }],
    };
    const client = services(page);
    await client.invoke('session.login', { email: user.email, password: 'pw' });
    const r = await client.invoke('sync.pullBytes', { since: 8, limit: 5000 });
    expect(r).toMatchObject({ seq: 9, more: true, remaining: 40, count: 1 });
    // As the server sent it: the worker validates it (and fills the schema's defaults) before writing.
    expect(r.bytes).toBeInstanceOf(Uint8Array);
    expect(text(r.bytes)).toBe(JSON.stringify(page));
  });

  it('refuses a page whose cursor is malformed in main, before any text reaches the renderer', async () => {
    const client = services({ seq: -1, more: 'yes', remaining: 0, maxAgeSeconds: 60, changes: [] });
    await client.invoke('session.login', { email: user.email, password: 'pw' });
    await expect(client.invoke('sync.pullBytes', { since: 0, limit: 10 })).rejects.toThrow();
  });

  it('leaves a malformed change to the worker, which refuses the page naming the field (pageWriter.test.ts)', async () => {
    const client = services({ seq: 9, more: false, remaining: 0, maxAgeSeconds: 60, changes: [{ seq: 9 }] });
    await client.invoke('session.login', { email: user.email, password: 'pw' });
    const r = await client.invoke('sync.pullBytes', { since: 0, limit: 10 });
    expect(r).toMatchObject({ seq: 9, count: 1 });
  });

  it("takes the cursor from the server's header without reading the page (the worker checks the two agree)", async () => {
    const client = services('not even JSON', JSON.stringify({ seq: 12, more: true, remaining: 3, count: 5000 }));
    await client.invoke('session.login', { email: user.email, password: 'pw' });
    const r = await client.invoke('sync.pullBytes', { since: 0, limit: 5000 });
    const { bytes, ...cursor } = r;
    expect(cursor).toEqual({ seq: 12, more: true, remaining: 3, count: 5000 });
    expect(text(bytes)).toBe('"not even JSON"');
  });

  it('reads the page for its cursor when the header is unreadable, and says so', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const page = { seq: 9, more: false, remaining: 0, maxAgeSeconds: 60, changes: [] };
    const client = services(page, '{"seq":-4}');
    await client.invoke('session.login', { email: user.email, password: 'pw' });
    expect(await client.invoke('sync.pullBytes', { since: 0, limit: 10 })).toMatchObject({ seq: 9, count: 0 });
    expect(warn).toHaveBeenCalledWith(expect.stringMatching(/unreadable sync cursor header/));
    warn.mockRestore();
  });

  it('refuses a page that is not JSON when there is no header, naming what to expect', async () => {
    const client = services(undefined);
    await client.invoke('session.login', { email: user.email, password: 'pw' });
    await expect(client.invoke('sync.pullBytes', { since: 0, limit: 10 })).rejects.toThrow(/not readable JSON/);
  });

  it("turns the server's error answer into its AppError, as every other request does", async () => {
    const client = servicesAnswering(() =>
      json(400, { error: { code: 'bad_request', message: 'since must be a whole number', field: 'since' } }),
    );
    await client.invoke('session.login', { email: user.email, password: 'pw' });
    await expect(client.invoke('sync.pullBytes', { since: 0, limit: 10 })).rejects.toMatchObject({
      code: 'bad_request',
      field: 'since',
    });
  });
});
