import { describe, expect, it, vi } from 'vitest';
import { nothingApplied, type AppliedChanges } from '../../../db/applySyncPage.js';
import type { PageWriter } from '../../../db/pageWriter.js';
import type { WriterReply, WriterRequest } from './pageWriterProtocol.js';
import type { PullReply, PullRequest } from './workerPulls.js';
import { createWorkerPageWriter, type WorkerLike } from './workerPageWriter.js';

/** A worker that records requests; the test answers them (or fails the worker). */
function fakeWorker() {
  const sent: Array<WriterRequest | PullRequest> = [];
  const on: { message?: (ev: { data: unknown }) => void; error?: (ev: { message?: string }) => void } = {};
  const worker: WorkerLike = {
    postMessage: (m) => sent.push(m),
    addEventListener: ((type: 'message' | 'error', l: never) => (on[type] = l)) as WorkerLike['addEventListener'],
    terminate: vi.fn(),
  };
  const reply = (r: WriterReply | PullReply) => on.message!({ data: r });
  return { worker, sent, reply, fail: (message: string) => on.error!({ message }) };
}

function recordingWriter() {
  const writes: unknown[] = [];
  const seeds: unknown[] = [];
  const writer: PageWriter = {
    seed: (p) => void seeds.push(p),
    write: async (page): Promise<AppliedChanges> => (writes.push(page), { ...nothingApplied(writes.length), count: 1 }),
  };
  return { writer, writes, seeds };
}

const cursor = { seq: 7, more: true, remaining: 3, count: 2 };

describe('createWorkerPageWriter: pages the worker pulls itself', () => {
  it('asks the worker to pull, and hands the reference it answers with to the write', async () => {
    const f = fakeWorker();
    const relay = vi.fn();
    const w = createWorkerPageWriter(f.worker, () => recordingWriter().writer, { relay, direct: true });
    const p = w.pull!({ since: 0, limit: 5000 });
    expect(f.sent).toEqual([{ type: 'pull', id: 1, since: 0, limit: 5000 }]);
    f.reply({ id: 1, ok: true, pulled: cursor });
    const pulled = await p;
    expect(pulled).toEqual({ ...cursor, page: { pulled: 1 } });
    void w.write(pulled.page);
    expect(f.sent[1]).toEqual({ type: 'write', id: 2, page: { pulled: 1 } });
    expect(relay).not.toHaveBeenCalled();
  });

  it('relays through the window from then on when the worker has no connection of its own', async () => {
    const f = fakeWorker();
    const relay = vi.fn(async () => ({ ...cursor, bytes: new TextEncoder().encode('{"page":1}') }));
    const w = createWorkerPageWriter(f.worker, () => recordingWriter().writer, { relay, direct: true });
    const p = w.pull!({ since: 0, limit: 10 });
    f.reply({ id: 1, ok: false, error: { code: 'bridge_unavailable', message: 'no socket' } });
    await expect(p).resolves.toEqual({ ...cursor, page: new TextEncoder().encode('{"page":1}') });
    await expect(w.pull!({ since: 7, limit: 10 })).resolves.toMatchObject({
      page: new TextEncoder().encode('{"page":1}'),
    });
    expect(f.sent).toHaveLength(1); // the second pull never went to the worker
    expect(relay).toHaveBeenLastCalledWith({ since: 7, limit: 10 });
  });

  it("passes a pull's error on as an AppError (the sync's retry reads its code)", async () => {
    const f = fakeWorker();
    const w = createWorkerPageWriter(f.worker, () => recordingWriter().writer, { relay: vi.fn(), direct: true });
    const p = w.pull!({ since: 0, limit: 10 });
    f.reply({ id: 1, ok: false, error: { code: 'server_unreachable', message: 'Lost the server' } });
    await expect(p).rejects.toMatchObject({ name: 'AppError', code: 'server_unreachable' });
  });

  it('relays every page when direct pulls are off (Electron: pages come over IPC)', async () => {
    const f = fakeWorker();
    const relay = vi.fn(async () => ({ ...cursor, bytes: new TextEncoder().encode('T') }));
    const w = createWorkerPageWriter(f.worker, () => recordingWriter().writer, { relay, direct: false });
    await expect(w.pull!({ since: 0, limit: 10 })).resolves.toMatchObject({ page: new TextEncoder().encode('T') });
    expect(f.sent).toEqual([]);
  });

  it('a worker lost mid-pull: the pull is relayed, and a write of a page it held stops the run', async () => {
    const f = fakeWorker();
    const relay = vi.fn(async () => ({ ...cursor, bytes: new TextEncoder().encode('T') }));
    const w = createWorkerPageWriter(f.worker, () => recordingWriter().writer, { relay, direct: true });
    const p = w.pull!({ since: 0, limit: 10 });
    f.fail('worker crashed');
    await expect(p).resolves.toMatchObject({ page: new TextEncoder().encode('T') });
    await expect(w.write({ pulled: 1 })).rejects.toMatchObject({ code: 'unavailable' });
  });
});

