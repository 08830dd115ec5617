/**
 * Finding 1 of the security review: a malformed URL (`GET /%E0%A4%A`) made decodeURIComponent throw
 * inside the request handler and ended the bridge process. Bad input must get a 400 in the
 * `{error:{code,message}}` shape, and a throw inside any handler must be logged and answered.
 */
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  openSocket,
  rawGet,
  rawRequest,
  rendererFolder,
  sessionCookieFor,
  startTestBridge,
} from './testing/bridge.testkit.js';

export const MALFORMED_PATHS = [
  '/%E0%A4%A',
  '/%',
  '/%zz',
  '/a%00b',
  '/%C0%AF',
  '/%ED%A0%80',
  '/%%',
  '/%E0%A4',
  '/x/%FF',
];

/** Anything that would end a real bridge process (vitest would report it too, less precisely). */
const failures: unknown[] = [];
const onFailure = (err: unknown) => failures.push(err);
beforeAll(() => (process.on('uncaughtException', onFailure), process.on('unhandledRejection', onFailure)));
afterAll(() => (process.off('uncaughtException', onFailure), process.off('unhandledRejection', onFailure)));

describe('web bridge answers malformed URLs with 400 and stays up (in-process)', () => {
  let stop: () => Promise<void> = async () => {};
  afterEach(() => stop());

  it('every malformed path gets a JSON 400 and the next request still gets 200', async () => {
    const { bridge } = await startTestBridge();
    stop = bridge.close;
    for (const path of MALFORMED_PATHS) {
      const res = await rawGet(bridge.port, path);
      expect(res.status, path).toBe(400);
      const body = JSON.parse(res.text.slice(res.text.indexOf('\r\n\r\n') + 4)) as {
        error: { code: string; message: string };
      };
      expect(body.error.code).toBe('bad_request');
      expect(body.error.message).toMatch(/path/);
    }
    expect((await rawGet(bridge.port, '/')).status).toBe(200);
    expect(failures).toEqual([]);
  });

  it('a request the HTTP parser rejects gets a JSON 400, not a bare socket reset', async () => {
    const { bridge } = await startTestBridge();
    stop = bridge.close;
    const res = await rawRequest(bridge.port, 'GET / HTTP/1.1\r\nHost: 127.0.0.1\r\nBad Header\r\n\r\n');
    expect(res.status).toBe(400);
    expect(res.text).toContain('"code":"bad_request"');
    expect((await rawGet(bridge.port, '/')).status).toBe(200);
  });

  it('a handler that throws is logged and answered with a JSON 500, and the server keeps serving', async () => {
    const { bridge, log } = await startTestBridge({ rendererRoot: join(tmpdir(), 'cs-no-such-renderer-folder') });
    stop = bridge.close;
    const res = await rawGet(bridge.port, '/');
    expect([404, 500]).toContain(res.status);
    expect(res.text).toContain('"error"');
    expect((await rawGet(bridge.port, '/%E0%A4%A')).status).toBe(400);
    expect(failures).toEqual([]);
    expect(log.join('')).not.toContain('test-token');
  });
});

describe('web bridge as a real child process', () => {
  let child: ChildProcess | undefined;
  afterEach(() => void child?.kill('SIGTERM'));

  it('survives GET /%E0%A4%A and keeps answering', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'cs-bridge-data-'));
    child = spawn(
      process.execPath,
      [
        '--import',
        'tsx',
        join(import.meta.dirname, 'main.ts'),
        '--port',
        '0',
        '--data-dir',
        dataDir,
        '--renderer',
        rendererFolder(),
      ],
      { env: { ...process.env, CALLSIGN_SERVER_URL: 'http://127.0.0.1:9' }, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    const port = await new Promise<number>((resolve, reject) => {
      let out = '';
      child!.stdout!.on('data', (d) => {
        out += String(d);
        const m = /running at http:\/\/127\.0\.0\.1:(\d+)/.exec(out);
        if (m) resolve(Number(m[1]));
      });
      child!.once('exit', (code) => reject(new Error(`bridge exited (${code}) before ready`)));
    });
    const exited = new Promise((r) => child!.once('exit', r));
    for (const path of MALFORMED_PATHS) expect((await rawGet(port, path)).status, path).toBe(400);
    expect((await rawGet(port, '/')).status).toBe(200);
    expect(await Promise.race([exited.then(() => 'exited'), new Promise((r) => setTimeout(() => r('up'), 200))])).toBe(
      'up',
    );
  }, 30_000);
});

describe('web bridge WebSocket answers malformed frames and stays up', () => {
  let stop: () => Promise<void> = async () => {};
  afterEach(() => stop());

  it('invalid JSON, wrong shapes, binary and oversized frames get an error reply or a close, never a crash', async () => {
    const { bridge } = await startTestBridge();
    stop = bridge.close;
    const cookie = await sessionCookieFor(bridge);
    const ws = await openSocket(bridge, cookie);
    const replies: unknown[] = [];
    ws.on('message', (d) => replies.push(JSON.parse(String(d))));
    ws.send('{not json');
    ws.send(JSON.stringify({ id: 7, channel: 'no.such.channel', payload: {} }));
    ws.send(JSON.stringify({ id: 8, channel: 'sync.pull', payload: { since: -1 } }));
    ws.send(Buffer.from([0xff, 0x00, 0x81]), { binary: true });
    await new Promise((r) => setTimeout(r, 200));
    expect(replies).toContainEqual(
      expect.objectContaining({
        type: 'result',
        id: 7,
        ok: false,
        error: expect.objectContaining({ code: 'bad_request', field: 'channel' }),
      }),
    );
    expect(replies).toContainEqual(
      expect.objectContaining({
        type: 'result',
        id: 8,
        ok: false,
        error: expect.objectContaining({ code: 'bad_request', field: 'since' }),
      }),
    );
    // A frame without a usable id is answered with id -1 (no call waits for it) so the sender learns why.
    expect(replies.filter((r) => (r as { id: number }).id === -1)).toHaveLength(2);
    // The binary frame's answer says what a request is (binary frames only go the other way).
    expect(replies).toContainEqual(
      expect.objectContaining({
        id: -1,
        error: expect.objectContaining({ message: expect.stringMatching(/JSON text/) }),
      }),
    );

    const closed = new Promise<number>((r) => ws.once('close', (code) => r(code)));
    ws.send('x'.repeat(2 * 1024 * 1024));
    expect(await closed).toBe(1009); // message too big: this socket is closed, the bridge lives on
    const again = await openSocket(bridge, cookie);
    const reply = new Promise<unknown>((r) => again.once('message', (d) => r(JSON.parse(String(d)))));
    again.send(JSON.stringify({ id: 1, channel: 'app.info', payload: {} }));
    expect(await reply).toMatchObject({ id: 1, ok: true });
    again.close();
    expect(failures).toEqual([]);
  });

  it('an invalid UTF-8 text frame closes that socket only', async () => {
    const { bridge } = await startTestBridge();
    stop = bridge.close;
    const cookie = await sessionCookieFor(bridge);
    const ws = await openSocket(bridge, cookie);
    const closed = new Promise<number>((r) => ws.once('close', (code) => r(code)));
    ws.on('error', () => undefined);
    // ws validates outgoing text only when asked; send the raw bytes as a text frame.
    ws.send(Buffer.from([0xc3, 0x28]), { binary: false });
    expect(await closed).toBe(1007);
    expect((await rawGet(bridge.port, '/')).status).toBe(200);
    expect(failures).toEqual([]);
  });
});
