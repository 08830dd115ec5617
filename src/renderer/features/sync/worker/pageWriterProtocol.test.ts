import { describe, expect, it, vi } from 'vitest';
import { AppError } from '../../../../shared/api/errors.js';
import { nothingApplied } from '../../../db/applySyncPage.js';
import type { PageWriter } from '../../../db/pageWriter.js';
import { handleWriterRequest } from './pageWriterProtocol.js';

const writer = (write: PageWriter['write']) => ({ seed: vi.fn(), write: vi.fn(write) });

describe('handleWriterRequest', () => {
  it('writes a page and replies with what was written', async () => {
    const w = writer(async () => ({ ...nothingApplied(7), count: 3 }));
    expect(await handleWriterRequest(w, { type: 'write', id: 4, page: { any: 1 } })).toEqual({
      id: 4,
      ok: true,
      written: { ...nothingApplied(7), count: 3 },
    });
    expect(w.write).toHaveBeenCalledWith({ any: 1 });
  });

  it("replies with the writer's AppError (code, message, field) and a plain failure as internal", async () => {
    const bad = writer(async () => Promise.reject(new AppError('bad_request', 'Fix syncPage.seq', 'syncPage.seq')));
    expect(await handleWriterRequest(bad, { type: 'write', id: 1, page: {} })).toEqual({
      id: 1,
      ok: false,
      error: { code: 'bad_request', message: 'Fix syncPage.seq', field: 'syncPage.seq' },
    });
    const quota = writer(async () => Promise.reject(new Error('QuotaExceededError')));
    expect(await handleWriterRequest(quota, { type: 'write', id: 2, page: {} })).toMatchObject({
      id: 2,
      ok: false,
      error: { code: 'internal', message: expect.stringContaining('QuotaExceededError') },
    });
  });

  it('seeds without a reply, and refuses malformed messages and mismatched placements', async () => {
    const w = writer(async () => nothingApplied(0));
    expect(await handleWriterRequest(w, { type: 'seed', ids: ['p1'], siteIds: ['s1'] })).toBeUndefined();
    expect(w.seed).toHaveBeenCalledWith({ type: 'seed', ids: ['p1'], siteIds: ['s1'] });
    expect(await handleWriterRequest(w, { type: 'seed', ids: ['p1'], siteIds: [] })).toMatchObject({
      ok: false,
      error: { field: 'siteIds' },
    });
    expect(await handleWriterRequest(w, { type: 'drop-tables' })).toMatchObject({ id: -1, ok: false });
    expect(w.write).not.toHaveBeenCalled();
  });
});