describe('createWorkerPageWriter', () => {
  it('posts seeds and pages in order and resolves each write with its own reply', async () => {
    const f = fakeWorker();
    const w = createWorkerPageWriter(f.worker, () => recordingWriter().writer);
    w.seed({ ids: ['p1'], siteIds: ['s1'] });
    const a = w.write({ page: 'a' });
    const b = w.write({ page: 'b' });
    expect(f.sent).toEqual([
      { type: 'seed', ids: ['p1'], siteIds: ['s1'] },
      { type: 'write', id: 1, page: { page: 'a' } },
      { type: 'write', id: 2, page: { page: 'b' } },
    ]);
    f.reply({ id: 1, ok: true, written: { ...nothingApplied(10), count: 5 } });
    f.reply({ id: 2, ok: false, error: { code: 'bad_request', message: 'Bad page', field: 'syncPage.changes.0' } });
    await expect(a).resolves.toMatchObject({ seq: 10, count: 5 });
    await expect(b).rejects.toMatchObject({ name: 'AppError', code: 'bad_request', field: 'syncPage.changes.0' });
  });

  it('resolves a write once every part of its reply is in, merged in order', async () => {
    const f = fakeWorker();
    const w = createWorkerPageWriter(f.worker, () => recordingWriter().writer);
    const a = w.write('a');
    const part = (id: string) => ({ ...nothingApplied(9), count: 3, profiles: { put: [{ id }], deleted: [] } });
    let settled = false;
    void a.then(() => (settled = true));
    f.reply({ id: 1, ok: true, written: part('p1') as unknown as AppliedChanges, more: true });
    f.reply({ id: 1, ok: true, written: part('p2') as unknown as AppliedChanges, more: true });
    await Promise.resolve();
    expect(settled).toBe(false);
    f.reply({ id: 1, ok: true, written: part('p3') as unknown as AppliedChanges });
    expect((await a).profiles.put.map((p) => p.id)).toEqual(['p1', 'p2', 'p3']);
  });

  it('writes waiting and later pages in-thread, in order and seeded, when the worker fails to start', async () => {
    const f = fakeWorker();
    const fallback = recordingWriter();
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const w = createWorkerPageWriter(f.worker, () => fallback.writer);
    w.seed({ ids: ['p1'], siteIds: ['s1'] });
    const a = w.write('a');
    const b = w.write('b');
    f.fail('module script failed');
    await expect(Promise.all([a, b])).resolves.toMatchObject([
      { seq: 1, count: 1 },
      { seq: 2, count: 1 },
    ]);
    await w.write('c');
    expect(fallback.writes).toEqual(['a', 'b', 'c']);
    expect(fallback.seeds).toEqual([{ ids: ['p1'], siteIds: ['s1'] }]);
    expect(f.worker.terminate).toHaveBeenCalled();
    expect(warn).toHaveBeenCalledWith(expect.stringContaining('module script failed'));
    warn.mockRestore();
  });

  it('stops the run at its checkpoint when the worker is lost after writing pages of it', async () => {
    const f = fakeWorker();
    const fallback = recordingWriter();
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const w = createWorkerPageWriter(f.worker, () => fallback.writer);
    w.seed({ ids: [], siteIds: [] });
    const a = w.write('a');
    f.reply({ id: 1, ok: true, written: { ...nothingApplied(1), count: 1 } });
    await a;
    const b = w.write('b');
    f.fail('crashed');
    await expect(b).rejects.toMatchObject({ code: 'unavailable' });
    expect(fallback.writes).toEqual([]); // never written without knowing where page a put its profiles
    warn.mockRestore();
  });
});

describe('createWorkerPageWriter keeps its placement across runs', () => {
  it('is seeded once and stays so, until the worker is lost after writing: then it writes nothing until seeded again', async () => {
    const f = fakeWorker();
    const fallback = recordingWriter();
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const w = createWorkerPageWriter(f.worker, () => fallback.writer);
    expect(w.seeded).toBe(false);
    w.seed({ ids: ['p1'], siteIds: ['s1'] });
    const a = w.write('a');
    f.reply({ id: 1, ok: true, written: { ...nothingApplied(1), count: 1 } });
    await a;
    expect(w.seeded).toBe(true); // a later run writes on without a new seed
    f.fail('crashed'); // between runs
    expect(w.seeded).toBe(false);
    await expect(w.write('b')).rejects.toMatchObject({ code: 'unavailable' });
    expect(fallback.writes).toEqual([]); // never written with the stale placement
    w.seed({ ids: ['p1', 'p2'], siteIds: ['s1', 's2'] });
    expect(w.seeded).toBe(true);
    await w.write('c');
    expect(fallback.writes).toEqual(['c']);
    expect(fallback.seeds.at(-1)).toEqual({ ids: ['p1', 'p2'], siteIds: ['s1', 's2'] });
    warn.mockRestore();
  });
});
