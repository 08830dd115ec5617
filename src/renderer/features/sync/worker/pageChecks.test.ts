import { describe, expect, it, vi } from 'vitest';
import { AppError } from '../../../../shared/api/errors.js';
import { CheckedSyncPage } from '../../../db/checkedSyncPage.js';
import { handleCheckRequest, type CheckRequest } from './pageCheck.js';
import { createPageChecks, type CheckWorkerLike } from './pageChecks.js';

/** A check worker in the test's thread: answers with the real handler, after `delayFor(id)` ms (test helper). */
function fakeCheckWorker(delayFor: (id: number) => number = () => 0) {
  const listeners: { message: ((ev: { data: unknown }) => void)[]; error: ((ev: { message?: string }) => void)[] } = {
    message: [],
    error: [],
  };
  const worker = {
    posted: [] as CheckRequest[],
    terminated: false,
    postMessage(m: CheckRequest) {
      this.posted.push(m);
      setTimeout(() => listeners.message.forEach((l) => l({ data: handleCheckRequest(m) })), delayFor(m.id));
    },
    addEventListener(type: 'message' | 'error', l: (ev: never) => void) {
      listeners[type].push(l as never);
    },
    terminate() {
      this.terminated = true;
    },
    fail(message: string) {
      listeners.error.forEach((l) => l({ message }));
    },
  };
  return worker;
}

const pageText = (seq: number, firstName = 'Dana') =>
  JSON.stringify({
    seq,
    more: false,
    remaining: 0,
    maxAgeSeconds: 60,
    changes: [
      {
        seq,
        kind: 'profile',
        id: `p${seq}`,
        op: 'upsert',
        data: { id: `p${seq}`, siteId: 's1', firstName, lastName: 'R' },
      },
    ],
  });

describe('createPageChecks (pages validated in the page check worker)', () => {
  it('resolves each page, among many in flight answered out of order, with its own validated page', async () => {
    const worker = fakeCheckWorker((id) => (id % 3) * 5);
    const checks = createPageChecks(() => worker as unknown as CheckWorkerLike);
    const pages = await Promise.all(Array.from({ length: 30 }, (_, i) => checks.check(pageText(i + 1))));
    pages.forEach((p, i) => {
      expect(p).toBeInstanceOf(CheckedSyncPage);
      expect((p as CheckedSyncPage).page.seq).toBe(i + 1);
      expect(((p as CheckedSyncPage).page.changes[0] as { data: unknown }).data).toMatchObject({
        id: `p${i + 1}`,
        phones: [],
      });
    });
    expect(worker.posted).toHaveLength(30);
  });

  it('rejects a bad page with the AppError naming its field', async () => {
    const checks = createPageChecks(() => fakeCheckWorker() as unknown as CheckWorkerLike);
    const err = await checks.check(pageText(1, '')).catch((e: unknown) => e);
    expect(err).toBeInstanceOf(AppError);
    expect(err).toMatchObject({ code: 'bad_request', field: 'syncPage.changes.0.data.firstName' });
  });

  it('without a check worker hands back the text (the writer validates it), and says so once', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const spawn = vi.fn(() => undefined);
    const checks = createPageChecks(spawn);
    expect(await checks.check('{"seq":1}')).toBe('{"seq":1}');
    expect(await checks.check('{"seq":2}')).toBe('{"seq":2}');
    expect(spawn).toHaveBeenCalledTimes(1);
    expect(warn).toHaveBeenCalledTimes(1);
    warn.mockRestore();
  });

  it('when the check worker dies, pages waiting for it and later ones come back as text, never unchecked', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const worker = fakeCheckWorker(() => 1_000_000);
    const checks = createPageChecks(() => worker as unknown as CheckWorkerLike);
    const waiting = checks.check(pageText(1));
    worker.fail('script error');
    expect(await waiting).toBe(pageText(1));
    expect(await checks.check(pageText(2))).toBe(pageText(2));
    expect(worker.terminated).toBe(true);
    expect(warn.mock.calls[0]![0]).toMatch(/script error/);
    warn.mockRestore();
  });

  it('a spawn that throws counts as no check worker', async () => {
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {});
    const checks = createPageChecks(() => {
      throw new Error('SecurityError');
    });
    expect(await checks.check('x')).toBe('x');
    warn.mockRestore();
  });
});
