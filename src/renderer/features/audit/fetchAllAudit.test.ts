import { describe, expect, it } from 'vitest';
import type { AuditEntry } from '../../../shared/api/audit.js';
import { fetchAllAudit } from './fetchAllAudit.js';

const entry = (seq: number): AuditEntry => ({
  seq,
  at: '2026-11-23T10:00:00.000Z',
  actor: 'u1',
  type: 'auth.sign_in',
  subject: 's',
  data: {},
  prevHash: 'p',
  hash: 'h',
});

/** A server holding seqs 1..n, answering newest first like GET /v1/audit?order=desc. */
function server(n: number) {
  const calls: Array<{ before?: number; limit: number; type?: string }> = [];
  const api = {
    invoke: (async (_channel: 'audit.list', req: { before?: number; limit: number; type?: string }) => {
      calls.push(req);
      const top = (req.before ?? n + 1) - 1;
      const seqs = Array.from({ length: Math.min(req.limit, top) }, (_, i) => top - i);
      const last = seqs[seqs.length - 1];
      return { entries: seqs.map(entry), next: last !== undefined && last > 1 ? last : null };
    }) as never,
  };
  return { api, calls };
}

describe('fetchAllAudit', () => {
  it('pages newest first with before= until the server has no more, passing the type filter', async () => {
    const { api, calls } = server(1203);
    const progress: number[] = [];
    const { entries, truncated } = await fetchAllAudit(api, 'auth.sign_in', (n) => progress.push(n));
    expect(entries.map((e) => e.seq)).toEqual(Array.from({ length: 1203 }, (_, i) => 1203 - i));
    expect(truncated).toBe(false);
    expect(calls).toEqual([
      { limit: 500, type: 'auth.sign_in' },
      { limit: 500, before: 704, type: 'auth.sign_in' },
      { limit: 500, before: 204, type: 'auth.sign_in' },
    ]);
    expect(progress).toEqual([500, 1000, 1203]);
  });

  it('stops at the cap and says the file is cut short', async () => {
    const { api } = server(5000);
    const { entries, truncated } = await fetchAllAudit(api, null, undefined, 1200);
    expect(entries).toHaveLength(1200);
    expect(truncated).toBe(true);
  });

  it('returns nothing for an empty trail', async () => {
    expect(await fetchAllAudit(server(0).api, null)).toEqual({ entries: [], truncated: false });
  });
});
