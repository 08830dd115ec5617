import { describe, expect, it, vi } from 'vitest';
import { nothingApplied, type AppliedChanges } from '../../../db/applySyncPage.js';
import type { PageWriter } from '../../../db/pageWriter.js';
import type { WriterReply, WriterRequest } from './pageWriterProtocol.js';
import { createWorkerPageWriter, type WorkerLike } from './workerPageWriter.js';

/** A worker that records requests; the test answers them (or fails the worker). */
function fakeWorker() {
  const sent: WriterRequest[] = [];
  const on: { message?: (ev: { data: unknown }) => void; error?: (ev: { message?: string }) => void } = {};
  const worker: WorkerLike = {
    postMessage: (m) => sent.push(m),
    addEventListener: ((type: 'message' | 'error', l: never) => (on[type] = l)) as WorkerLike['addEventListener'],
    terminate: vi.fn(),
  };
  const reply = (r: WriterReply) => on.message!({ data: r });
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
