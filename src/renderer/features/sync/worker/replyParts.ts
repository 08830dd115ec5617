/**
 * A written page's net changes (5,000 profiles, their keys, references) go back from the sync worker
 * in parts of at most `PART_RECORDS` records, one message each. The renderer reads a message's data
 * in one go on its main thread (a structured clone), and a whole page took 30–100 ms: a long task
 * that a lookup typed meanwhile had to wait for. Parts of 1,000 records are a few ms each.
 */
import type { AppliedChanges } from '../../../db/applySyncPage.js';

export const PART_RECORDS = 1000;

type Kind = 'sites' | 'profiles' | 'references' | 'policies' | 'credentials';
const KINDS: readonly Kind[] = ['sites', 'profiles', 'references', 'policies', 'credentials'];

function emptyLike(a: AppliedChanges): AppliedChanges {
  const out: AppliedChanges = {
    seq: a.seq,
    count: a.count,
    sites: { put: [], deleted: [] },
    profiles: { put: [], deleted: [] },
    references: { put: [], deleted: [] },
    policies: { put: [], deleted: [] },
    credentials: { put: [], deleted: [] },
  };
  if (a.keys) out.keys = { sites: [], profiles: [] };
  return out;
}

/** `a` in parts of at most `size` upserted records (deletions are ids: they ride along); never empty. */
export function splitApplied(a: AppliedChanges, size = PART_RECORDS): AppliedChanges[] {
  const parts: AppliedChanges[] = [];
  let part = emptyLike(a);
  let n = 0;
  for (const kind of KINDS) {
    const put = a[kind].put;
    for (let i = 0; i < put.length; i++) {
      if (n === size) {
        parts.push(part);
        part = emptyLike(a);
        n = 0;
      }
      (part[kind].put as unknown[]).push(put[i]);
      if ((kind === 'sites' || kind === 'profiles') && a.keys) part.keys![kind].push(a.keys[kind][i]!);
      n++;
    }
    part[kind].deleted.push(...a[kind].deleted);
  }
  if (a.lines) part.lines = a.lines; // one string: it rides on the last part
  if (a.rows) part.rows = a.rows;
  parts.push(part);
  return parts;
}

/** The parts back as one (what `splitApplied` was given). */
export function mergeApplied(parts: readonly AppliedChanges[]): AppliedChanges {
  if (parts.length === 1) return parts[0]!;
  const out = emptyLike(parts[0]!);
  for (const p of parts) {
    for (const kind of KINDS) {
      (out[kind].put as unknown[]).push(...p[kind].put);
      out[kind].deleted.push(...p[kind].deleted);
    }
    if (out.keys && p.keys) {
      out.keys.sites.push(...p.keys.sites);
      out.keys.profiles.push(...p.keys.profiles);
    }
    if (p.lines) out.lines = p.lines;
    if (p.rows) out.rows = p.rows;
  }
  return out;
}
