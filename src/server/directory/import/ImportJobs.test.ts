/**
 * ImportJobs on a real database (SQLite, or PostgreSQL in the `postgres` project), with a fake
 * importer: two ImportJobs on one database stand in for two server processes behind a load balancer.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { AppError } from '../../../shared/api/index.js';
import type { AnyServerDatabase } from '../../db/openServerDatabase.js';
import { openTestDatabase } from '../../testing/testDatabase.js';
import { ImportJobs } from './ImportJobs.js';
import type { PreparedImport, ProfileImporter } from './ProfileImporter.js';

const prepared = {
  preview: { siteId: 's', counts: { added: 1, updated: 0, deleted: 0, unchanged: 0, failed: 0 } },
  plan: { writes: [{}] },
} as unknown as PreparedImport;

let database: AnyServerDatabase;
beforeEach(async () => {
  database = await openTestDatabase();
});
afterEach(() => database.close());

/** An importer whose `apply` counts its runs (only one may ever run per job). */
function fakeImporter(prepare: () => Promise<PreparedImport>) {
  const applied: string[] = [];
  const importer = {
    prepare,
    assertFresh: async () => {},
    apply: async (_p: PreparedImport, actor: string) => {
      applied.push(actor);
      return { counts: prepared.preview.counts, seqBefore: 1, seqAfter: 2, summary: 'added 1' };
    },
  } as unknown as ProfileImporter;
  return { importer, applied };
}

/** `processes` ImportJobs over one database and one clock (test helper). */
function jobs(prepare: () => Promise<PreparedImport> = async () => prepared, processes = 1) {
  let now = 1_000;
  const logged: Array<[Record<string, unknown>, string]> = [];
  const fake = fakeImporter(prepare);
  const all = Array.from(
    { length: processes },
    () =>
      new ImportJobs(database.db, fake.importer, {
        now: () => now,
        ttlMs: 60_000,
        maxJobs: 2,
        heartbeatMs: 1_000,
        logError: (context, message) => logged.push([context, message]),
      }),
  );
  return { j: all[0]!, all, logged, applied: fake.applied, advance: (ms: number) => (now += ms) };
}

describe('ImportJobs', () => {
  it('forgets a job after its time to live, and keeps at most maxJobs (the oldest finished one goes)', async () => {
    const { j, advance } = jobs();
    const a = (await j.start('s', new Uint8Array([1]), 'csv')).token;
    expect((await j.settled(a)).phase).toBe('ready');
    advance(60_001);
    await expect(j.status(a)).rejects.toThrow(/unknown or has expired/);
    const b = (await j.start('s', new Uint8Array([1]), 'csv')).token;
    await j.settled(b);
    advance(10);
    const c = (await j.start('s', new Uint8Array([1]), 'csv')).token;
    await j.settled(c);
    advance(10);
    const d = (await j.start('s', new Uint8Array([1]), 'csv')).token;
    await expect(j.status(b)).rejects.toThrow(AppError);
    expect((await j.status(c)).phase).toBe('ready');
    expect((await j.settled(d)).phase).toBe('ready');
  });

  it('a server fault while validating is logged with context and reported without details', async () => {
    const { j, logged } = jobs(async () => {
      throw new Error('disk I/O error at /secret/path');
    });
    const status = await j.settled((await j.start('site-x', new Uint8Array([1]), 'csv')).token);
    expect(status.phase).toBe('failed');
    expect(status.error).toMatchObject({ code: 'internal' });
    expect(status.error!.message).not.toContain('/secret/path');
    expect(logged).toHaveLength(1);
    expect(logged[0]![0]).toMatchObject({ siteId: 'site-x', phase: 'validating' });
  });

  it('applies a job once: 20 concurrent applies, one starts, the others get 409', async () => {
    const { j, applied } = jobs();
    const token = (await j.start('s', new Uint8Array([1]), 'csv')).token;
    await j.settled(token);
    const outcomes = await Promise.allSettled(
      Array.from({ length: 20 }, () => j.apply(token, 'admin', { skipFailedRows: false })),
    );
    expect(outcomes.filter((o) => o.status === 'fulfilled')).toHaveLength(1);
    expect(
      outcomes.filter((o) => o.status === 'rejected').map((o) => (o as PromiseRejectedResult).reason.code),
    ).toEqual(Array(19).fill('conflict'));
    expect((await j.settled(token)).result?.summary).toBe('added 1');
    expect(applied).toEqual(['admin']);
  });

  it('answers for a job in every process sharing the database: status, preview and apply on another one', async () => {
    const { all, applied } = jobs(async () => prepared, 2);
    const [a, b] = all as [ImportJobs, ImportJobs];
    const token = (await a.start('s', new Uint8Array([1]), 'csv')).token;
    await a.settled(token);
    expect(await b.status(token)).toMatchObject({ phase: 'ready', preview: prepared.preview });
    // Applies of one token arriving at both processes at once: one starts.
    const outcomes = await Promise.allSettled(
      Array.from({ length: 10 }, (_, i) => (i % 2 ? a : b).apply(token, `admin-${i}`, { skipFailedRows: false })),
    );
    expect(outcomes.filter((o) => o.status === 'fulfilled')).toHaveLength(1);
    await Promise.all([a.settled(token), b.settled(token)]);
    expect(await a.status(token)).toMatchObject({
      phase: 'applied',
      done: 1,
      total: 1,
      result: { summary: 'added 1' },
    });
    expect(applied).toHaveLength(1);
    // The plan is not kept once applied.
    const row = await database.db.selectFrom('import_jobs').select('prepared').executeTakeFirstOrThrow();
    expect(row.prepared).toBeNull();
  });

  it('reports a job whose process stopped as failed, with nothing changed, in every process', async () => {
    let finish: (p: PreparedImport) => void = () => {};
    const { all, advance } = jobs(() => new Promise((resolve) => (finish = resolve)), 2);
    const [a, b] = all as [ImportJobs, ImportJobs];
    const token = (await a.start('s', new Uint8Array([1]), 'csv')).token;
    expect((await b.status(token)).phase).toBe('validating');
    // Process `a` hangs: no heartbeat for six intervals (its timer is real time; the clock here is not).
    advance(6_001);
    const stopped = await b.status(token);
    expect(stopped).toMatchObject({ phase: 'failed', error: { code: 'unavailable' } });
    expect(stopped.error!.message).toMatch(/nothing was changed/);
    finish(prepared); // it comes back: its late end does not revive the job
    await a.settled(token);
    await expect(b.apply(token, 'admin', { skipFailedRows: false })).rejects.toMatchObject({ code: 'conflict' });
  });

  it('never stores the token itself', async () => {
    const { j } = jobs();
    const { token } = await j.start('s', new Uint8Array([1]), 'csv');
    await j.settled(token);
    const rows = await database.db.selectFrom('import_jobs').selectAll().execute();
    expect(JSON.stringify(rows)).not.toContain(token);
  });
});
