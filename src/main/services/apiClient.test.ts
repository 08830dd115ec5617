import { createServer, type IncomingHttpHeaders, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { brotliCompressSync, gzipSync } from 'node:zlib';
import { afterEach, describe, expect, it } from 'vitest';
import { ApiClient } from './apiClient.js';

let server: Server | undefined;
afterEach(() => new Promise<void>((resolve) => (server ? server.close(() => resolve()) : resolve())));

const page = {
  seq: 3,
  more: false,
  remaining: 0,
  maxAgeSeconds: 86400,
  changes: Array.from({ length: 200 }, (_, i) => ({ seq: i + 1, kind: 'site', id: `s${i}`, op: 'delete' })),
};

/** A server that answers with `page` in the first coding the request accepts, counting bytes sent. */
async function serve(): Promise<{ url: string; seen: IncomingHttpHeaders[]; sent: number[] }> {
  const seen: IncomingHttpHeaders[] = [];
  const sent: number[] = [];
  server = createServer((req, res) => {
    seen.push(req.headers);
    const accept = String(req.headers['accept-encoding'] ?? '');
    const json = Buffer.from(JSON.stringify(page));
    const [encoding, body] = accept.includes('br')
      ? ['br', brotliCompressSync(json)]
      : accept.includes('gzip')
        ? ['gzip', gzipSync(json)]
        : [undefined, json];
    if (encoding) res.setHeader('content-encoding', encoding);
    res.setHeader('content-type', 'application/json');
    sent.push(body.length);
    res.end(body);
  });
  await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
  return { url: `http://127.0.0.1:${(server!.address() as AddressInfo).port}`, seen, sent };
}

describe('ApiClient compression', () => {
  it('asks for brotli and gzip, and returns the decoded JSON of a compressed answer', async () => {
    const { url, seen, sent } = await serve();
    const client = new ApiClient(() => url);
    expect(await client.request('/v1/sync', { query: { since: 0 } })).toEqual(page);
    expect(seen[0]!['accept-encoding']).toBe('br, gzip');
    expect(sent[0]).toBeLessThan(JSON.stringify(page).length / 5); // compressed on the wire
  });

  it('decodes gzip when a caller narrows the codings', async () => {
    const { url, sent } = await serve();
    const client = new ApiClient(() => url);
    expect(await client.request('/v1/sync', { headers: { 'accept-encoding': 'gzip' } })).toEqual(page);
    expect(sent[0]).toBeLessThan(JSON.stringify(page).length / 5);
  });
});

describe('ApiClient failures the sync waits out', () => {
  it("maps a closing server's 503 (not our error body) to unavailable, never internal", async () => {
    server = createServer((_req, res) => {
      // What Fastify sends to a request that arrives while it closes (return503OnClosing).
      res.writeHead(503, { 'content-type': 'application/json', connection: 'close' });
      res.end('{"error":"Service Unavailable","message":"Service Unavailable","statusCode":503}');
    });
    await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
    const client = new ApiClient(() => `http://127.0.0.1:${(server!.address() as AddressInfo).port}`);
    await expect(client.request('/v1/sync')).rejects.toMatchObject({ code: 'unavailable' });
  });

  it('maps a connection dropped mid-answer to server_unreachable', async () => {
    server = createServer((_req, res) => {
      res.writeHead(200, { 'content-type': 'application/json', 'content-length': '100000' });
      res.write('{"seq":1,"changes":[');
      setTimeout(() => res.socket?.destroy(), 20);
    });
    await new Promise<void>((resolve) => server!.listen(0, '127.0.0.1', resolve));
    const client = new ApiClient(() => `http://127.0.0.1:${(server!.address() as AddressInfo).port}`);
    const reach: boolean[] = [];
    client.onReach = (r) => reach.push(r);
    await expect(client.request('/v1/sync')).rejects.toMatchObject({ code: 'server_unreachable' });
    expect(reach.at(-1)).toBe(false);
  });
});
