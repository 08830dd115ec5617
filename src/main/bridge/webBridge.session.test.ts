/**
 * Finding 7 of the security review: the launch token is exchanged once, bridge sessions expire, the
 * cookie is named per port and launch, a fixed default port keeps one origin (one IndexedDB), and a
 * remote wipe clears every origin the bridge knows of.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { createServer } from 'node:net';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { DEFAULT_BRIDGE_PORT, bridgePort } from './bridgeAuth.js';
import { BRIDGE_SESSION_ABSOLUTE_MS, BRIDGE_SESSION_IDLE_MS } from './bridgeSessions.js';
import { OriginRegistry } from './originRegistry.js';
import { openSocket, startTestBridge, TEST_TOKEN } from './testing/bridge.testkit.js';
import type { WebBridge } from './webBridge.js';

let bridge: WebBridge | undefined;
afterEach(async () => bridge?.close());
const base = () => `http://127.0.0.1:${bridge!.port}`;
const exchange = (token = TEST_TOKEN) =>
  fetch(`${base()}/bridge/session`, {
    method: 'POST',
    headers: { origin: base(), 'content-type': 'application/json' },
    body: JSON.stringify({ token }),
  });

describe('web bridge session', () => {
  it('exchanges the launch token once: the second exchange is a 403 that says to open the new link', async () => {
    const printed: string[] = [];
    ({ bridge } = await startTestBridge({ onLaunchUrl: (url) => printed.push(url) }));
    const first = await exchange();
    expect(first.status).toBe(204);
    const second = await exchange();
    expect(second.status).toBe(403);
    expect(await second.json()).toEqual({
      error: { code: 'link_used', message: expect.stringMatching(/already used.*new link/i) },
    });
    // …and a fresh link was printed for whoever really needs a second browser.
    expect(printed).toHaveLength(1);
    expect(printed[0]).not.toContain(TEST_TOKEN);
    expect((await exchange(new URL(printed[0]!).hash.replace('#bridge=', ''))).status).toBe(204);
    // The first cookie still opens the socket (a reload after the one exchange still works).
    const ws = await openSocket(bridge!, first.headers.get('set-cookie')!.split(';')[0]!);
    ws.close();
  });

  it('names the cookie after the port and a per-launch suffix, and accepts only that name', async () => {
    ({ bridge } = await startTestBridge());
    const res = await exchange();
    const setCookie = res.headers.get('set-cookie')!;
    const [pair, ...attrs] = setCookie.split('; ');
    const [name, value] = pair!.split('=');
    expect(name).toMatch(new RegExp(`^callsign_bridge_${bridge.port}_[A-Za-z0-9_-]{8,}$`));
    expect(attrs).toEqual(
      expect.arrayContaining(['HttpOnly', 'SameSite=Strict', 'Path=/', `Max-Age=${BRIDGE_SESSION_ABSOLUTE_MS / 1000}`]),
    );
    await expect(openSocket(bridge, `callsign_bridge=${value}`)).rejects.toThrow('403');
    await expect(openSocket(bridge, `callsign_bridge_${bridge.port}_other=${value}`)).rejects.toThrow('403');
    (await openSocket(bridge, `${name}=${value}`)).close();
  });

  it('refuses the socket once the session is past its idle or absolute lifetime', async () => {
    let now = Date.now();
    ({ bridge } = await startTestBridge({ now: () => now }));
    const cookie = (await exchange()).headers.get('set-cookie')!.split(';')[0]!;
    const ws = await openSocket(bridge, cookie);
    const closed = new Promise((r) => ws.once('close', r));
    ws.close();
    await closed;
    now += BRIDGE_SESSION_IDLE_MS + 1;
    await expect(openSocket(bridge, cookie)).rejects.toThrow('403');

    const fresh = bridge.reissueLaunchUrl();
    const cookie2 = (await exchange(new URL(fresh).hash.replace('#bridge=', ''))).headers
      .get('set-cookie')!
      .split(';')[0]!;
    const open = await openSocket(bridge, cookie2);
    const shut = new Promise<number>((r) => open.once('close', (code) => r(code)));
    now += BRIDGE_SESSION_ABSOLUTE_MS;
    open.send(JSON.stringify({ id: 1, channel: 'app.info', payload: {} }));
    expect(await shut).toBe(4401); // an open socket of an expired session is closed at its next message
  });
});

describe('bridge port', () => {
  it('defaults to a fixed port so the origin (and its IndexedDB) stays the same across launches', () => {
    expect(DEFAULT_BRIDGE_PORT).toBe(4318);
    expect(bridgePort(undefined, undefined)).toBe(4318);
    expect(bridgePort(undefined, '5000')).toBe(5000);
    expect(bridgePort('0', '5000')).toBe(0);
    expect(() => bridgePort('70000', undefined)).toThrow(/--port/);
    expect(() => bridgePort('abc', undefined)).toThrow(/--port/);
  });

  it('fails with a clear message when the port is taken, rather than moving to a new origin', async () => {
    const blocker = createServer().listen(0, '127.0.0.1');
    await new Promise((r) => blocker.once('listening', r));
    const port = (blocker.address() as { port: number }).port;
    await expect(startTestBridge({ port })).rejects.toThrow(new RegExp(`port ${port} is in use.*--port`, 'i'));
    blocker.close();
  });
});

describe('remote wipe', () => {
  it('marks every known origin and sends Clear-Site-Data on the next page load of each', async () => {
    const dataDir = mkdtempSync(join(tmpdir(), 'cs-bridge-data-'));
    const origins = new OriginRegistry(dataDir);
    origins.record('http://127.0.0.1:50123'); // an earlier launch on another port
    ({ bridge } = await startTestBridge({ origins }));
    expect(origins.list()).toContain(base());
    expect((await fetch(base() + '/')).headers.get('clear-site-data')).toBeNull();
    bridge.emit('session.wiped', { reason: 'device revoked' });
    const page = await fetch(base() + '/');
    expect(page.headers.get('clear-site-data')).toBe('"cache", "storage"');
    expect((await fetch(base() + '/')).headers.get('clear-site-data')).toBeNull();
    expect(origins.pendingWipes()).toEqual(['http://127.0.0.1:50123']); // cleared when next served
  });
});
