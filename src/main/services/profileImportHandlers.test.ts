import { describe, expect, it } from 'vitest';
import { IMPORT_CHUNK_CHARS } from '../../shared/admin/importIpc.js';
import { handlersBehindFakeServer, json, type Answer } from './fakeServerHarness.testkit.js';

const admin = { id: 'u0', email: 'admin@callsign.demo', name: 'Ada Admin', role: 'admin' as const };
const job = (phase: string) => ({ token: 'tok1', siteId: 's1', phase, done: 0, total: 2, expiresAt: 1 });

const routes: Answer = ({ method, path }) => {
  if (path === '/v1/admin/sites/s1/profiles/import' && method === 'POST') return json(202, job('validating'));
  if (path === '/v1/admin/imports/tok1') return json(200, job('ready'));
  if (path === '/v1/admin/sites/s1/profiles/export')
    return new Response(new Uint8Array([80, 75, 3, 4]), {
      status: 200,
      headers: { 'content-type': 'text/csv', 'content-disposition': 'attachment; filename="acme-profiles.csv"' },
    });
  return undefined;
};

async function signedIn() {
  const h = handlersBehindFakeServer(admin, routes);
  await h.client.invoke('session.login', { email: admin.email, password: 'pw' });
  return h;
}

describe('profile import/export IPC channels', () => {
  it('joins the chunks in order and sends the file in one request, then polls the job', async () => {
    const { client, calls } = await signedIn();
    const b64 = Buffer.from('First name,Last name,Phone 1\nDana,Reyes,2065550100\n').toString('base64');
    expect(
      await client.invoke('profiles.importChunk', { uploadId: 'up-12345678', index: 0, data: b64.slice(0, 8) }),
    ).toEqual({ received: 1 });
    await client.invoke('profiles.importChunk', { uploadId: 'up-12345678', index: 1, data: b64.slice(8) });
    expect(
      (await client.invoke('profiles.importStart', { uploadId: 'up-12345678', siteId: 's1', format: 'csv' })).phase,
    ).toBe('validating');
    expect((await client.invoke('profiles.importStatus', { token: 'tok1' })).phase).toBe('ready');
    expect(calls.slice(1)).toEqual([
      'POST /v1/admin/sites/s1/profiles/import?format=csv Bearer AT1',
      'GET /v1/admin/imports/tok1 Bearer AT1',
    ]);
    // The upload is gone once sent: starting it again needs the file again.
    await expect(
      client.invoke('profiles.importStart', { uploadId: 'up-12345678', siteId: 's1', format: 'csv' }),
    ).rejects.toMatchObject({ field: 'uploadId' });
  });

  it('refuses a chunk out of order and a chunk over the limit, before any server call', async () => {
    const { client, calls } = await signedIn();
    await expect(
      client.invoke('profiles.importChunk', { uploadId: 'up-abcdefgh', index: 1, data: 'AAAA' }),
    ).rejects.toMatchObject({
      field: 'index',
    });
    await expect(
      client.invoke('profiles.importChunk', {
        uploadId: 'up-abcdefgh',
        index: 0,
        data: 'A'.repeat(IMPORT_CHUNK_CHARS + 4),
      }),
    ).rejects.toMatchObject({ code: 'bad_request' });
    expect(calls).toEqual(['POST /v1/auth/login']);
  });

  it('passes an export on in base64 with the server’s file name', async () => {
    const { client } = await signedIn();
    const file = await client.invoke('profiles.export', { siteId: 's1', format: 'csv', lang: 'de', template: false });
    expect(file).toEqual({ fileName: 'acme-profiles.csv', contentType: 'text/csv', base64: 'UEsDBA==' });
  });
});
