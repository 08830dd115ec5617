import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import WebSocket from 'ws';
import { CallPush } from '../../shared/api/cti.js';
import { bearer, createTestApp, type TestApp } from '../testing/createTestApp.js';
import { CLOSE_TOKEN_EXPIRED, CTI_STREAM_PATH } from './ctiStream.js';

let t: TestApp;
afterEach(() => t?.close());

async function listening() {
  t = await createTestApp({ ctiStream: { recheckMs: 50, pingMs: 1000 } });
  await t.app.listen({ host: '127.0.0.1', port: 0 });
  const { port } = t.app.server.address() as AddressInfo;
  return `ws://127.0.0.1:${port}${CTI_STREAM_PATH}`;
}

/** Resolves with the open socket, or rejects with the HTTP status of the refused upgrade. */
const connect = (url: string, token?: string) =>
  new Promise<WebSocket>((resolve, reject) => {
    const ws = new WebSocket(url, token ? { headers: bearer(token) } : {});
    ws.once('open', () => resolve(ws));
    ws.once('unexpected-response', (_req, res) => reject(new Error(`HTTP ${res.statusCode}`)));
    ws.once('error', reject);
  });

describe('call stream (WebSocket /v1/cti/stream)', () => {
  it('refuses an upgrade without a valid access token (401), never reading a token from the URL', async () => {
    const url = await listening();
    await expect(connect(url)).rejects.toThrow('HTTP 401');
    await expect(connect(url, 'csa_nope')).rejects.toThrow('HTTP 401');
    const { accessToken } = await t.login();
    await expect(connect(`${url}?token=${accessToken}`)).rejects.toThrow('HTTP 401');
  });

  it('pushes a call event to the mapped technician’s socket only', async () => {
    const url = await listening();
    const tech = await t.services.users.findByEmail('tech@callsign.demo');
    await t.services.cti.store.setExtension(tech!.id, '201');
    const { token } = await t.services.cti.store.createIntegration('PBX', 'test');
    const techSocket = await connect(url, (await t.login()).accessToken);
    const nocSocket = await connect(url, (await t.login('noc@callsign.demo')).accessToken);
    const techGot: CallPush[] = [];
    const nocGot: unknown[] = [];
    techSocket.on('message', (d) => techGot.push(CallPush.parse(JSON.parse(String(d)))));
    nocSocket.on('message', (d) => nocGot.push(d));
    const res = await t.app.inject({
      method: 'POST',
      url: '/v1/cti/events',
      headers: bearer(token),
      payload: { event: 'newCall', from: '+12065550101', to: '201', direction: 'in', callId: 'ws-1', user: ['201'] },
    });
    expect(res.statusCode).toBe(202);
    await expect.poll(() => techGot.length).toBe(1);
    expect(techGot[0]!.call.identification.personName).toBe('Dana Reyes');
    expect(nocGot).toEqual([]);
    techSocket.close();
    nocSocket.close();
  });

  it('closes the stream with 4001 once the access token is no longer valid (signed out)', async () => {
    const url = await listening();
    const { accessToken } = await t.login();
    const ws = await connect(url, accessToken);
    const closed = new Promise<number>((r) => ws.once('close', (code) => r(code)));
    await t.app.inject({ method: 'POST', url: '/v1/auth/logout', headers: bearer(accessToken), payload: {} });
    expect(await closed).toBe(CLOSE_TOKEN_EXPIRED);
    await expect.poll(() => t.services.cti.hub.connections).toBe(0);
  });
});

describe('call stream shutdown', () => {
  it('lets the server close while desktops are connected', async () => {
    const url = await listening();
    const ws = await connect(url, (await t.login()).accessToken);
    const closed = new Promise<number>((r) => ws.once('close', (code) => r(code)));
    await Promise.race([
      t.app.close(),
      new Promise((_, reject) => setTimeout(() => reject(new Error('app.close() hung')), 5000)),
    ]);
    expect(await closed).toBe(1006);
  });
});
