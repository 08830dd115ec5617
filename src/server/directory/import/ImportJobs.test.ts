import { describe, expect, it } from 'vitest';
import { AppError } from '../../../shared/api/index.js';
import { ImportJobs } from './ImportJobs.js';
import type { PreparedImport, ProfileImporter } from './ProfileImporter.js';

const prepared = {
  preview: { siteId: 's', counts: { added: 1, updated: 0, deleted: 0, unchanged: 0, failed: 0 } },
  plan: { writes: [{}] },
} as unknown as PreparedImport;

function fakeImporter(prepare: () => Promise<PreparedImport>): ProfileImporter {
  return {
    prepare,
    assertFresh: async () => {},
    apply: async () => ({ counts: prepared.preview.counts, seqBefore: 1, seqAfter: 2, summary: 'added 1' }),
  } as unknown as ProfileImporter;
}

function jobs(prepare: () => Promise<PreparedImport> = async () => prepared) {
  let now = 1_000;
  const logged: Array<[Record<string, unknown>, string]> = [];
  const j = new ImportJobs(fakeImporter(prepare), {
    now: () => now,
    ttlMs: 60_000,
    maxJobs: 2,
    logError: (context, message) => logged.push([context, message]),
  });
  return { j, logged, advance: (ms: number) => (now += ms) };
}

describe('ImportJobs', () => {
  it('forgets a job after its time to live, and keeps at most maxJobs (the oldest finished one goes)', async () => {
    const { j, advance } = jobs();
    const a = j.start('s', new Uint8Array([1]), 'csv').token;
    expect((await j.settled(a)).phase).toBe('ready');
    advance(60_001);
    expect(() => j.status(a)).toThrow(/unknown or has expired/);
    const b = j.start('s', new Uint8Array([1]), 'csv').token;
    const c = j.start('s', new Uint8Array([1]), 'csv').token;
    await Promise.all([j.settled(b), j.settled(c)]);
    const d = j.start('s', new Uint8Array([1]), 'csv').token;
    expect(() => j.status(b)).toThrow(AppError);
    expect(j.status(c).phase).toBe('ready');
    expect((await j.settled(d)).phase).toBe('ready');
  });

  it('a server fault while validating is logged with context and reported without details', async () => {
    const { j, logged } = jobs(async () => {
      throw new Error('disk I/O error at /secret/path');
    });
    const status = await j.settled(j.start('site-x', new Uint8Array([1]), 'csv').token);
    expect(status.phase).toBe('failed');
    expect(status.error).toMatchObject({ code: 'internal' });
    expect(status.error!.message).not.toContain('/secret/path');
    expect(logged).toHaveLength(1);
    expect(logged[0]![0]).toMatchObject({ siteId: 'site-x', phase: 'validating' });
  });

  it('applies a job once: 20 concurrent applies, one starts, the others get 409', async () => {
    const { j } = jobs();
    const token = j.start('s', new Uint8Array([1]), 'csv').token;
    await j.settled(token);
    const outcomes = await Promise.allSettled(
      Array.from({ length: 20 }, () => j.apply(token, 'admin', { skipFailedRows: false })),
    );
    expect(outcomes.filter((o) => o.status === 'fulfilled')).toHaveLength(1);
    expect(
      outcomes.filter((o) => o.status === 'rejected').map((o) => (o as PromiseRejectedResult).reason.code),
    ).toEqual(Array(19).fill('conflict'));
    expect((await j.settled(token)).result?.summary).toBe('added 1');
  });
});
