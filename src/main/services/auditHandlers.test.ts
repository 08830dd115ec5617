import { describe, expect, it } from 'vitest';
import { handlersBehindFakeServer, json, type Answer } from './fakeServerHarness.testkit.js';

const user = { id: 'u3', email: 'supervisor@callsign.demo', name: 'Sam Supervisor', role: 'supervisor' as const };
const entry = (seq: number, type = 'auth.sign_in') => ({
  seq,
  at: '2026-03-01T10:00:00.000Z',
  actor: 'u3',
  type,
  subject: 'supervisor@callsign.demo',
  data: { method: 'password' },
  prevHash: 'a'.repeat(64),
  hash: 'b'.repeat(64),
});

/** The audit endpoints of the fake server (fakeServerHarness.testkit.ts); `answer` overrides per test. */
const auditRoutes: Answer = ({ path }) => {
  if (path === '/v1/audit') return json(200, { entries: [entry(7), entry(6, 'auth.sign_in_failed')], next: 6 });
  if (path === '/v1/audit/verify') return json(200, { intact: true, brokenAt: null, entries: 7, head: 'b'.repeat(64) });
  return undefined;
};
const setup = (answer?: (path: string, auth: string | undefined) => Response | undefined) =>
  handlersBehindFakeServer(user, auditRoutes, answer && (({ path, auth }) => answer(path, auth)));

describe('audit IPC channels', () => {
  it('lists newest first with before/type paging and verifies the chain, refreshing the token once on 401', async () => {
    let expired = true;
    const { client, calls } = setup((path, auth) => {
      if (path === '/v1/audit/verify' && auth === 'Bearer AT1' && expired) {
        expired = false;
        return json(401, { error: { code: 'unauthorized', message: 'expired' } });
      }
      return undefined;
    });
    await client.invoke('session.login', { email: 'supervisor@callsign.demo', password: 'pw' });
    const page = await client.invoke('audit.list', { limit: 2 });
    expect(page.entries.map((e) => e.seq)).toEqual([7, 6]);
    expect(page.next).toBe(6);
    await client.invoke('audit.list', { limit: 50, before: 6, type: 'auth.sign_in' });
    expect(await client.invoke('audit.verify', {})).toEqual({
      intact: true,
      brokenAt: null,
      entries: 7,
      head: 'b'.repeat(64),
    });
    expect(calls.slice(1)).toEqual([
      'GET /v1/audit?order=desc&limit=2 Bearer AT1',
      'GET /v1/audit?order=desc&limit=50&before=6&type=auth.sign_in Bearer AT1',
      'GET /v1/audit/verify Bearer AT1',
      'POST /v1/auth/refresh',
      'GET /v1/audit/verify Bearer AT2',
    ]);
  });

  it('refuses malformed requests in main, before any server call', async () => {
    const { client, calls } = setup();
    await client.invoke('session.login', { email: 'supervisor@callsign.demo', password: 'pw' });
    await expect(client.invoke('audit.list', { limit: 0 })).rejects.toMatchObject({
      code: 'bad_request',
      field: 'limit',
    });
    await expect(client.invoke('audit.list', { limit: 10, before: -1 })).rejects.toMatchObject({
      code: 'bad_request',
      field: 'before',
    });
    await expect(client.invoke('audit.list', { limit: 10, after: 3 } as never)).rejects.toMatchObject({
      code: 'bad_request',
      message: expect.stringMatching(/after/),
    });
    await expect(client.invoke('audit.verify', { extra: 1 } as never)).rejects.toMatchObject({
      code: 'bad_request',
      message: expect.stringMatching(/extra/),
    });
    expect(calls).toHaveLength(1);
  });

  it('passes a forbidden answer through and rejects a response that does not match the shared schema', async () => {
    const { client } = setup((path) =>
      path === '/v1/audit/verify'
        ? json(403, { error: { code: 'forbidden', message: 'Only a supervisor can do this.' } })
        : path === '/v1/audit'
          ? json(200, { entries: [{ seq: 'x' }], next: null })
          : undefined,
    );
    await client.invoke('session.login', { email: 'supervisor@callsign.demo', password: 'pw' });
    await expect(client.invoke('audit.verify', {})).rejects.toMatchObject({ code: 'forbidden' });
    await expect(client.invoke('audit.list', { limit: 10 })).rejects.toMatchObject({
      code: 'internal',
      field: expect.stringMatching(/^entries\.0\./),
      message: expect.stringMatching(/^The server's answer to the audit log could not be read \(entries\.0\.\w+/),
    });
  });

  it('refuses both channels before sign-in', async () => {
    const { client, calls } = setup();
    await expect(client.invoke('audit.list', { limit: 10 })).rejects.toMatchObject({ code: 'not_signed_in' });
    await expect(client.invoke('audit.verify', {})).rejects.toMatchObject({ code: 'not_signed_in' });
    expect(calls).toEqual([]);
  });
});
