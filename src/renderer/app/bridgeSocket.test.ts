import { describe, expect, it, vi } from 'vitest';
import { encodeBinaryResult } from '../../shared/ipc/binaryFrame.js';
import { connectBridgeSocket, type SocketLike } from './bridgeSocket.js';

/** A socket the test drives: what the client sent, and messages delivered as the browser would. */
function fakeSocket() {
  const sent: string[] = [];
  const socket: SocketLike = {
    readyState: 1,
    send: (data) => void sent.push(data),
    close: () => {},
    onopen: null,
    onclose: null,
    onerror: null,
    onmessage: null,
  };
  return { socket, sent, deliver: (data: unknown) => socket.onmessage!({ data }) };
}

describe('connectBridgeSocket', () => {
  it("asks for binary frames as ArrayBuffers and reads a page's bytes out of one", async () => {
    const f = fakeSocket();
    const connected = connectBridgeSocket({ openSocket: () => f.socket });
    f.socket.onopen!({});
    const api = await connected;
    expect(f.socket.binaryType).toBe('arraybuffer');
    const pending = api.invoke('sync.pullBytes', { since: 0, limit: 10 });
    const { id } = JSON.parse(f.sent[0]!) as { id: number };
    const bytes = new TextEncoder().encode('{"seq":3,"changes":[]}');
    const frame = encodeBinaryResult(id, { seq: 3, more: false, remaining: 0, count: 0, bytes }, 'bytes');
    f.deliver(frame.slice().buffer);
    const r = await pending;
    expect(r).toMatchObject({ seq: 3, more: false, remaining: 0, count: 0 });
    expect(r.bytes).toEqual(bytes);
  });

  it('ignores a binary frame it cannot read, saying so, and keeps the socket for the JSON replies', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const f = fakeSocket();
    const connected = connectBridgeSocket({ openSocket: () => f.socket });
    f.socket.onopen!({});
    const api = await connected;
    f.deliver(new Uint8Array([0, 0, 0, 9, 1, 2]).buffer);
    expect(warn).toHaveBeenCalledWith(expect.stringMatching(/ignored a web bridge message/), expect.anything());
    const pending = api.invoke('app.info', {});
    const { id } = JSON.parse(f.sent[0]!) as { id: number };
    f.deliver(JSON.stringify({ type: 'result', id, ok: true, result: { shell: 'web-bridge' } }));
    await expect(pending).resolves.toMatchObject({ shell: 'web-bridge' });
    warn.mockRestore();
  });
});
