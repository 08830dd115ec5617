import { describe, expect, it, vi } from 'vitest';
import { AppError } from '../../../../shared/api/errors.js';
import { createWorkerPulls } from './workerPulls.js';

const utf8 = (text: string) => new TextEncoder().encode(text);
const page = (seq: number) => ({ seq, more: true, remaining: 1, count: 1, bytes: utf8(`{"seq":${seq}}`) });

describe('createWorkerPulls (the sync worker fetching its own pages)', () => {
  it('keeps the bytes, answers with the cursor only, and hands the bytes to the write that names it, once', async () => {
    const invoke = vi.fn(async (_c: string, q: { since: number }) => page(q.since + 5));
    const pulls = createWorkerPulls(async () => ({ invoke }) as never);
    const reply = await pulls.handle({ type: 'pull', id: 3, since: 0, limit: 5000 });
    expect(reply).toEqual({ id: 3, ok: true, pulled: { seq: 5, more: true, remaining: 1, count: 1 } });
    expect(invoke).toHaveBeenCalledWith('sync.pullBytes', { since: 0, limit: 5000 });
    expect(pulls.resolve({ pulled: 3 })).toEqual(utf8('{"seq":5}'));
    expect(() => pulls.resolve({ pulled: 3 })).toThrow(AppError);
    expect(pulls.resolve('{"a":1}')).toBe('{"a":1}'); // a page handed over by the window is itself
  });

  it('connects once, for every pull', async () => {
    const open = vi.fn(async () => ({ invoke: async () => page(1) }) as never);
    const pulls = createWorkerPulls(open);
    await Promise.all([1, 2, 3].map((id) => pulls.handle({ type: 'pull', id, since: 0, limit: 10 })));
    expect(open).toHaveBeenCalledTimes(1);
  });

  it('says it has no connection of its own when the bridge socket cannot open', async () => {
    const pulls = createWorkerPulls(() => Promise.reject(new Error('refused')));
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    expect(await pulls.handle({ type: 'pull', id: 1, since: 0, limit: 10 })).toMatchObject({
      id: 1,
      ok: false,
      error: { code: 'bridge_unavailable' },
    });
    expect(warn).toHaveBeenCalled();
    warn.mockRestore();
  });

  it("passes main's error on with its code and field, and refuses a malformed request naming the field", async () => {
    const err = new AppError('server_unreachable', 'Lost the server');
    const pulls = createWorkerPulls(async () => ({ invoke: () => Promise.reject(err) }) as never);
    expect(await pulls.handle({ type: 'pull', id: 2, since: 0, limit: 10 })).toEqual({
      id: 2,
      ok: false,
      error: { code: 'server_unreachable', message: 'Lost the server' },
    });
    expect(await pulls.handle({ type: 'pull', id: 4, since: -1, limit: 10 })).toMatchObject({
      id: -1,
      ok: false,
      error: { code: 'bad_request', field: expect.stringMatching(/^syncWorkerMessage/) },
    });
  });

  it('forgets pulled pages nobody wrote beyond the few the pipeline holds', async () => {
    const pulls = createWorkerPulls(async () => ({ invoke: async () => page(1) }) as never);
    for (let id = 1; id <= 6; id++) await pulls.handle({ type: 'pull', id, since: 0, limit: 10 });
    expect(() => pulls.resolve({ pulled: 1 })).toThrow(/lost before it was written/);
    expect(pulls.resolve({ pulled: 6 })).toEqual(utf8('{"seq":1}'));
  });

  describe('reading ahead (the next cursor is known when a page arrives)', () => {
    /** A log of `pages` pages of 5 changes each, seq 5, 10, …; `fail` makes the pull from that since fail (test helper). */
    const log = (pages: number, fail = new Set<number>()) =>
      vi.fn(async (_c: string, q: { since: number; limit: number }) => {
        if (fail.has(q.since)) throw new AppError('server_unreachable', 'gone');
        const seq = Math.min(q.since + 5, pages * 5);
        return {
          seq,
          more: seq < pages * 5,
          remaining: pages * 5 - seq,
          count: seq - q.since,
          bytes: utf8(`{"seq":${seq}}`),
        };
      });
    const settle = () => new Promise((r) => setTimeout(r, 0));

    it('asks for the next pages before the window does, at most two ahead, and answers from them', async () => {
      const invoke = log(10);
      const pulls = createWorkerPulls(async () => ({ invoke }) as never);
      await pulls.handle({ type: 'pull', id: 1, since: 0, limit: 5 });
      await settle();
      expect(invoke.mock.calls.map((c) => c[1].since)).toEqual([0, 5, 10]);
      expect(await pulls.handle({ type: 'pull', id: 2, since: 5, limit: 5 })).toMatchObject({ pulled: { seq: 10 } });
      await settle();
      expect(invoke.mock.calls.map((c) => c[1].since)).toEqual([0, 5, 10, 15]);
      expect(pulls.resolve({ pulled: 2 })).toEqual(utf8('{"seq":10}'));
      // The last page reads nothing ahead.
      for (let since = 10, id = 3; since < 50; since += 5, id++)
        await pulls.handle({ type: 'pull', id, since, limit: 5 });
      await settle();
      expect(invoke.mock.calls.map((c) => c[1].since)).toEqual([0, 5, 10, 15, 20, 25, 30, 35, 40, 45]);
    });

    it('prepares a page read ahead as it arrives, after asking for the one after it', async () => {
      const invoke = log(10);
      const order: string[] = [];
      invoke.mockImplementation(async (_c, q) => {
        order.push(`pull ${q.since}`);
        const seq = q.since + 5;
        return { seq, more: true, remaining: 50 - seq, count: 5, bytes: utf8(`{"seq":${seq}}`) };
      });
      const prepare = vi.fn((bytes: Uint8Array) => {
        const { seq } = JSON.parse(new TextDecoder().decode(bytes)) as { seq: number };
        order.push(`prepare ${seq}`);
        if (seq === 10) throw new AppError('bad_request', 'Bad change', 'syncPage.changes.3');
        return { prepared: seq };
      });
      const pulls = createWorkerPulls(async () => ({ invoke }) as never, prepare);
      await pulls.handle({ type: 'pull', id: 1, since: 0, limit: 5 });
      await settle();
      // Page 10 was prepared (and refused) before the window asked for it, after page 15 was asked for.
      expect(order.slice(0, 5)).toEqual(['pull 0', 'pull 5', 'prepare 5', 'pull 10', 'prepare 10']);
      expect(pulls.resolve({ pulled: 1 })).toEqual({ prepared: 5 });
      await pulls.handle({ type: 'pull', id: 2, since: 5, limit: 5 });
      // Its write gets the error the page's validation threw, naming the field, when it takes the page.
      expect(() => pulls.resolve({ pulled: 2 })).toThrow(expect.objectContaining({ field: 'syncPage.changes.3' }));
      expect(prepare.mock.calls.filter(([b]) => new TextDecoder().decode(b) === '{"seq":10}')).toHaveLength(1);
    });

    it('drops what it read ahead when the window asks for another place (a retry, a new run)', async () => {
      const invoke = log(10);
      const pulls = createWorkerPulls(async () => ({ invoke }) as never);
      await pulls.handle({ type: 'pull', id: 1, since: 0, limit: 5 });
      await settle();
      await pulls.handle({ type: 'pull', id: 2, since: 0, limit: 5 });
      await settle();
      // Fetched again from there, and read ahead again from it.
      expect(invoke.mock.calls.map((c) => c[1].since)).toEqual([0, 5, 10, 0, 5, 10]);
    });

    it('reports a failed read-ahead to the request that takes it; the window pulls again and gets it', async () => {
      const fail = new Set([5]);
      const invoke = log(3, fail);
      const pulls = createWorkerPulls(async () => ({ invoke }) as never);
      await pulls.handle({ type: 'pull', id: 1, since: 0, limit: 5 });
      await settle();
      expect(await pulls.handle({ type: 'pull', id: 2, since: 5, limit: 5 })).toMatchObject({
        ok: false,
        error: { code: 'server_unreachable' },
      });
      fail.clear();
      expect(await pulls.handle({ type: 'pull', id: 3, since: 5, limit: 5 })).toMatchObject({
        ok: true,
        pulled: { seq: 10 },
      });
    });
  });
});
