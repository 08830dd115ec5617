import { describe, expect, it, vi } from 'vitest';
import { AppError } from '../../../../shared/api/errors.js';
import { createWorkerPulls } from './workerPulls.js';

const page = (seq: number) => ({ seq, more: true, remaining: 1, count: 1, text: `{"seq":${seq}}` });

describe('createWorkerPulls (the sync worker fetching its own pages)', () => {
  it('keeps the text, answers with the cursor only, and hands the text to the write that names it, once', async () => {
    const invoke = vi.fn(async (_c: string, q: { since: number }) => page(q.since + 5));
    const pulls = createWorkerPulls(async () => ({ invoke }) as never);
    const reply = await pulls.handle({ type: 'pull', id: 3, since: 0, limit: 5000 });
    expect(reply).toEqual({ id: 3, ok: true, pulled: { seq: 5, more: true, remaining: 1, count: 1 } });
    expect(invoke).toHaveBeenCalledWith('sync.pullText', { since: 0, limit: 5000 });
    expect(pulls.resolve({ pulled: 3 })).toBe('{"seq":5}');
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
    expect(pulls.resolve({ pulled: 6 })).toBe('{"seq":1}');
  });
});
