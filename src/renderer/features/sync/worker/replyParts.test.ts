import { describe, expect, it } from 'vitest';
import { nothingApplied, type AppliedChanges } from '../../../db/applySyncPage.js';
import type { ClientProfile, Reference, Site } from '../../../../shared/domain/index.js';
import { replyMessages } from './pageWriterProtocol.js';
import { mergeApplied, splitApplied } from './replyParts.js';

function page(profiles: number, references: number): AppliedChanges {
  const a = nothingApplied(42);
  a.count = profiles + references + 3;
  a.sites.put = [{ id: 's1', country: 'US' } as Site, { id: 's2', country: 'GB' } as Site];
  a.sites.deleted = ['s9'];
  a.profiles.put = Array.from({ length: profiles }, (_, i) => ({ id: `p${i}`, siteId: 's1' }) as ClientProfile);
  a.profiles.deleted = ['p-gone'];
  a.references.put = Array.from({ length: references }, (_, i) => ({ id: `r${i}` }) as Reference);
  a.keys = {
    sites: [{ phones: ['+1'] }, { phones: [] }],
    profiles: a.profiles.put.map((p) => ({ phones: [`+${p.id}`], readWith: 'US' })),
  };
  return a;
}

const records = (a: AppliedChanges) =>
  a.sites.put.length + a.profiles.put.length + a.references.put.length + a.policies.put.length;

describe('splitApplied / mergeApplied', () => {
  it('cuts a page into parts of at most 1,000 records, each profile beside its keys, and merges back to the page', () => {
    const whole = page(2500, 700);
    const parts = splitApplied(whole);
    expect(parts.map(records)).toEqual([1000, 1000, 1000, 202]);
    for (const part of parts) {
      expect(part.keys!.profiles.map((k) => k.phones[0])).toEqual(part.profiles.put.map((p) => `+${p.id}`));
      expect(part.seq).toBe(42);
    }
    expect(mergeApplied(parts)).toEqual(whole);
  });

  it('keeps a small page whole, and pages without keys without them', () => {
    const small = page(10, 0);
    expect(splitApplied(small)).toEqual([small]);
    const noKeys = nothingApplied(7);
    expect(mergeApplied(splitApplied(noKeys))).toEqual(noKeys);
    // A bulk run's lines (one string) and the rows it wrote ride on the last part and come back whole.
    const bulk = {
      ...nothingApplied(9),
      lines: { sites: 's1\t', profiles: 'p1\ts1\t\t+12065550100' },
      rows: ['s1', 's2'],
    };
    bulk.sites.put = page(1500, 0).sites.put;
    const bulkParts = splitApplied(bulk);
    expect(bulkParts.slice(0, -1).every((p) => p.lines === undefined && p.rows === undefined)).toBe(true);
    expect(mergeApplied(bulkParts)).toEqual(bulk);
    const inThread = { ...page(1500, 0), keys: undefined };
    delete inThread.keys;
    expect(mergeApplied(splitApplied(inThread))).toEqual(inThread);
  });

  it('sends a written page as messages flagged `more` but the last, and a failure as one message', () => {
    const messages = replyMessages({ id: 3, ok: true, written: page(1800, 0) });
    expect(messages.map((m) => (m.ok && 'written' in m ? [m.id, m.more ?? false, records(m.written)] : m))).toEqual([
      [3, true, 1000],
      [3, false, 802],
    ]);
    const failed = { id: 4, ok: false as const, error: { code: 'bad_request', message: 'Fix it' } };
    expect(replyMessages(failed)).toEqual([failed]);
  });
});
