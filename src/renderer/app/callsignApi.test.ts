import { describe, expect, it, vi } from 'vitest';
import type { CallsignApi } from '../../shared/ipc/contract.js';
import { readBridgeToken, resolveCallsignApi, type BootEnvironment } from './callsignApi.js';
import type { SocketLike } from './bridgeSocket.js';

class FakeSocket implements SocketLike {
  readyState = 0;
  sent: string[] = [];
  onopen: ((ev: unknown) => void) | null = null;
  onclose: ((ev: unknown) => void) | null = null;
  onerror: ((ev: unknown) => void) | null = null;
  onmessage: ((ev: { data: unknown }) => void) | null = null;
  constructor(readonly url: string) {}
  send(data: string) {
    this.sent.push(data);
  }
  close() {
    this.onclose?.({});
  }
  open() {
    this.readyState = 1;
    this.onopen?.({});
  }
  reply(id: number, result: unknown) {
    this.onmessage?.({ data: JSON.stringify({ type: 'result', id, ok: true, result }) });
  }
}

function env(hash: string, fetchOk = true) {
  const sockets: FakeSocket[] = [];
  const replaceState = vi.fn();
  const fetch = vi.fn(async () => ({ ok: fetchOk, status: fetchOk ? 204 : 403 }));
  const e: BootEnvironment = {
    location: { hash, host: '127.0.0.1:4400', protocol: 'http:', pathname: '/', search: '' },
    history: { replaceState },
    fetch,
    openSocket: (url) => {
      const s = new FakeSocket(url);
      sockets.push(s);
      queueMicrotask(() => s.open());
      return s;
    },
  };
  return { e, sockets, replaceState, fetch };
}

describe('readBridgeToken', () => {
  it('reads the token from the fragment', () => {
    expect(readBridgeToken('#bridge=abc_DEF-1')).toBe('abc_DEF-1');
    expect(readBridgeToken('#/lookup?phone=1&bridge=xyz')).toBe('xyz');
    expect(readBridgeToken('#/')).toBeUndefined();
  });
});

describe('resolveCallsignApi', () => {
  it('prefers the preload API', async () => {
    const api = { invoke: vi.fn(), on: vi.fn() } as unknown as CallsignApi;
    const { e } = env('#/');
    expect(await resolveCallsignApi({ ...e, callsign: api })).toBe(api);
  });

  it('exchanges the token for a cookie, removes it from the URL, then connects', async () => {
    const { e, sockets, replaceState, fetch } = env('#bridge=secret-token');
    const api = await resolveCallsignApi(e);
    expect(fetch).toHaveBeenCalledWith(
      '/bridge/session',
      expect.objectContaining({ method: 'POST', body: JSON.stringify({ token: 'secret-token' }) }),
    );
    expect(replaceState).toHaveBeenCalledWith(null, '', '/#/');
    expect(sockets[0]!.url).toBe('ws://127.0.0.1:4400/bridge/ws');
    const p = api.invoke('app.info', {});
    const sent = JSON.parse(sockets[0]!.sent[0]!) as { id: number; channel: string };
    expect(sent.channel).toBe('app.info');
    sockets[0]!.reply(sent.id, { version: '1', shell: 'web-bridge', platform: 'linux' });
    await expect(p).resolves.toMatchObject({ shell: 'web-bridge' });
  });

  it('connects with the cookie alone after a reload', async () => {
    const { e, fetch } = env('#/lookup');
    await resolveCallsignApi(e);
    expect(fetch).not.toHaveBeenCalled();
  });

  it('fails with the "open from the link" message when the token is refused and there is no session', async () => {
    const { e, replaceState } = env('#bridge=wrong', false);
    e.openSocket = (url) => {
      const s = new FakeSocket(url);
      queueMicrotask(() => s.close()); // the bridge refuses the upgrade: no valid cookie
      return s;
    };
    await expect(resolveCallsignApi(e)).rejects.toMatchObject({ code: 'bridge_unavailable' });
    expect(replaceState).toHaveBeenCalled();
  });

  it('opening an already-used link again in the same browser still connects with the cookie it has', async () => {
    // The bridge exchanges a launch token once; history navigation or a reopened bookmark offers it again.
    const { e, sockets } = env('#bridge=used-token', false);
    await resolveCallsignApi(e);
    expect(sockets).toHaveLength(1);
  });

  it('fails when the socket closes before opening', async () => {
    const { e } = env('#/');
    e.openSocket = (url) => {
      const s = new FakeSocket(url);
      queueMicrotask(() => s.close());
      return s;
    };
    await expect(resolveCallsignApi(e)).rejects.toThrow(/npm start/);
  });

  it('rejects pending calls on close and reconnects', async () => {
    vi.useFakeTimers();
    try {
      const { e, sockets } = env('#/');
      const api = await resolveCallsignApi(e);
      const pending = api.invoke('session.status', {});
      sockets[0]!.close();
      await expect(pending).rejects.toMatchObject({ code: 'server_unreachable' });
      await expect(api.invoke('session.status', {})).rejects.toMatchObject({ code: 'server_unreachable' });
      await vi.advanceTimersByTimeAsync(1000);
      expect(sockets).toHaveLength(2);
      const again = api.invoke('session.status', {});
      const sent = JSON.parse(sockets[1]!.sent[0]!) as { id: number };
      sockets[1]!.reply(sent.id, { signedIn: false, serverUrl: 'x', online: true });
      await expect(again).resolves.toMatchObject({ signedIn: false });
    } finally {
      vi.useRealTimers();
    }
  });
});
