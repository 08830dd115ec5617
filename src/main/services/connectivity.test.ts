import { afterEach, describe, expect, it, vi } from 'vitest';
import { ConnectivityMonitor } from './connectivity.js';
import { ApiClient } from './apiClient.js';
import type { ConnectionStatus } from '../../shared/ipc/contract.js';

afterEach(() => vi.useRealTimers());

function monitor(probe: () => Promise<boolean>) {
  const changes: ConnectionStatus[] = [];
  const m = new ConnectivityMonitor({ probe, onChange: (s) => changes.push(s), intervalMs: 2000 });
  return { m, changes };
}

describe('ConnectivityMonitor', () => {
  it('notices a server that stopped answering within 5 s, and its return', async () => {
    vi.useFakeTimers();
    let up = true;
    const { m, changes } = monitor(async () => up);
    m.start();
    await vi.advanceTimersByTimeAsync(10);
    expect(m.status()).toMatchObject({ online: true, checked: true });
    const downAt = Date.now();
    up = false;
    await vi.advanceTimersByTimeAsync(5000);
    const offline = changes.find((c) => !c.online);
    expect(offline).toBeDefined();
    expect(offline!.since - downAt).toBeLessThanOrEqual(5000);
    up = true;
    await vi.advanceTimersByTimeAsync(2100);
    expect(changes.at(-1)).toMatchObject({ online: true });
    m.stop();
  });

  it('a failed request says offline at once; answers from requests make heartbeats unnecessary', async () => {
    const probe = vi.fn(async () => true);
    const { m, changes } = monitor(probe);
    m.report(true);
    await m.tick();
    expect(probe).not.toHaveBeenCalled(); // a request answered just now
    m.report(false);
    expect(changes.at(-1)).toMatchObject({ online: false });
    await m.tick();
    expect(probe).toHaveBeenCalledTimes(1);
    expect(changes.at(-1)).toMatchObject({ online: true });
  });

  it('runs one probe at a time however many ticks arrive (a slow network never stacks heartbeats)', async () => {
    let release!: (ok: boolean) => void;
    const probe = vi.fn(() => new Promise<boolean>((r) => (release = r)));
    const { m } = monitor(probe);
    const ticks = Array.from({ length: 50 }, () => m.tick());
    expect(probe).toHaveBeenCalledTimes(1);
    release(false);
    await Promise.all(ticks);
    expect(m.status().online).toBe(false);
  });

  it('only reports changes, with the time each state began', () => {
    const { m, changes } = monitor(async () => true);
    m.report(true);
    m.report(true);
    m.report(false);
    m.report(false);
    expect(changes.map((c) => c.online)).toEqual([true, false]);
  });

  it('the API client reports every answer and every network failure', async () => {
    const seen: boolean[] = [];
    let fail = false;
    const api = new ApiClient(() => 'http://127.0.0.1:4317', (async () => {
      if (fail) throw new TypeError('fetch failed');
      return new Response('{"error":{"code":"forbidden","message":"no"}}', { status: 403 });
    }) as typeof fetch);
    api.onReach = (r) => seen.push(r);
    await expect(api.request('/v1/me')).rejects.toMatchObject({ code: 'forbidden' });
    fail = true;
    await expect(api.request('/v1/me')).rejects.toMatchObject({ code: 'server_unreachable' });
    expect(seen).toEqual([true, false]); // an HTTP error is still an answer
  });
});
